package org.oostkit.wrt.domain.nomination;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.nomination.NominationCommands.SubmitNominations;
import org.oostkit.wrt.api.nomination.NominationCommands;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.nomination.NomineeInput;
import org.oostkit.wrt.domain.invitation.InvitationDirectory;
import org.oostkit.wrt.domain.round.RoundDirectory;
import org.oostkit.wrt.domain.security.PersonIdentities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The people one verified nominator names in one round, or their explicit answer that they have no one to
 * suggest. The first submission creates it, later ones replace the whole answer, as long as the round is open;
 * an empty list without that answer is refused (an accidental empty save is not an answer). Nobody can name themselves; the same address twice
 * counts once.
 */
@Aggregate
class Nomination {

    @AggregateIdentifier
    private NominationId id;
    private List<Nominee> nominees = List.of();
    private boolean noOneToSuggest;

    Nomination() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubmitNominations command, InvitationDirectory invitations, RoundDirectory rounds,
                PersonIdentities identities) {
        InvitationDirectory.Entry invitation = invitations.find(command.invitationId())
                .filter(entry -> entry.organisationId().equals(command.organisationId()))
                .orElseThrow(() -> new NotFound("Invitation"));
        if (!NominationId.forInvitation(command.invitationId()).equals(command.nominationId())) {
            throw new RuleViolation(Rule.NOMINATION_ID_INVALID, "The nomination id does not belong to the invitation.");
        }
        if (!invitation.verified()) {
            throw new RuleViolation(Rule.NOT_VERIFIED, "Confirm your email address with the code first.");
        }
        if (!rounds.lockIfOpen(invitation.roundId())) {
            throw RuleViolation.variant(Rule.ROUND_CLOSED, "nominations",
                    "This round is closed; nominations can no longer be changed.");
        }
        List<Nominee> list = validated(command.nominees(), invitation, identities);
        if (command.noOneToSuggest() && !list.isEmpty()) {
            throw new RuleViolation(Rule.NO_ONE_WITH_PEOPLE,
                    "Either name people or answer that you have no one to suggest, not both.");
        }
        if (!command.noOneToSuggest() && list.isEmpty()) {
            // an empty save is usually an accident; only the explicit answer counts as "no one"
            throw new RuleViolation(Rule.NOMINEES_EMPTY,
                    "Name at least one person, or answer that you have no one to suggest.");
        }
        if (id != null && list.equals(nominees) && command.noOneToSuggest() == noOneToSuggest) {
            return; // the same answer again (a double submit): nothing happened
        }
        int roundNumber = rounds.roundNumber(invitation.roundId());
        if (id == null) {
            apply(new NominationSubmitted(invitation.organisationId(), invitation.campaignId(), invitation.roundId(),
                    roundNumber, command.nominationId(), invitation.invitationId(), invitation.personId(), list,
                    command.noOneToSuggest()));
        } else {
            apply(new NominationRevised(invitation.organisationId(), invitation.campaignId(), invitation.roundId(),
                    roundNumber, command.nominationId(), invitation.invitationId(), invitation.personId(), list,
                    command.noOneToSuggest()));
        }
    }

    private static List<Nominee> validated(List<NomineeInput> input, InvitationDirectory.Entry invitation,
                                           PersonIdentities identities) {
        List<NomineeInput> rows = input == null ? List.of() : input;
        Map<PersonId, Nominee> merged = new LinkedHashMap<>();
        int position = 0;
        for (NomineeInput row : rows) {
            position++;
            String name = TextRule.PERSON_NAME.clean(row.name());
            String email = Emails.normalise(row.email());
            String reason = TextRule.NOMINATION_REASON.clean(row.reason());
            if (name.isEmpty() && (email == null || email.isEmpty()) && reason.isEmpty()) {
                continue; // an empty row of the form
            }
            TextRule.Verdict nameProblem = TextRule.PERSON_NAME.verdict(row.name());
            if (nameProblem != null) {
                // worded by the verdict's own sentence (text.<kind>) and values, so that a page can say it
                throw RuleViolation.keyed(Rule.NOMINEE_INVALID, nameProblem.key(),
                        "Person " + position + ": " + nameProblem.english() + ".", nameProblem.arguments().toArray());
            }
            if (name.isEmpty()) {
                throw new RuleViolation(Rule.NOMINEE_INVALID, "Person " + position + ": the name is missing.", position);
            }
            if (email == null || !Emails.isValid(email)) {
                // the pattern names only the position: the name is the nominee's, not the reader's
                throw RuleViolation.variant(Rule.NOMINEE_INVALID, "email", "Person " + position + " (" + name
                        + "): the email address is not valid.", position);
            }
            TextRule.Verdict reasonProblem = TextRule.NOMINATION_REASON.verdict(row.reason());
            if (reasonProblem != null) {
                throw RuleViolation.keyed(Rule.NOMINEE_INVALID, reasonProblem.key(), "Person " + position + " ("
                        + name + "): " + reasonProblem.english() + ".", reasonProblem.arguments().toArray());
            }
            PersonId personId = identities.personId(invitation.campaignId(), email);
            if (personId.equals(invitation.personId())) {
                throw new RuleViolation(Rule.SELF_NOMINATION, "You cannot nominate yourself.");
            }
            merged.merge(personId, new Nominee(personId, name, email, reason),
                    (first, again) -> first.reason().isEmpty() ? new Nominee(personId, first.name(), email,
                            again.reason()) : first);
        }
        if (merged.size() > NominationCommands.MAX_NOMINEES) {
            throw new RuleViolation(Rule.TOO_MANY_NOMINEES, "You can name at most " + NominationCommands.MAX_NOMINEES
                    + " people.", NominationCommands.MAX_NOMINEES);
        }
        return new ArrayList<>(merged.values());
    }

    @EventSourcingHandler
    void on(NominationSubmitted event) {
        id = event.nominationId();
        nominees = event.nominees();
        noOneToSuggest = event.noOneToSuggest();
    }

    @EventSourcingHandler
    void on(NominationRevised event) {
        nominees = event.nominees();
        noOneToSuggest = event.noOneToSuggest();
    }
}

package org.oostkit.wrt.domain.campaign;

import org.oostkit.wrt.api.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddNominees;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPeople;
import org.oostkit.wrt.api.campaign.CampaignCommands.AddSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.ApplyRetention;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignDetails;
import org.oostkit.wrt.api.campaign.CampaignCommands.ChangeCampaignTimeZone;
import org.oostkit.wrt.api.campaign.CampaignCommands.CloseShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.CompleteCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.CreateCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.EraseCampaign;
import org.oostkit.wrt.api.campaign.CampaignCommands.ErasePerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.RecordSelectionMail;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveFromShortlist;
import org.oostkit.wrt.api.campaign.CampaignCommands.RemoveSeedPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.ShortlistPerson;
import org.oostkit.wrt.api.campaign.CampaignCommands.StartRound;
import org.oostkit.wrt.api.campaign.CampaignCommands.TellTheChosen;
import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignLanguageChanged;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignLanguage;
import org.oostkit.wrt.api.campaign.CampaignMailCommands.ChangeCampaignSender;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands.BringPersonBack;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands.SetPersonAside;
import org.oostkit.wrt.api.campaign.CampaignRosterCommands;
import org.oostkit.wrt.api.campaign.CampaignSender;
import org.oostkit.wrt.api.campaign.CampaignSenderChanged;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.CampaignTimeZoneChanged;
import org.oostkit.wrt.api.campaign.ErasureReason;
import org.oostkit.wrt.api.campaign.NominationsRecorded;
import org.oostkit.wrt.api.campaign.NomineeEntry;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.PersonRemovedFromShortlist;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.PersonShortlisted;
import org.oostkit.wrt.api.campaign.PersonToldOfSelection;
import org.oostkit.wrt.api.campaign.RetentionOutcome;
import org.oostkit.wrt.api.campaign.RetentionWarning;
import org.oostkit.wrt.api.campaign.RetentionWarningSent;
import org.oostkit.wrt.api.campaign.SeedBatchResult;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.campaign.SeedRow;
import org.oostkit.wrt.api.campaign.SeedRowOutcome.Result;
import org.oostkit.wrt.api.campaign.SeedRowOutcome;
import org.oostkit.wrt.api.campaign.SelectionMailNotSent;
import org.oostkit.wrt.api.campaign.SelectionMailRequested;
import org.oostkit.wrt.api.campaign.ShortlistClosed;
import org.oostkit.wrt.api.common.Emails;
import org.oostkit.wrt.api.common.NotFound;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.common.RuleViolation;
import org.oostkit.wrt.api.common.TextRule;
import org.oostkit.wrt.api.common.TimeZones;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.domain.invitation.Invitation;
import org.oostkit.wrt.domain.organisation.OrganisationDirectory;
import org.oostkit.wrt.domain.round.Round;
import org.oostkit.wrt.domain.round.RoundDirectory;
import org.oostkit.wrt.domain.security.PersonIdentities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A campaign and its roster. Invariants: a person (normalised email) is in the roster once and is asked at
 * most once per campaign; a seed person can be removed only before being asked; a nominated person not asked
 * yet stays only while someone names them; one round is open at a time; a completed campaign changes no more.
 * Erasure: an erased campaign takes no command at all; it is erased on request only while no round is open,
 * and by retention only when completed, its retention period is over and its admins were warned (7 days
 * ahead at least); each warning kind is recorded once; a person is erased once, and only a person the
 * campaign knows. The workshop shortlist (which may still change after completion) holds people of the
 * roster who are not erased, each once; only a chosen person can be taken off it; once closed as final (with
 * someone on it) it changes no more.
 */
@Aggregate(cache = "aggregateCache")
public class Campaign {

    @AggregateIdentifier
    private CampaignId id;
    private OrganisationId organisationId;
    private boolean completed;
    private Instant completedAt;
    private boolean erased;
    /** The campaign's own zone; null while it follows its organisation's. */
    private ZoneId timeZone;
    private final Map<RetentionWarning, Instant> warnings = new EnumMap<>(RetentionWarning.class);
    /** Everyone the campaign ever recorded (also those who left the roster): whom an erasure can concern. */
    private final Set<PersonId> known = new HashSet<>();
    private final Set<PersonId> erasedPeople = new HashSet<>();
    private int roundCount;
    private RoundId lastRound;
    private final Map<PersonId, Person> roster = new LinkedHashMap<>();
    /** Whom each nominator names now, and who names each person: the roster keeps whoever is named. */
    private final Map<PersonId, Set<PersonId>> listOf = new HashMap<>();
    private final Map<PersonId, Set<PersonId>> namedBy = new HashMap<>();
    private final Set<PersonId> shortlist = new LinkedHashSet<>();
    private boolean shortlistClosed;
    private CampaignSender sender = CampaignSender.NONE;
    private String language = CampaignLanguage.DEFAULT;
    /** People not asked yet whom an admin left out of the next rounds, until brought back. */
    private final Set<PersonId> setAside = new HashSet<>();
    /** Whom a selection mail was asked for (each once), and whose selection mail has an outcome recorded. */
    private final Set<PersonId> selectionRequested = new HashSet<>();
    private final Set<PersonId> selectionRecorded = new HashSet<>();

    Campaign() {
    }

    @CommandHandler
    Campaign(CreateCampaign command, OrganisationDirectory organisations) {
        requireActive(organisations, command.organisationId());
        apply(new CampaignCreated(command.organisationId(), command.campaignId(), validated(command.settings())));
    }

    @CommandHandler
    void handle(ChangeCampaignDetails command) {
        requireTenantAndNotCompleted(command.organisationId());
        apply(new CampaignDetailsChanged(organisationId, id, validated(command.settings())));
    }

    /** Also after completion: the zone only changes how the campaign's times are shown, e.g. in its report. */
    @CommandHandler
    void handle(ChangeCampaignTimeZone command) {
        requireTenantAndNotErased(command.organisationId());
        ZoneId zone = TimeZones.optional(command.timeZone());
        if (!Objects.equals(zone, timeZone)) {
            apply(new CampaignTimeZoneChanged(organisationId, id, zone == null ? null : zone.getId()));
        }
    }

    @CommandHandler
    void handle(CompleteCampaign command, RoundDirectory rounds) {
        requireTenantAndNotCompleted(command.organisationId());
        if (lastRound != null && rounds.isOpen(lastRound)) {
            throw RuleViolation.variant(Rule.ROUND_OPEN, "complete", "Round " + roundCount + " is still open; close it first.",
                    roundCount);
        }
        apply(new CampaignCompleted(organisationId, id));
    }

    @CommandHandler
    void handle(EraseCampaign command, RoundDirectory rounds) {
        requireTenantAndNotErased(command.organisationId());
        if (lastRound != null && rounds.isOpen(lastRound)) {
            throw RuleViolation.variant(Rule.ROUND_OPEN, "erase", "Round " + roundCount + " is still open; close it "
                    + "before erasing the campaign.", roundCount);
        }
        apply(new CampaignErased(organisationId, id, ErasureReason.ON_REQUEST));
    }

    @CommandHandler
    PersonId handle(ErasePerson command, PersonIdentities identities) {
        requireTenantAndNotErased(command.organisationId());
        String email = Emails.normalise(command.email());
        PersonId personId = email == null || email.isEmpty() ? null : identities.personId(id, email);
        if (personId == null || !known.contains(personId)) {
            throw new NotFound("Person");
        }
        if (erasedPeople.contains(personId)) {
            throw new RuleViolation(Rule.PERSON_ERASED, "This person's data has already been erased.");
        }
        apply(new PersonErased(organisationId, id, personId));
        return personId;
    }

    @CommandHandler
    void handle(ShortlistPerson command) {
        requireShortlistOpen(command.organisationId());
        PersonId person = command.personId();
        if (person == null || !roster.containsKey(person)) {
            throw new NotFound("Person");
        }
        if (erasedPeople.contains(person)) {
            throw RuleViolation.variant(Rule.PERSON_ERASED, "notChosen",
                    "This person's data has been erased; they cannot be chosen.");
        }
        if (shortlist.contains(person)) {
            throw new RuleViolation(Rule.ALREADY_SHORTLISTED, "This person is already on the shortlist.");
        }
        String note = TextRule.SHORTLIST_NOTE.require(command.note(), Rule.NOTE_INVALID);
        apply(new PersonShortlisted(organisationId, id, person, note));
    }

    @CommandHandler
    void handle(RemoveFromShortlist command) {
        requireShortlistOpen(command.organisationId());
        if (command.personId() == null || !shortlist.contains(command.personId())) {
            throw new RuleViolation(Rule.NOT_SHORTLISTED, "This person is not on the shortlist.");
        }
        apply(new PersonRemovedFromShortlist(organisationId, id, command.personId()));
    }

    @CommandHandler
    void handle(CloseShortlist command) {
        requireShortlistOpen(command.organisationId());
        if (shortlist.isEmpty()) {
            throw new RuleViolation(Rule.SHORTLIST_EMPTY, "Choose at least one person before closing the shortlist.");
        }
        apply(new ShortlistClosed(organisationId, id, shortlist.size()));
    }

    /**
     * Asks for one selection mail per shortlisted person not asked for yet and not erased: pressing twice, or
     * telling again after more were chosen, mails only the newcomers. Allowed on an open or closed shortlist.
     */
    @CommandHandler
    int handle(TellTheChosen command) {
        requireTenantAndNotErased(command.organisationId());
        String message = TextRule.SELECTION_MESSAGE.require(command.message(), Rule.MESSAGE_INVALID);
        List<Person> toTell = shortlist.stream()
                .filter(p -> !selectionRequested.contains(p) && !erasedPeople.contains(p) && roster.containsKey(p))
                .map(roster::get).toList();
        if (toTell.isEmpty()) {
            throw shortlist.isEmpty()
                    ? new RuleViolation(Rule.NOBODY_TO_TELL, "The shortlist is empty: choose people before telling them.")
                    : RuleViolation.variant(Rule.NOBODY_TO_TELL, "allTold",
                            "Everyone on the shortlist has already been told.");
        }
        toTell.forEach(p -> apply(new SelectionMailRequested(organisationId, id, p.id(), p.name(), p.email(), message)));
        return toTell.size();
    }

    /** The mail sender's record of a selection mail; once per person, also after erasure (it names nobody). */
    @CommandHandler
    void handle(RecordSelectionMail command) {
        if (!organisationId.equals(command.organisationId())) {
            throw new NotFound("Campaign");
        }
        if (!selectionRequested.contains(command.personId()) || selectionRecorded.contains(command.personId())) {
            return;
        }
        if (command.providerMessageId() != null) {
            apply(new PersonToldOfSelection(organisationId, id, command.personId(), command.providerMessageId()));
        } else {
            apply(new SelectionMailNotSent(organisationId, id, command.personId(),
                    command.reason() == null ? "" : command.reason(), command.uncertain()));
        }
    }

    private void requireShortlistOpen(OrganisationId tenant) {
        requireTenantAndNotErased(tenant);
        if (shortlistClosed) {
            throw new RuleViolation(Rule.SHORTLIST_CLOSED, "The shortlist is closed as final; it can no longer change.");
        }
    }

    @CommandHandler
    RetentionOutcome handle(ApplyRetention command, Clock clock) {
        requireTenantAndNotErased(command.organisationId());
        if (!completed) {
            throw new RuleViolation(Rule.CAMPAIGN_NOT_COMPLETED,
                    "Only a completed campaign has a retention period.");
        }
        Period retention = command.retention();
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new RuleViolation(Rule.RETENTION_INVALID, "The retention period must be positive.");
        }
        Instant now = clock.instant();
        Instant due = completedAt.atOffset(ZoneOffset.UTC).plus(retention).toInstant();
        Instant announced = warnings.get(RetentionWarning.SEVEN_DAYS);
        if (announced != null) {
            Instant erasureAt = later(due, announced);
            if (!now.isBefore(erasureAt)) {
                apply(new CampaignErased(organisationId, id, ErasureReason.RETENTION_EXPIRED));
                return new RetentionOutcome(RetentionOutcome.Step.ERASED, null, erasureAt);
            }
            return new RetentionOutcome(RetentionOutcome.Step.NOTHING_DUE, null, erasureAt);
        }
        // the last warning always comes at least 7 days ahead, even when the job first sees the campaign late
        // (a new installation, a longer outage): the erasure waits for it
        if (!now.isBefore(due.minus(RetentionWarning.SEVEN_DAYS.ahead()))) {
            Instant erasureAt = later(due, now.plus(RetentionWarning.SEVEN_DAYS.ahead()));
            apply(new RetentionWarningSent(organisationId, id, RetentionWarning.SEVEN_DAYS, erasureAt));
            return new RetentionOutcome(RetentionOutcome.Step.WARNED, RetentionWarning.SEVEN_DAYS, erasureAt);
        }
        if (!now.isBefore(due.minus(RetentionWarning.THIRTY_DAYS.ahead()))
                && !warnings.containsKey(RetentionWarning.THIRTY_DAYS)) {
            apply(new RetentionWarningSent(organisationId, id, RetentionWarning.THIRTY_DAYS, due));
            return new RetentionOutcome(RetentionOutcome.Step.WARNED, RetentionWarning.THIRTY_DAYS, due);
        }
        return new RetentionOutcome(RetentionOutcome.Step.NOTHING_DUE, null, due);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @CommandHandler
    PersonId handle(AddSeedPerson command, PersonIdentities identities) {
        requireTenantAndNotCompleted(command.organisationId());
        String email = Emails.normalise(command.email());
        String problem = problemWith(command.name(), email);
        if (problem != null) {
            throw RuleViolation.worded(Rule.PERSON_INVALID, problem);
        }
        PersonId personId = identities.personId(id, email);
        if (roster.containsKey(personId)) {
            throw new RuleViolation(Rule.ALREADY_IN_CAMPAIGN, email + " is already in this campaign.",
                    email);
        }
        apply(new SeedPersonAdded(organisationId, id, personId, TextRule.PERSON_NAME.clean(command.name()),
                email));
        return personId;
    }

    @CommandHandler
    SeedBatchResult handle(AddSeedPeople command, PersonIdentities identities) {
        requireTenantAndNotCompleted(command.organisationId());
        List<SeedRow> rows = command.rows() == null ? List.of() : command.rows();
        if (rows.size() > AddSeedPeople.MAX_ROWS) {
            throw new RuleViolation(Rule.BATCH_TOO_LARGE, "At most " + AddSeedPeople.MAX_ROWS + " people at once.",
                    AddSeedPeople.MAX_ROWS);
        }
        Map<PersonId, Integer> firstLineInBatch = new HashMap<>();
        List<SeedRowOutcome> outcomes = new ArrayList<>(rows.size());
        List<SeedPersonAdded> toAdd = new ArrayList<>();
        for (SeedRow row : rows) {
            String email = Emails.normalise(row.email());
            String problem = problemWith(row.name(), email);
            if (problem != null) {
                outcomes.add(new SeedRowOutcome(row.line(), email, Result.INVALID, null, problem));
                continue;
            }
            PersonId personId = identities.personId(id, email);
            if (roster.containsKey(personId)) {
                outcomes.add(new SeedRowOutcome(row.line(), email, Result.ALREADY_IN_CAMPAIGN, null,
                        "already in this campaign"));
            } else if (firstLineInBatch.containsKey(personId)) {
                outcomes.add(new SeedRowOutcome(row.line(), email, Result.DUPLICATE_IN_BATCH, null,
                        "same address as line " + firstLineInBatch.get(personId)));
            } else {
                firstLineInBatch.put(personId, row.line());
                outcomes.add(new SeedRowOutcome(row.line(), email, Result.ADDED, personId, null));
                toAdd.add(new SeedPersonAdded(organisationId, id, personId, TextRule.PERSON_NAME.clean(row.name()),
                        email));
            }
        }
        toAdd.forEach(event -> apply(event));
        return new SeedBatchResult(outcomes);
    }

    @CommandHandler
    void handle(RemoveSeedPerson command) {
        requireTenantAndNotCompleted(command.organisationId());
        Person person = roster.get(command.personId());
        if (person == null || !person.seed()) {
            throw new NotFound("Seed person");
        }
        if (person.contactedInRound() != null) {
            throw new RuleViolation(Rule.ALREADY_CONTACTED,
                    "This person was asked in round " + person.contactedInRound() + " and can no longer be removed.",
                    person.contactedInRound());
        }
        apply(new SeedPersonRemoved(organisationId, id, command.personId()));
    }

    @CommandHandler
    int handle(StartRound command, OrganisationDirectory organisations, RoundDirectory rounds,
               DeadlineManager deadlines, Clock clock) throws Exception {
        requireTenantAndNotCompleted(command.organisationId());
        requireActive(organisations, organisationId);
        if (lastRound != null && rounds.isOpen(lastRound)) {
            throw new RuleViolation(Rule.ROUND_OPEN, "Round " + roundCount + " is still open; only one round can be "
                    + "open at a time.", roundCount);
        }
        Instant now = clock.instant();
        Instant deadline = command.deadline();
        if (deadline == null || !deadline.isAfter(now)) {
            throw new RuleViolation(Rule.DEADLINE_IN_PAST, "The deadline must be in the future.");
        }
        if (deadline.isAfter(now.plus(Round.MAX_LENGTH))) {
            throw new RuleViolation(Rule.DEADLINE_TOO_FAR, "A deadline can be at most a year ahead.");
        }
        Instant reminderAt = null;
        if (command.reminderEnabled()) {
            int days = command.reminderDaysBefore();
            if (days < CampaignSettings.REMINDER_DAYS_MIN || days > CampaignSettings.REMINDER_DAYS_MAX) {
                throw new RuleViolation(Rule.REMINDER_INVALID, "The reminder must be 1 to 30 days before the deadline.",
                        1, 30);
            }
            reminderAt = deadline.minus(Duration.ofDays(days));
            if (!reminderAt.isAfter(now)) {
                throw new RuleViolation(Rule.REMINDER_IN_PAST, "A reminder " + days + " day(s) before this deadline "
                        + "would be due before the round starts: choose fewer days, a later deadline, or no reminder.", days);
            }
        }
        List<Person> toContact = roster.values().stream()
                .filter(p -> p.contactedInRound() == null && !setAside.contains(p.id())).toList();
        if (toContact.isEmpty()) {
            throw roster.isEmpty()
                    ? new RuleViolation(Rule.NOBODY_TO_CONTACT, "The campaign has nobody to ask yet: add seed people first.")
                    : !setAside.isEmpty() && roster.values().stream().anyMatch(p -> p.contactedInRound() == null)
                    ? RuleViolation.variant(Rule.NOBODY_TO_CONTACT, "setAside",
                            "Everyone not asked yet is set aside: bring someone back to start a round.")
                    : RuleViolation.variant(Rule.NOBODY_TO_CONTACT, "allAsked",
                            "Everyone in this campaign has already been asked; a new round needs newly nominated people.");
        }
        int number = roundCount + 1;
        RoundId roundId = command.roundId();
        apply(new PeopleContacted(organisationId, id, roundId, number,
                toContact.stream().map(Person::id).toList()));
        RoundStarted started = new RoundStarted(organisationId, id, roundId, number, deadline, reminderAt,
                toContact.size());
        createNew(Round.class, () -> new Round(started, deadlines));
        for (Person person : toContact) {
            ContactInvited invited = new ContactInvited(organisationId, id, roundId, number, InvitationId.random(),
                    person.id(), person.name(), person.email());
            createNew(Invitation.class, () -> new Invitation(invited));
        }
        return number;
    }

    @CommandHandler
    void handle(AddNominees command) {
        requireTenantAndNotErased(command.organisationId());
        Set<PersonId> previous = listOf.getOrDefault(command.nominatorId(), Set.of());
        Set<PersonId> current = new LinkedHashSet<>();
        command.nominees().forEach(nominee -> current.add(nominee.personId()));
        if (!previous.equals(current)) {
            apply(new NominationsRecorded(organisationId, id, command.nominatorId(), command.roundNumber(),
                    new ArrayList<>(current)));
        }
        for (NomineeEntry nominee : command.nominees()) {
            if (!roster.containsKey(nominee.personId())) {
                apply(new PersonNominatedIntoCampaign(organisationId, id, nominee.personId(), command.roundNumber(),
                        nominee.name(), nominee.email()));
            }
        }
        for (PersonId withdrawn : previous) {
            Person person = roster.get(withdrawn);
            boolean stillNamed = !namedBy.getOrDefault(withdrawn, Set.of()).isEmpty();
            if (person != null && !person.seed() && person.contactedInRound() == null && !stillNamed) {
                apply(new PersonDroppedFromRoster(organisationId, id, withdrawn));
            }
        }
    }

    private void requireTenantAndNotErased(OrganisationId tenant) {
        if (!organisationId.equals(tenant)) {
            throw new NotFound("Campaign");
        }
        if (erased) {
            throw new RuleViolation(Rule.CAMPAIGN_ERASED, "The campaign has been erased.");
        }
    }

    private void requireTenantAndNotCompleted(OrganisationId tenant) {
        requireTenantAndNotErased(tenant);
        if (completed) {
            throw new RuleViolation(Rule.CAMPAIGN_COMPLETED, "The campaign is completed; it can no longer change.");
        }
    }

    private static void requireActive(OrganisationDirectory organisations, OrganisationId organisationId) {
        switch (organisations.status(organisationId).orElseThrow(() -> new NotFound("Organisation"))) {
            case ACTIVE -> { }
            case SUSPENDED -> throw new RuleViolation(Rule.ORGANISATION_SUSPENDED,
                    "The organisation is suspended: no rounds can start and no mail is sent.");
            case INACTIVE -> throw new RuleViolation(Rule.ORGANISATION_INACTIVE, "The organisation is not active.");
        }
    }

    private static CampaignSettings validated(CampaignSettings settings) {
        if (settings == null) {
            throw new RuleViolation(Rule.SETTINGS_MISSING, "The campaign settings are missing.");
        }
        String name = TextRule.CAMPAIGN_NAME.require(settings.name(), Rule.NAME_INVALID);
        if (name.isEmpty()) {
            throw new RuleViolation(Rule.NAME_INVALID, "The name must have 1 to " + CampaignSettings.NAME_MAX
                    + " characters.", CampaignSettings.NAME_MAX);
        }
        String description = TextRule.CAMPAIGN_DESCRIPTION.require(settings.description(), Rule.DESCRIPTION_INVALID);
        String text = TextRule.INVITATION_TEXT.require(settings.invitationText(), Rule.INVITATION_TEXT_INVALID);
        within(settings.convergenceThreshold(), CampaignSettings.THRESHOLD_MIN, CampaignSettings.THRESHOLD_MAX,
                Rule.THRESHOLD_INVALID, "The convergence threshold");
        within(settings.defaultRoundDays(), CampaignSettings.ROUND_DAYS_MIN, CampaignSettings.ROUND_DAYS_MAX,
                Rule.ROUND_DAYS_INVALID, "The default round length (days)");
        within(settings.reminderDaysBefore(), CampaignSettings.REMINDER_DAYS_MIN, CampaignSettings.REMINDER_DAYS_MAX,
                Rule.REMINDER_INVALID, "The reminder (days before the deadline)");
        return new CampaignSettings(name, description, settings.convergenceThreshold(), settings.defaultRoundDays(),
                settings.reminderEnabled(), settings.reminderDaysBefore(), text);
    }

    private static void within(int value, int min, int max, Rule rule, String what) {
        if (value < min || value > max) {
            throw new RuleViolation(rule, what + " must be between " + min + " and " + max + ".", min, max);
        }
    }

    /** Why this name and (normalised) email cannot be added, or null. Seed names are optional. */
    private static String problemWith(String name, String email) {
        if (email == null || email.isEmpty()) {
            return "the email address is missing";
        }
        if (!Emails.isValid(email)) {
            return "'" + TextRule.visible(email) + "' is not a valid email address";
        }
        return TextRule.PERSON_NAME.problem(name);
    }

    @EventSourcingHandler
    void on(CampaignCreated event) {
        id = event.campaignId();
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(CampaignCompleted event, @Timestamp Instant at) {
        completed = true;
        // the store keeps milliseconds: the same moment whether applied now or loaded later
        completedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(CampaignTimeZoneChanged event) {
        timeZone = event.timeZone() == null ? null : ZoneId.of(event.timeZone());
    }

    @EventSourcingHandler
    void on(RetentionWarningSent event) {
        warnings.put(event.warning(), event.erasureAt());
    }

    @EventSourcingHandler
    void on(CampaignErased event) {
        erased = true;
        roster.clear(); // nothing readable is kept in memory either
    }

    @EventSourcingHandler
    void on(PersonErased event) {
        erasedPeople.add(event.personId());
        roster.computeIfPresent(event.personId(), (key, person) -> person.erased());
    }

    @EventSourcingHandler
    void on(PersonShortlisted event) {
        shortlist.add(event.personId());
    }

    @EventSourcingHandler
    void on(PersonRemovedFromShortlist event) {
        shortlist.remove(event.personId());
    }

    @EventSourcingHandler
    void on(SelectionMailRequested event) {
        selectionRequested.add(event.personId());
    }

    @EventSourcingHandler
    void on(PersonToldOfSelection event) {
        selectionRecorded.add(event.personId());
    }

    @EventSourcingHandler
    void on(SelectionMailNotSent event) {
        selectionRecorded.add(event.personId());
    }

    @EventSourcingHandler
    void on(ShortlistClosed event) {
        shortlistClosed = true;
    }

    @EventSourcingHandler
    void on(SeedPersonAdded event) {
        known.add(event.personId());
        roster.put(event.personId(), new Person(event.personId(), true, event.name(), event.email(), null));
    }

    @EventSourcingHandler
    void on(SeedPersonRemoved event) {
        roster.remove(event.personId());
        setAside.remove(event.personId());
    }

    @EventSourcingHandler
    void on(PersonNominatedIntoCampaign event) {
        known.add(event.personId());
        roster.put(event.personId(), new Person(event.personId(), false, event.name(), event.email(), null));
    }

    @EventSourcingHandler
    void on(NominationsRecorded event) {
        Set<PersonId> previous = listOf.remove(event.nominatorId());
        if (previous != null) {
            previous.forEach(p -> namedBy.computeIfPresent(p, (k, nominators) -> {
                nominators.remove(event.nominatorId());
                return nominators.isEmpty() ? null : nominators;
            }));
        }
        Set<PersonId> current = new LinkedHashSet<>(event.nominees());
        listOf.put(event.nominatorId(), current);
        current.forEach(p -> namedBy.computeIfAbsent(p, k -> new HashSet<>()).add(event.nominatorId()));
    }

    @EventSourcingHandler
    void on(PersonDroppedFromRoster event) {
        roster.remove(event.personId());
        setAside.remove(event.personId());
    }

    @EventSourcingHandler
    void on(PeopleContacted event) {
        roundCount = event.roundNumber();
        lastRound = event.roundId();
        for (PersonId personId : event.personIds()) {
            roster.computeIfPresent(personId, (key, person) -> person.contactedIn(event.roundNumber()));
        }
    }

    // ---- who the mail comes from (issue #17) ----

    @CommandHandler
    void handle(ChangeCampaignSender command) {
        requireTenantAndNotCompleted(command.organisationId());
        CampaignSender wanted = validated(command.sender());
        if (!wanted.equals(sender)) {
            apply(new CampaignSenderChanged(organisationId, id, wanted));
        }
    }

    private static CampaignSender validated(CampaignSender sender) {
        if (sender == null) {
            return CampaignSender.NONE;
        }
        String name = CampaignSender.SENDER_NAME.require(sender.senderName(), Rule.SENDER_NAME_INVALID);
        String replyTo = address(sender.replyTo(), Rule.REPLY_TO_INVALID, "The reply-to address");
        String contactName = CampaignSender.CONTACT_NAME.require(sender.contactName(), Rule.CONTACT_NAME_INVALID);
        String contactEmail = address(sender.contactEmail(), Rule.CONTACT_EMAIL_INVALID,
                "The contact person's address");
        if (!contactName.isEmpty() && contactEmail.isEmpty()) {
            throw new RuleViolation(Rule.CONTACT_EMAIL_MISSING,
                    "A contact person needs an email address that nominators can write to.");
        }
        return new CampaignSender(name, replyTo, contactName, contactEmail);
    }

    /** An optional address: empty, or valid by {@link Emails}. */
    private static String address(String raw, Rule rule, String what) {
        String email = Emails.normalise(raw);
        if (email == null || email.isEmpty()) {
            return "";
        }
        if (!Emails.isValid(email)) {
            throw new RuleViolation(rule, what + " '" + TextRule.visible(email) + "' is not a valid email address.",
                    TextRule.visible(email));
        }
        return email;
    }

    @EventSourcingHandler
    void on(CampaignSenderChanged event) {
        sender = event.sender();
    }

    // ---- the nominators' language (issue #17) ----

    @CommandHandler
    void handle(ChangeCampaignLanguage command) {
        requireTenantAndNotCompleted(command.organisationId());
        String wanted = CampaignLanguage.require(command.language());
        if (!wanted.equals(language)) {
            apply(new CampaignLanguageChanged(organisationId, id, wanted));
        }
    }

    @EventSourcingHandler
    void on(CampaignLanguageChanged event) {
        language = event.language();
    }

    // ---- leaving people out of the next round (issue #17) ----

    @CommandHandler
    void handle(SetPersonAside command) {
        requireTenantAndNotCompleted(command.organisationId());
        Person person = roster.get(command.personId());
        if (person == null) {
            throw new NotFound("Person");
        }
        if (person.contactedInRound() != null) {
            throw RuleViolation.variant(Rule.ALREADY_CONTACTED, "leaveOut", "This person was asked in round "
                    + person.contactedInRound() + "; nobody is asked twice, so there is nothing to leave out.",
                    person.contactedInRound());
        }
        String note = CampaignRosterCommands.NOTE.require(command.note(), Rule.NOTE_INVALID);
        if (!setAside.contains(command.personId())) {
            apply(new PersonSetAside(organisationId, id, command.personId(), note));
        }
    }

    @CommandHandler
    void handle(BringPersonBack command) {
        requireTenantAndNotCompleted(command.organisationId());
        if (!roster.containsKey(command.personId())) {
            throw new NotFound("Person");
        }
        if (setAside.contains(command.personId())) {
            apply(new PersonBroughtBack(organisationId, id, command.personId()));
        }
    }

    @EventSourcingHandler
    void on(PersonSetAside event) {
        setAside.add(event.personId());
    }

    @EventSourcingHandler
    void on(PersonBroughtBack event) {
        setAside.remove(event.personId());
    }

    /** A person in the roster; the name and email are kept only in memory, decrypted from the events. */
    private record Person(PersonId id, boolean seed, String name, String email, Integer contactedInRound) {
        Person contactedIn(int round) {
            return new Person(id, seed, name, email, round);
        }

        Person erased() {
            return new Person(id, seed, PersonalData.ERASED, PersonalData.ERASED, contactedInRound);
        }
    }
}

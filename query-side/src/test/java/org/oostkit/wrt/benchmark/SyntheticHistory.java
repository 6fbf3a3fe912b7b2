package org.oostkit.wrt.benchmark;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryKind;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.DeliveryStatus;
import org.oostkit.wrt.api.invitation.InvitationId;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.nomination.NominationId;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.api.organisation.OrganisationRegistered;
import org.oostkit.wrt.api.round.RoundCloseReason;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundId;
import org.oostkit.wrt.api.round.RoundStarted;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a realistic campaign history straight into the event store (through the real serializer, so
 * personal data is encrypted with per-person keys), much faster than driving every command. Nominees are
 * drawn with a skew (some people are named by many), so convergence has a long tail as in real campaigns.
 */
final class SyntheticHistory {

    private final EventStorageEngine engine;
    private final TransactionTemplate tx;
    private final Random random = new Random(42);
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> buffer = new ArrayList<>();
    private Instant clock = Instant.parse("2026-01-05T08:00:00Z");
    private long written;

    SyntheticHistory(EventStorageEngine engine, TransactionTemplate tx) {
        this.engine = engine;
        this.tx = tx;
    }

    long written() {
        return written;
    }

    record Generated(OrganisationId organisation, CampaignId campaign, int nominations, int people) {
    }

    /**
     * One organisation with one campaign: rounds until {@code nominators} people have answered, each naming
     * {@code perNominator} people out of a pool of {@code pool}.
     */
    Generated campaign(int seeds, int nominators, int perNominator, int pool) {
        OrganisationId org = OrganisationId.random();
        CampaignId campaign = CampaignId.random();
        MetaData admin = MetaData.with(Actor.TENANT_KEY, org.toString()).and(Actor.METADATA_KEY, "admin:bench@wrt.test");
        append("Organisation", org.toString(), new OrganisationRegistered(org, "bench-" + org.toString().substring(0, 8),
                "Benchmark organisation", List.of("bench@wrt.test"), List.of()), admin);
        append("Campaign", campaign.toString(), new CampaignCreated(org, campaign, CampaignSettings.named("Benchmark")), admin);

        PersonId[] poolIds = new PersonId[pool];
        Map<PersonId, Integer> index = new HashMap<>();
        for (int i = 0; i < pool; i++) {
            poolIds[i] = new PersonId(UUID.randomUUID());
            index.put(poolIds[i], i);
        }
        Set<PersonId> roster = new LinkedHashSet<>();
        Set<PersonId> contacted = new LinkedHashSet<>();
        for (int i = 0; i < seeds; i++) {
            PersonId id = poolIds[i];
            roster.add(id);
            append("Campaign", campaign.toString(), new SeedPersonAdded(org, campaign, id, name(i), email(i)), admin);
        }
        int answered = 0;
        int nominations = 0;
        int round = 0;
        while (answered < nominators) {
            round++;
            List<PersonId> toContact = roster.stream().filter(p -> !contacted.contains(p)).toList();
            if (toContact.isEmpty()) {
                break;
            }
            contacted.addAll(toContact);
            RoundId roundId = RoundId.random();
            append("Campaign", campaign.toString(), new PeopleContacted(org, campaign, roundId, round, toContact), admin);
            append("Round", roundId.toString(), new RoundStarted(org, campaign, roundId, round,
                    clock.plus(Duration.ofDays(14)), null, toContact.size()), admin);
            for (PersonId person : toContact) {
                int i = index.get(person);
                InvitationId invitation = InvitationId.random();
                String inv = invitation.toString();
                MetaData nominator = MetaData.with(Actor.TENANT_KEY, org.toString())
                        .and(Actor.METADATA_KEY, "nominator:" + inv);
                append("Invitation", inv, new ContactInvited(org, campaign, roundId, round, invitation, person, name(i),
                        email(i)), admin);
                append("Invitation", inv, new MailSent(org, campaign, invitation, MailPurpose.INVITATION, "m-" + inv), admin);
                append("Invitation", inv, new DeliveryRecorded(org, campaign, invitation, DeliveryKind.DELIVERED,
                        DeliveryStatus.DELIVERED, "postmark", "d-" + inv, clock), admin);
                if (answered >= nominators || random.nextDouble() > 0.85) {
                    continue;
                }
                answered++;
                append("Invitation", inv, new InvitationLinkOpened(org, campaign, invitation), nominator);
                append("Invitation", inv, new VerificationCodeIssued(org, campaign, invitation, "0".repeat(64),
                        clock.plus(Duration.ofMinutes(10)), 5), nominator);
                append("Invitation", inv, new NominatorVerified(org, campaign, invitation), nominator);
                List<Nominee> named = new ArrayList<>();
                Set<Integer> picked = new java.util.HashSet<>();
                while (named.size() < perNominator) {
                    double u = random.nextDouble();
                    int k = (int) (pool * u * u * u); // skewed: low indexes are named often
                    if (k == i || !picked.add(k)) {
                        continue;
                    }
                    named.add(new Nominee(poolIds[k], name(k), email(k), "works with " + name(i)));
                }
                NominationId nominationId = NominationId.forInvitation(invitation);
                append("Nomination", nominationId.toString(), new NominationSubmitted(org, campaign, roundId, round,
                        nominationId, invitation, person, named), nominator);
                nominations += named.size();
                for (Nominee nominee : named) {
                    if (roster.add(nominee.personId())) {
                        append("Campaign", campaign.toString(), new PersonNominatedIntoCampaign(org, campaign,
                                nominee.personId(), round, nominee.name(), nominee.email()), nominator);
                    }
                }
            }
            append("Round", roundId.toString(), new RoundClosed(org, campaign, roundId, round,
                    RoundCloseReason.DEADLINE_PASSED), MetaData.with(Actor.TENANT_KEY, org.toString())
                    .and(Actor.METADATA_KEY, "deadline"));
        }
        flush();
        return new Generated(org, campaign, nominations, roster.size());
    }

    private static String name(int i) {
        return "Person " + i;
    }

    private static String email(int i) {
        return "person" + i + "@bench.test";
    }

    private void append(String type, String aggregate, Object payload, MetaData metaData) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        clock = clock.plusMillis(5);
        Instant at = clock;
        buffer.add(new GenericDomainEventMessage<>(type, aggregate, sequence, new GenericMessage<>(payload,
                metaData.and("correlationId", UUID.randomUUID().toString())), at));
        if (buffer.size() >= 2_000) {
            flush();
        }
    }

    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>(buffer);
        buffer.clear();
        tx.executeWithoutResult(status -> engine.appendEvents(batch));
        written += batch.size();
    }
}

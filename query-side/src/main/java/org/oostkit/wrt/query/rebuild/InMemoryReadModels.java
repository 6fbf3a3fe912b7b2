package org.oostkit.wrt.query.rebuild;

import org.oostkit.wrt.api.campaign.CampaignCompleted;
import org.oostkit.wrt.api.campaign.CampaignCreated;
import org.oostkit.wrt.api.campaign.CampaignDetailsChanged;
import org.oostkit.wrt.api.campaign.CampaignErased;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.invitation.DeliveryRecorded;
import org.oostkit.wrt.api.invitation.InvitationLinkOpened;
import org.oostkit.wrt.api.invitation.InvitationTokenIssued;
import org.oostkit.wrt.api.invitation.InvitationResendRequested;
import org.oostkit.wrt.api.invitation.MailFailed;
import org.oostkit.wrt.api.invitation.MailOutcomeUncertain;
import org.oostkit.wrt.api.invitation.MailPurpose;
import org.oostkit.wrt.api.invitation.MailSent;
import org.oostkit.wrt.api.invitation.NominatorVerified;
import org.oostkit.wrt.api.invitation.VerificationCodeIssued;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;
import org.oostkit.wrt.api.round.ReminderDue;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundExtended;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.api.ContactView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The tenant read-model tables as plain objects, built by applying events in order. Each rule mirrors the
 * live projection's SQL (CampaignProjection, RoundProjection); {@code RebuildIntegrationTest} proves both
 * produce identical tables.
 */
final class InMemoryReadModels {

    /** One tenant's tables. Rows are mutable; maps keep insertion order for stable output. */
    static final class Tenant {
        final Map<UUID, Object[]> campaigns = new LinkedHashMap<>();
        final Map<UUID, Object[]> rounds = new LinkedHashMap<>();
        final Map<PersonKey, Object[]> people = new LinkedHashMap<>();
        final Map<UUID, Object[]> contacts = new LinkedHashMap<>();
        final Map<EdgeKey, Object[]> edges = new LinkedHashMap<>();
        final Map<PersonKey, Set<EdgeKey>> edgesByNominee = new HashMap<>();
        final Map<PersonKey, Set<EdgeKey>> edgesByNominator = new HashMap<>();
    }

    record PersonKey(UUID campaign, UUID person) {
    }

    /** A PostgreSQL {@code INT[]} value (sorted, distinct), written in its text form. */
    record RoundsNamed(int[] rounds) {

        RoundsNamed with(int round) {
            int at = Arrays.binarySearch(rounds, round);
            if (at >= 0) {
                return this;
            }
            int insert = -at - 1;
            int[] more = new int[rounds.length + 1];
            System.arraycopy(rounds, 0, more, 0, insert);
            more[insert] = round;
            System.arraycopy(rounds, insert, more, insert + 1, rounds.length - insert);
            return new RoundsNamed(more);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < rounds.length; i++) {
                text.append(i == 0 ? "" : ",").append(rounds[i]);
            }
            return text.append('}').toString();
        }
    }

    /** The hashes of every link an invitation was sent, in the order issued (as {@code contact.token_hashes}). */
    record LinkTokens(List<String> hashes) {

        static final LinkTokens NONE = new LinkTokens(List.of());

        LinkTokens with(String hash) {
            if (hashes.contains(hash)) {
                return this;
            }
            List<String> more = new ArrayList<>(hashes);
            more.add(hash);
            return new LinkTokens(List.copyOf(more));
        }

        @Override
        public String toString() {
            return "{" + String.join(",", hashes) + "}";
        }
    }

    record EdgeKey(UUID campaign, UUID nominator, UUID nominee) {
    }

    // column positions, in table order (see db/tenant/V2__read_models.sql; token_hash from V4, token_hashes from V10)
    static final int C_NAME = 1, C_DESCRIPTION = 2, C_TEXT = 3, C_THRESHOLD = 4, C_DAYS = 5, C_REMINDER = 6,
            C_REMINDER_DAYS = 7, C_STATUS = 8, C_CREATED = 9, C_COMPLETED = 10, C_UPDATED = 11;
    static final int R_STATUS = 3, R_STARTED = 4, R_DEADLINE = 5, R_REMINDER_AT = 6, R_REMINDER_SENT = 7,
            R_CLOSED = 8, R_REASON = 9, R_COUNT = 10;
    static final int P_NAME = 2, P_EMAIL = 3, P_SOURCE = 4, P_IN_ROSTER = 5, P_ADDED = 6, P_ENTERED = 7,
            P_CONTACTED = 8, P_COUNT = 9, P_FIRST_ROUND = 10, P_FIRST_AT = 11, P_ROUNDS = 12;
    static final int K_STATUS = 7, K_INVITED = 8, K_SENT = 9, K_FAILED = 10, K_REASON = 11, K_DELIVERED = 12,
            K_OPENED = 13, K_CLICKED = 14, K_BOUNCED = 15, K_SPAM = 16, K_LINK = 17, K_CODE = 18, K_VERIFIED = 19,
            K_RESPONDED = 20, K_REVISED = 21, K_REMINDED = 22, K_NOMINEES = 23, K_TOKEN = 24, K_TOKENS = 25;
    static final int E_NOMINATED_AT = 9; // then the place in the nominator's list (1 = first)

    private final Map<UUID, Tenant> tenants = new LinkedHashMap<>();

    Map<UUID, Tenant> tenants() {
        return tenants;
    }

    /** Applies one event of the given tenant; events of other types are ignored. */
    void apply(UUID tenant, Object event, Instant at) {
        Tenant t = tenants.computeIfAbsent(tenant, k -> new Tenant());
        if (event instanceof CampaignCreated e) {
            CampaignSettings c = e.settings();
            t.campaigns.putIfAbsent(e.campaignId().value(), new Object[]{e.campaignId().value(), c.name(),
                    c.description(), c.invitationText(), c.convergenceThreshold(), c.defaultRoundDays(),
                    c.reminderEnabled(), c.reminderDaysBefore(), "ACTIVE", at, null, at});
        } else if (event instanceof CampaignDetailsChanged e) {
            with(t.campaigns, e.campaignId().value(), row -> {
                CampaignSettings c = e.settings();
                row[C_NAME] = c.name();
                row[C_DESCRIPTION] = c.description();
                row[C_TEXT] = c.invitationText();
                row[C_THRESHOLD] = c.convergenceThreshold();
                row[C_DAYS] = c.defaultRoundDays();
                row[C_REMINDER] = c.reminderEnabled();
                row[C_REMINDER_DAYS] = c.reminderDaysBefore();
                row[C_UPDATED] = at;
            });
        } else if (event instanceof CampaignCompleted e) {
            with(t.campaigns, e.campaignId().value(), row -> {
                row[C_STATUS] = "COMPLETED";
                row[C_COMPLETED] = at;
                row[C_UPDATED] = at;
            });
        } else if (event instanceof CampaignErased e) {
            UUID campaign = e.campaignId().value();
            t.campaigns.remove(campaign);
            t.rounds.values().removeIf(row -> campaign.equals(row[1]));
            t.people.keySet().removeIf(key -> campaign.equals(key.campaign()));
            t.contacts.values().removeIf(row -> campaign.equals(row[1]));
            t.edges.keySet().removeIf(key -> campaign.equals(key.campaign()));
            t.edgesByNominee.keySet().removeIf(key -> campaign.equals(key.campaign()));
            t.edgesByNominator.keySet().removeIf(key -> campaign.equals(key.campaign()));
        } else if (event instanceof PersonErased e) {
            // the events of an erased person already decrypt as erased (same rule as the live projection)
            UUID campaign = e.campaignId().value();
            UUID person = e.personId().value();
            PersonKey key = new PersonKey(campaign, person);
            Object[] row = t.people.get(key);
            if (row != null) {
                erase(row, P_NAME, P_EMAIL);
            }
            t.contacts.values().forEach(contact -> {
                if (campaign.equals(contact[1]) && person.equals(contact[4])) {
                    erase(contact, 5, 6);
                }
            });
            for (EdgeKey edge : t.edgesByNominee.getOrDefault(key, Set.of())) {
                erase(t.edges.get(edge), 6, 7, 8);
            }
            // and the reasons they wrote (still readable in the history under the nominees' keys)
            for (EdgeKey edge : t.edgesByNominator.getOrDefault(key, Set.of())) {
                erase(t.edges.get(edge), 8);
            }
        } else if (event instanceof SeedPersonAdded e) {
            PersonKey key = new PersonKey(e.campaignId().value(), e.personId().value());
            Object[] row = t.people.get(key);
            if (row == null) {
                t.people.put(key, person(key, e.name(), e.email(), "SEED", true, at, null));
            } else {
                row[P_NAME] = e.name();
                row[P_EMAIL] = e.email();
                row[P_SOURCE] = "SEED";
                row[P_IN_ROSTER] = true;
            }
        } else if (event instanceof SeedPersonRemoved e) {
            leaveRoster(t, new PersonKey(e.campaignId().value(), e.personId().value()), "NOMINATED");
        } else if (event instanceof PersonDroppedFromRoster e) {
            leaveRoster(t, new PersonKey(e.campaignId().value(), e.personId().value()), null);
        } else if (event instanceof PersonNominatedIntoCampaign e) {
            PersonKey key = new PersonKey(e.campaignId().value(), e.personId().value());
            Object[] row = t.people.get(key);
            if (row == null) {
                t.people.put(key, person(key, e.name(), e.email(), "NOMINATED", true, at, e.roundNumber()));
            } else {
                row[P_IN_ROSTER] = true;
                row[P_ENTERED] = e.roundNumber();
                row[P_NAME] = e.name();
                row[P_EMAIL] = e.email();
                row[P_ADDED] = at;
            }
        } else if (event instanceof PeopleContacted e) {
            for (PersonId id : e.personIds()) {
                Object[] row = t.people.get(new PersonKey(e.campaignId().value(), id.value()));
                if (row != null) {
                    row[P_CONTACTED] = e.roundNumber();
                }
            }
        } else if (event instanceof NominationSubmitted e) {
            nominations(t, e.campaignId().value(), e.roundId().value(), e.roundNumber(),
                    e.invitationId().value(), e.nominatorId().value(), e.nominees(), e.answered(), at, false);
        } else if (event instanceof NominationRevised e) {
            nominations(t, e.campaignId().value(), e.roundId().value(), e.roundNumber(),
                    e.invitationId().value(), e.nominatorId().value(), e.nominees(), e.answered(), at, true);
        } else if (event instanceof RoundStarted e) {
            t.rounds.putIfAbsent(e.roundId().value(), new Object[]{e.roundId().value(),
                e.campaignId().value(), e.roundNumber(), "OPEN", at, e.deadline(), e.reminderAt(), null, null, null,
                e.invitationCount()});
        } else if (event instanceof RoundExtended e) {
            with(t.rounds, e.roundId().value(), row -> {
                row[R_DEADLINE] = e.deadline();
                row[R_REMINDER_AT] = e.reminderAt();
            });
        } else if (event instanceof ReminderDue e) {
            with(t.rounds, e.roundId().value(), row -> first(row, R_REMINDER_SENT, at));
        } else if (event instanceof RoundClosed e) {
            with(t.rounds, e.roundId().value(), row -> {
                row[R_STATUS] = "CLOSED";
                first(row, R_CLOSED, at);
                row[R_REASON] = e.reason().name();
            });
        } else if (event instanceof ContactInvited e) {
            Object[] row = new Object[26];
            row[0] = e.invitationId().value();
            row[1] = e.campaignId().value();
            row[2] = e.roundId().value();
            row[3] = e.roundNumber();
            row[4] = e.personId().value();
            row[5] = e.name();
            row[6] = e.email();
            row[K_STATUS] = "PENDING";
            row[K_INVITED] = at;
            row[K_NOMINEES] = 0;
            row[K_TOKENS] = LinkTokens.NONE;
            t.contacts.putIfAbsent(e.invitationId().value(), row);
        } else if (event instanceof MailSent e) {
            with(t.contacts, e.invitationId().value(), row -> {
                if (e.purpose().reminder()) {
                    first(row, K_REMINDED, at);
                } else {
                    first(row, K_SENT, at);
                    row[K_REASON] = null;
                    if ("PENDING".equals(row[K_STATUS]) || "FAILED".equals(row[K_STATUS])
                            || "UNCERTAIN".equals(row[K_STATUS])) {
                        row[K_STATUS] = "SENT";
                    }
                }
            });
        } else if (event instanceof MailFailed e) {
            if (e.purpose() == MailPurpose.INVITATION) {
                with(t.contacts, e.invitationId().value(), row -> {
                    row[K_FAILED] = at;
                    row[K_REASON] = e.reason();
                    if ("PENDING".equals(row[K_STATUS]) || "UNCERTAIN".equals(row[K_STATUS])) {
                        row[K_STATUS] = "FAILED";
                    }
                });
            }
        } else if (event instanceof MailOutcomeUncertain e) {
            if (e.purpose() == MailPurpose.INVITATION) {
                with(t.contacts, e.invitationId().value(), row -> {
                    row[K_FAILED] = at;
                    row[K_REASON] = ContactView.UNCERTAIN_REASON;
                    if ("PENDING".equals(row[K_STATUS])) {
                        row[K_STATUS] = "UNCERTAIN";
                    }
                });
            }
        } else if (event instanceof InvitationResendRequested e) {
            with(t.contacts, e.invitationId().value(), row -> {
                if ("FAILED".equals(row[K_STATUS]) || "UNCERTAIN".equals(row[K_STATUS])) {
                    row[K_FAILED] = null;
                    row[K_REASON] = null;
                    row[K_STATUS] = "PENDING";
                }
            });
        } else if (event instanceof DeliveryRecorded e) {
            with(t.contacts, e.invitationId().value(), row -> {
                int column = switch (e.kind()) {
                    case SOFT_BOUNCED -> -1; // status only, as in the live projection
                    case DELIVERED -> K_DELIVERED;
                    case OPENED -> K_OPENED;
                    case CLICKED -> K_CLICKED;
                    case BOUNCED -> K_BOUNCED;
                    case SPAM_COMPLAINT -> K_SPAM;
                };
                if (column >= 0) {
                    first(row, column, e.occurredAt());
                }
                row[K_STATUS] = e.status().name();
            });
        } else if (event instanceof InvitationTokenIssued e) {
            with(t.contacts, e.invitationId().value(), row -> {
                row[K_TOKEN] = e.tokenHash();
                row[K_TOKENS] = ((LinkTokens) row[K_TOKENS]).with(e.tokenHash());
            });
        } else if (event instanceof InvitationLinkOpened e) {
            with(t.contacts, e.invitationId().value(), row -> first(row, K_LINK, at));
        } else if (event instanceof VerificationCodeIssued e) {
            with(t.contacts, e.invitationId().value(), row -> first(row, K_CODE, at));
        } else if (event instanceof NominatorVerified e) {
            with(t.contacts, e.invitationId().value(), row -> first(row, K_VERIFIED, at));
        }
    }

    private static Object[] person(PersonKey key, String name, String email, String source, boolean inRoster,
                                   Instant at, Integer enteredRound) {
        return new Object[]{key.campaign(), key.person(), name, email, source, inRoster, at, enteredRound, null, 0,
                null, null, new RoundsNamed(new int[0])};
    }

    /** A nominator's list replaces the earlier one; counts are recomputed for everyone it touched. */
    private static void nominations(Tenant t, UUID campaign, UUID round, int roundNumber, UUID invitation,
                                    UUID nominator, List<Nominee> nominees, boolean answered, Instant at,
                                    boolean revision) {
        Map<UUID, Instant> earlier = new HashMap<>();
        Set<EdgeKey> previous = t.edgesByNominator.remove(new PersonKey(campaign, nominator));
        if (previous != null) {
            for (EdgeKey key : previous) {
                Object[] edge = t.edges.remove(key);
                earlier.put(key.nominee(), (Instant) edge[E_NOMINATED_AT]);
                t.edgesByNominee.get(new PersonKey(campaign, key.nominee())).remove(key);
            }
        }
        Set<EdgeKey> current = new HashSet<>();
        int position = 0;
        for (Nominee nominee : nominees) {
            UUID id = nominee.personId().value();
            EdgeKey key = new EdgeKey(campaign, nominator, id);
            t.edges.put(key, new Object[]{campaign, nominator, id, round, roundNumber, invitation, nominee.name(),
                    nominee.email(), nominee.reason(), earlier.getOrDefault(id, at), ++position});
            current.add(key);
            t.edgesByNominee.computeIfAbsent(new PersonKey(campaign, id), k -> new HashSet<>()).add(key);
            t.people.putIfAbsent(new PersonKey(campaign, id),
                    person(new PersonKey(campaign, id), nominee.name(), nominee.email(), "NOMINATED", false, at, null));
        }
        t.edgesByNominator.put(new PersonKey(campaign, nominator), current);
        Set<UUID> named = new HashSet<>();
        nominees.forEach(n -> named.add(n.personId().value()));
        Set<UUID> touched = new HashSet<>(earlier.keySet());
        touched.addAll(named);
        for (UUID id : touched) {
            PersonKey key = new PersonKey(campaign, id);
            Object[] row = t.people.get(key);
            if (row == null) {
                continue;
            }
            boolean dropped = earlier.containsKey(id) && !named.contains(id);
            boolean added = !earlier.containsKey(id) && named.contains(id);
            if (dropped) {
                recount(t, key, row); // rare (a revision): from the remaining edges
            } else if (added) {
                // the common case, in constant time: a popular person has hundreds of edges
                row[P_COUNT] = t.edgesByNominee.get(key).size();
                row[P_FIRST_ROUND] = row[P_FIRST_ROUND] == null ? roundNumber
                        : Math.min((int) row[P_FIRST_ROUND], roundNumber);
                row[P_FIRST_AT] = row[P_FIRST_AT] == null || at.isBefore((Instant) row[P_FIRST_AT])
                        ? at : row[P_FIRST_AT];
                row[P_ROUNDS] = ((RoundsNamed) row[P_ROUNDS]).with(roundNumber);
            }
            // kept on the list: same nominator, same round, same moment first named: nothing changes
        }
        Object[] contact = t.contacts.get(invitation);
        if (contact != null) {
            if (answered) {
                first(contact, K_RESPONDED, at); // the projection's rule: only a real answer is a response
            }
            if (revision) {
                contact[K_REVISED] = at;
            }
            contact[K_NOMINEES] = nominees.size();
        }
    }

    /**
     * A person leaves the roster: gone if nobody names them, otherwise kept for convergence (with the source
     * it then has, if it changes).
     */
    private static void leaveRoster(Tenant t, PersonKey key, String sourceAfter) {
        Object[] row = t.people.get(key);
        if (row != null && (int) row[P_COUNT] == 0) {
            t.people.remove(key);
        } else if (row != null) {
            row[P_IN_ROSTER] = false;
            if (sourceAfter != null) {
                row[P_SOURCE] = sourceAfter;
            }
        }
    }

    /** Count, first round, first moment and rounds of a person, from all the edges naming them. */
    private static void recount(Tenant t, PersonKey key, Object[] row) {
        Set<EdgeKey> in = t.edgesByNominee.getOrDefault(key, Set.of());
        Integer firstRound = null;
        Instant firstAt = null;
        TreeSet<Integer> rounds = new TreeSet<>();
        for (EdgeKey edgeKey : in) {
            Object[] edge = t.edges.get(edgeKey);
            int r = (int) edge[4];
            Instant when = (Instant) edge[E_NOMINATED_AT];
            rounds.add(r);
            firstRound = firstRound == null ? r : Math.min(firstRound, r);
            firstAt = firstAt == null || when.isBefore(firstAt) ? when : firstAt;
        }
        row[P_COUNT] = in.size();
        row[P_FIRST_ROUND] = firstRound;
        row[P_FIRST_AT] = firstAt;
        row[P_ROUNDS] = new RoundsNamed(rounds.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Recorded values read as erased; values never given stay null (as the live projection does). */
    private static void erase(Object[] row, int... columns) {
        for (int column : columns) {
            if (row[column] != null) {
                row[column] = PersonalData.ERASED;
            }
        }
    }

    private static void first(Object[] row, int column, Instant at) {
        if (row[column] == null) {
            row[column] = at;
        }
    }

    private static void with(Map<UUID, Object[]> table, UUID id, Consumer<Object[]> change) {
        Object[] row = table.get(id);
        if (row != null) {
            change.accept(row);
        }
    }
}

package org.oostkit.wrt.query.projection;

import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.nomination.Nominee;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.oostkit.wrt.query.projection.Row.first;

/**
 * The roster with its convergence figures ({@code person}) and the referral graph ({@code nomination}); a
 * nominator's new list replaces the earlier one, so nobody is counted twice by the same nominator.
 */
final class RosterRules {

    static final Set<Class<?>> EVENTS = Set.of(SeedPersonAdded.class, SeedPersonRemoved.class,
            PersonDroppedFromRoster.class, PersonNominatedIntoCampaign.class, PeopleContacted.class,
            NominationSubmitted.class, NominationRevised.class, PersonErased.class, PersonSetAside.class,
            PersonBroughtBack.class);

    private RosterRules() {
    }

    static boolean apply(Object event, Instant at, ReadTables t) {
        if (event instanceof SeedPersonAdded e) {
            UUID campaign = e.campaignId().value();
            PersonRow row = t.person(campaign, e.personId().value());
            if (row == null) {
                row = new PersonRow(campaign, e.personId().value(), e.name(), e.email(), "SEED", true, at);
            } else {
                row.name = e.name();
                row.email = e.email();
                row.source = "SEED";
                row.inRoster = true;
            }
            t.save(row);
        } else if (event instanceof SeedPersonRemoved e) {
            leaveRoster(t, e.campaignId().value(), e.personId().value(), "NOMINATED");
        } else if (event instanceof PersonDroppedFromRoster e) {
            leaveRoster(t, e.campaignId().value(), e.personId().value(), null);
        } else if (event instanceof PersonNominatedIntoCampaign e) {
            UUID campaign = e.campaignId().value();
            PersonRow row = t.person(campaign, e.personId().value());
            if (row == null) {
                row = new PersonRow(campaign, e.personId().value(), e.name(), e.email(), "NOMINATED", true, at);
            }
            row.inRoster = true;
            row.enteredRound = e.roundNumber();
            row.name = e.name();
            row.email = e.email();
            row.addedAt = at;
            t.save(row);
        } else if (event instanceof PeopleContacted e) {
            for (PersonId id : e.personIds()) {
                t.change(t.person(e.campaignId().value(), id.value()), row -> row.contactedRound = e.roundNumber());
            }
        } else if (event instanceof NominationSubmitted e) {
            nominations(t, new NewList(e.campaignId().value(), e.roundId().value(), e.roundNumber(),
                    e.invitationId().value(), e.nominatorId().value(), e.nominees(), e.answered(), false), at);
        } else if (event instanceof NominationRevised e) {
            nominations(t, new NewList(e.campaignId().value(), e.roundId().value(), e.roundNumber(),
                    e.invitationId().value(), e.nominatorId().value(), e.nominees(), e.answered(), true), at);
        } else if (event instanceof PersonErased e) {
            erase(t, e.campaignId().value(), e.personId().value());
        } else if (event instanceof PersonSetAside e) {
            // left out of the next rounds (or brought back below): the person stays in the roster
            t.change(t.person(e.campaignId().value(), e.personId().value()), row -> {
                row.setAside = true;
                row.setAsideNote = e.note() == null ? "" : e.note();
            });
        } else if (event instanceof PersonBroughtBack e) {
            t.change(t.person(e.campaignId().value(), e.personId().value()), row -> {
                row.setAside = false;
                row.setAsideNote = "";
            });
        } else {
            return false;
        }
        return true;
    }

    /** A nominator's answer: their list of names (possibly none), a first answer or a revision. */
    private record NewList(UUID campaign, UUID round, int roundNumber, UUID invitation, UUID nominator,
                           List<Nominee> nominees, boolean answered, boolean revision) {
    }

    private static void nominations(ReadTables t, NewList list, Instant at) {
        UUID campaign = list.campaign();
        Map<UUID, NominationRow> earlier = new HashMap<>();
        t.nominationsBy(campaign, list.nominator()).forEach(edge -> earlier.put(edge.nomineeId, edge));
        Set<UUID> named = new HashSet<>();
        int position = 0;
        for (Nominee nominee : list.nominees()) {
            UUID id = nominee.personId().value();
            named.add(id);
            NominationRow edge = earlier.get(id);
            if (edge == null) {
                edge = new NominationRow(campaign, list.nominator(), id, at);
            }
            edge.roundId = list.round();
            edge.roundNumber = list.roundNumber();
            edge.invitationId = list.invitation();
            edge.nomineeName = nominee.name();
            edge.nomineeEmail = nominee.email();
            edge.reason = nominee.reason();
            edge.listPosition = ++position;
            t.save(edge);
            if (t.person(campaign, id) == null) {
                t.save(new PersonRow(campaign, id, nominee.name(), nominee.email(), "NOMINATED", false, at));
            }
        }
        for (NominationRow edge : earlier.values()) {
            if (!named.contains(edge.nomineeId)) {
                t.delete(edge);
            }
        }
        for (UUID id : named) {
            if (!earlier.containsKey(id)) {
                // the common case, in constant time: a popular person has hundreds of edges
                PersonRow row = t.person(campaign, id);
                row.nominatorCount++;
                row.firstNominatedRound = row.firstNominatedRound == null ? list.roundNumber()
                        : Math.min(row.firstNominatedRound, list.roundNumber());
                row.firstNominatedAt = row.firstNominatedAt == null || at.isBefore(row.firstNominatedAt)
                        ? at : row.firstNominatedAt;
                row.roundsNamed = with(row.roundsNamed, list.roundNumber());
                t.save(row);
            }
        }
        for (UUID id : earlier.keySet()) {
            PersonRow row = named.contains(id) ? null : t.person(campaign, id);
            if (row != null) {
                recount(t, row); // rare (a revision dropped them): from the remaining edges
            }
        }
        ContactRow contact = t.contact(list.invitation());
        if (contact != null) {
            if (list.answered()) {
                contact.respondedAt = first(contact.respondedAt, at); // only a real answer is a response
            }
            if (list.revision()) {
                contact.revisedAt = at;
            }
            contact.nomineeCount = list.nominees().size();
            t.save(contact);
        }
    }

    /** Count, first round, first moment and rounds of a person, from all the edges naming them. */
    private static void recount(ReadTables t, PersonRow row) {
        List<NominationRow> edges = t.nominationsOf(row.campaignId, row.personId);
        TreeSet<Integer> rounds = new TreeSet<>();
        Instant firstAt = null;
        for (NominationRow edge : edges) {
            rounds.add(edge.roundNumber);
            firstAt = firstAt == null || edge.nominatedAt.isBefore(firstAt) ? edge.nominatedAt : firstAt;
        }
        row.nominatorCount = edges.size();
        row.firstNominatedRound = rounds.isEmpty() ? null : rounds.first();
        row.firstNominatedAt = firstAt;
        row.roundsNamed = rounds.stream().mapToInt(Integer::intValue).toArray();
        t.save(row);
    }

    /** Gone if nobody names them; otherwise kept (out of the roster) for convergence. */
    private static void leaveRoster(ReadTables t, UUID campaign, UUID person, String sourceAfter) {
        PersonRow row = t.person(campaign, person);
        if (row != null && row.nominatorCount == 0) {
            t.delete(row);
        } else if (row != null) {
            row.inRoster = false;
            row.source = sourceAfter == null ? row.source : sourceAfter;
            row.setAside = false; // leaving the roster ends being left out, as on the command side
            row.setAsideNote = "";
            t.save(row);
        }
    }

    /** One person erased: names, addresses and reasons about or by them read as erased; every count stays. */
    private static void erase(ReadTables t, UUID campaign, UUID person) {
        t.change(t.person(campaign, person), row -> {
            row.name = erased(row.name);
            row.email = erased(row.email);
            row.setAsideNote = ""; // the admin's note may say something about the person
        });
        for (ContactRow contact : t.contactsOf(campaign, person)) {
            contact.name = erased(contact.name);
            contact.email = erased(contact.email);
            t.save(contact);
        }
        for (NominationRow edge : t.nominationsOf(campaign, person)) {
            edge.nomineeName = erased(edge.nomineeName);
            edge.nomineeEmail = erased(edge.nomineeEmail);
            edge.reason = erased(edge.reason);
            t.save(edge);
        }
        for (NominationRow edge : t.nominationsBy(campaign, person)) {
            edge.reason = erased(edge.reason);
            t.save(edge);
        }
    }

    private static String erased(String value) {
        return value == null ? null : PersonalData.ERASED;
    }

    private static int[] with(int[] rounds, int round) {
        int at = Arrays.binarySearch(rounds, round);
        if (at >= 0) {
            return rounds;
        }
        int insert = -at - 1;
        int[] more = new int[rounds.length + 1];
        System.arraycopy(rounds, 0, more, 0, insert);
        more[insert] = round;
        System.arraycopy(rounds, insert, more, insert + 1, rounds.length - insert);
        return more;
    }
}

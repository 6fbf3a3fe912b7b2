package org.oostkit.wrt.query.sink;

import org.oostkit.wrt.query.projection.CampaignRow;
import org.oostkit.wrt.query.projection.ContactRow;
import org.oostkit.wrt.query.projection.NominationRow;
import org.oostkit.wrt.query.projection.PersonRow;
import org.oostkit.wrt.query.projection.ReadTables;
import org.oostkit.wrt.query.projection.RoundRow;
import org.oostkit.wrt.query.projection.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One tenant's tables in memory, indexed as the rules look rows up; {@link CopyLoader} writes them out. */
public final class MemoryTables implements ReadTables {

    private final Map<UUID, CampaignRow> campaigns = new LinkedHashMap<>();
    private final Map<UUID, RoundRow> rounds = new LinkedHashMap<>();
    private final Map<List<Object>, PersonRow> people = new LinkedHashMap<>();
    private final Map<UUID, ContactRow> contacts = new LinkedHashMap<>();
    private final Map<List<Object>, NominationRow> edges = new LinkedHashMap<>();
    private final Map<List<Object>, Map<UUID, NominationRow>> byNominator = new HashMap<>();
    private final Map<List<Object>, Map<UUID, NominationRow>> byNominee = new HashMap<>();

    @Override
    public CampaignRow campaign(UUID campaign) {
        return campaigns.get(campaign);
    }

    @Override
    public RoundRow round(UUID round) {
        return rounds.get(round);
    }

    @Override
    public PersonRow person(UUID campaign, UUID person) {
        return people.get(List.of(campaign, person));
    }

    @Override
    public ContactRow contact(UUID invitation) {
        return contacts.get(invitation);
    }

    @Override
    public List<ContactRow> contactsOf(UUID campaign, UUID person) {
        return contacts.values().stream().filter(c -> c.campaignId.equals(campaign) && c.personId.equals(person))
                .toList();
    }

    @Override
    public List<NominationRow> nominationsBy(UUID campaign, UUID nominator) {
        return new ArrayList<>(byNominator.getOrDefault(List.of(campaign, nominator), Map.of()).values());
    }

    @Override
    public List<NominationRow> nominationsOf(UUID campaign, UUID nominee) {
        return new ArrayList<>(byNominee.getOrDefault(List.of(campaign, nominee), Map.of()).values());
    }

    @Override
    public void save(Row row) {
        if (row instanceof CampaignRow r) {
            campaigns.put(r.campaignId, r);
        } else if (row instanceof RoundRow r) {
            rounds.put(r.roundId, r);
        } else if (row instanceof PersonRow r) {
            people.put(List.of(r.campaignId, r.personId), r);
        } else if (row instanceof ContactRow r) {
            contacts.put(r.invitationId, r);
        } else if (row instanceof NominationRow r) {
            edges.put(r.key(), r);
            byNominator.computeIfAbsent(List.of(r.campaignId, r.nominatorId), k -> new LinkedHashMap<>())
                    .put(r.nomineeId, r);
            byNominee.computeIfAbsent(List.of(r.campaignId, r.nomineeId), k -> new LinkedHashMap<>())
                    .put(r.nominatorId, r);
        }
    }

    @Override
    public void delete(Row row) {
        if (row instanceof PersonRow r) {
            people.remove(r.key());
        } else if (row instanceof NominationRow r) {
            edges.remove(r.key());
            byNominator.getOrDefault(List.of(r.campaignId, r.nominatorId), new HashMap<>()).remove(r.nomineeId);
            byNominee.getOrDefault(List.of(r.campaignId, r.nomineeId), new HashMap<>()).remove(r.nominatorId);
        } else {
            throw new UnsupportedOperationException("the rules never delete a single " + row.table().name());
        }
    }

    @Override
    public void dropCampaign(UUID campaign) {
        campaigns.remove(campaign);
        rounds.values().removeIf(row -> row.campaignId.equals(campaign));
        people.values().removeIf(row -> row.campaignId.equals(campaign));
        contacts.values().removeIf(row -> row.campaignId.equals(campaign));
        edges.values().removeIf(row -> row.campaignId.equals(campaign));
        byNominator.keySet().removeIf(key -> key.get(0).equals(campaign));
        byNominee.keySet().removeIf(key -> key.get(0).equals(campaign));
    }

    /** The campaigns held, by id. */
    public Collection<UUID> campaignIds() {
        return campaigns.keySet();
    }

    /** Every row of one table, as the table's sinks write them. */
    public Collection<? extends Row> rows(Row.Table<?> table) {
        return switch (table.name()) {
            case "campaign" -> campaigns.values();
            case "round" -> rounds.values();
            case "person" -> people.values();
            case "contact" -> contacts.values();
            case "nomination" -> edges.values();
            default -> throw new IllegalArgumentException(table.name());
        };
    }
}

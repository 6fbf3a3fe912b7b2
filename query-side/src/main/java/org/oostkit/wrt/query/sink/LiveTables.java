package org.oostkit.wrt.query.sink;

import org.oostkit.wrt.api.campaign.CampaignEvent;
import org.oostkit.wrt.api.campaign.CampaignSettings;
import org.oostkit.wrt.api.campaign.PeopleContacted;
import org.oostkit.wrt.api.campaign.PersonDroppedFromRoster;
import org.oostkit.wrt.api.campaign.PersonBroughtBack;
import org.oostkit.wrt.api.campaign.PersonErased;
import org.oostkit.wrt.api.campaign.PersonSetAside;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.campaign.PersonNominatedIntoCampaign;
import org.oostkit.wrt.api.campaign.SeedPersonAdded;
import org.oostkit.wrt.api.campaign.SeedPersonRemoved;
import org.oostkit.wrt.api.invitation.InvitationEvent;
import org.oostkit.wrt.api.nomination.NominationRevised;
import org.oostkit.wrt.api.nomination.NominationSubmitted;
import org.oostkit.wrt.api.round.RoundClosed;
import org.oostkit.wrt.api.round.RoundStarted;
import org.oostkit.wrt.query.projection.CampaignRow;
import org.oostkit.wrt.query.projection.ContactRow;
import org.oostkit.wrt.query.projection.NominationRow;
import org.oostkit.wrt.query.projection.PersonRow;
import org.oostkit.wrt.query.projection.ReadTables;
import org.oostkit.wrt.query.projection.RoundRow;
import org.oostkit.wrt.query.projection.Row;
import org.oostkit.wrt.query.projection.Row.Table;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One tenant's schema for the live processor: a batch's rows read once (every row its events name, in one query),
 * changed in memory and written by {@link #flush()} as one JDBC batch per table.
 */
public final class LiveTables implements ReadTables {

    private final JdbcTemplate jdbc;
    private final String schema;
    private final List<?> events;
    /** Rows read or saved, by table and key; a null value is a row known not to exist. */
    private final Map<Table<?>, Map<List<Object>, Row>> rows = new HashMap<>();
    private final Set<Table<?>> prefetched = new HashSet<>();
    /** Complete current lists of nominators, kept up to date as edges are saved and deleted. */
    private final Map<List<Object>, List<NominationRow>> lists = new HashMap<>();
    private boolean listsPrefetched;
    private final Map<Table<?>, Map<List<Object>, Row>> saved = new LinkedHashMap<>();
    private final Map<Table<?>, Map<List<Object>, Row>> deleted = new LinkedHashMap<>();

    /** {@code events}: the payloads of this tenant's events in the batch, whose rows are read together. */
    public LiveTables(JdbcTemplate jdbc, String schema, List<?> events) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.events = events;
    }

    @Override
    public CampaignRow campaign(UUID campaign) {
        return (CampaignRow) find(CampaignRow.TABLE, List.of(campaign));
    }

    @Override
    public RoundRow round(UUID round) {
        return (RoundRow) find(RoundRow.TABLE, List.of(round));
    }

    @Override
    public PersonRow person(UUID campaign, UUID person) {
        return (PersonRow) find(PersonRow.TABLE, List.of(campaign, person));
    }

    @Override
    public ContactRow contact(UUID invitation) {
        return (ContactRow) find(ContactRow.TABLE, List.of(invitation));
    }

    @Override
    public List<ContactRow> contactsOf(UUID campaign, UUID person) {
        return scan(ContactRow.TABLE, "person_id", campaign, person);
    }

    @Override
    public List<NominationRow> nominationsBy(UUID campaign, UUID nominator) {
        List<Object> key = List.of(campaign, nominator);
        if (!lists.containsKey(key) && !listsPrefetched) {
            listsPrefetched = true;
            loadLists(keysNamed(NominationRow.TABLE));
        }
        if (!lists.containsKey(key)) {
            loadLists(List.of(key));
        }
        return new ArrayList<>(lists.get(key));
    }

    @Override
    public List<NominationRow> nominationsOf(UUID campaign, UUID nominee) {
        return scan(NominationRow.TABLE, "nominee_id", campaign, nominee);
    }

    /** The rows of a campaign with the given value in a column, after writing what waits. */
    @SuppressWarnings("unchecked")
    private <R extends Row> List<R> scan(Table<R> table, String column, UUID campaign, UUID value) {
        flush();
        List<R> found = new ArrayList<>();
        jdbc.query(select(table) + " WHERE campaign_id = ? AND " + column + " = ?", rs -> {
            Row row = known(read(table, rs));
            if (row != null) {
                found.add((R) row); // the row held for this key is of this table
            }
        }, campaign, value);
        return found;
    }

    @Override
    public void save(Row row) {
        List<Object> key = row.key();
        Row before = of(rows, row.table()).put(key, row);
        of(deleted, row.table()).remove(key);
        of(saved, row.table()).put(key, row);
        if (row instanceof NominationRow edge && before != row) {
            List<NominationRow> list = lists.get(List.of(edge.campaignId, edge.nominatorId));
            if (list != null) {
                list.remove(before);
                list.add(edge);
            }
        }
    }

    @Override
    public void delete(Row row) {
        List<Object> key = row.key();
        of(rows, row.table()).put(key, null);
        of(saved, row.table()).remove(key);
        of(deleted, row.table()).put(key, row);
        if (row instanceof NominationRow edge) {
            List<NominationRow> list = lists.get(List.of(edge.campaignId, edge.nominatorId));
            if (list != null) {
                list.remove(edge);
            }
        }
    }

    @Override
    public void dropCampaign(UUID campaign) {
        flush();
        for (Table<?> table : Table.all()) {
            jdbc.update("DELETE FROM " + schema + "." + table.name() + " WHERE campaign_id = ?", campaign);
        }
        rows.clear();
        lists.clear();
        prefetched.clear();
        listsPrefetched = false;
    }

    /** Writes what was saved and deleted since the last flush. */
    public void flush() {
        deleted.forEach((table, keys) -> {
            if (!keys.isEmpty()) {
                String where = String.join(" = ? AND ", table.columns().subList(0, table.keys())) + " = ?";
                jdbc.batchUpdate("DELETE FROM " + schema + "." + table.name() + " WHERE " + where,
                        keys.keySet(), keys.size(), (ps, key) -> bind(ps, key.toArray()));
            }
        });
        deleted.clear();
        saved.forEach((table, changed) -> {
            if (!changed.isEmpty()) {
                jdbc.batchUpdate(upsert(table), changed.values(), changed.size(), (ps, row) -> bind(ps, row.values()));
            }
        });
        saved.clear();
    }

    private Row find(Table<?> table, List<Object> key) {
        Map<List<Object>, Row> known = of(rows, table);
        if (!known.containsKey(key) && prefetched.add(table)) {
            Set<List<Object>> keys = new LinkedHashSet<>(keysNamed(table));
            keys.add(key);
            load(table, keys);
        }
        if (!known.containsKey(key)) {
            load(table, List.of(key));
        }
        return known.get(key);
    }

    /** Reads the rows with the given keys; those not found are known not to exist. */
    private void load(Table<?> table, Collection<List<Object>> keys) {
        Map<List<Object>, Row> known = of(rows, table);
        List<List<Object>> unknown = keys.stream().filter(k -> !known.containsKey(k)).toList();
        if (!unknown.isEmpty()) {
            query(table, table.keys(), unknown);
            unknown.forEach(key -> known.putIfAbsent(key, null));
        }
    }

    private void loadLists(Collection<List<Object>> nominators) {
        List<List<Object>> unknown = nominators.stream().filter(k -> !lists.containsKey(k)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(key -> lists.put(key, new ArrayList<>()));
        for (Row row : query(NominationRow.TABLE, 2, unknown)) {
            NominationRow edge = (NominationRow) row;
            lists.get(List.of(edge.campaignId, edge.nominatorId)).add(edge);
        }
    }

    /** Rows whose first {@code columns} key columns match one of the keys, taken as known. */
    private List<Row> query(Table<?> table, int columns, Collection<List<Object>> keys) {
        List<String> names = table.columns().subList(0, columns);
        StringBuilder arrays = new StringBuilder();
        Object[] args = new Object[columns];
        for (int c = 0; c < columns; c++) {
            arrays.append(c == 0 ? "" : ", ").append("?::uuid[]");
            int column = c;
            args[c] = keys.stream().map(key -> (UUID) key.get(column)).toArray(UUID[]::new);
        }
        List<Row> found = new ArrayList<>();
        jdbc.query(select(table) + " WHERE (" + String.join(", ", names) + ") IN (SELECT * FROM unnest("
                + arrays + "))", rs -> {
                    Row row = known(read(table, rs));
                    if (row != null) {
                        found.add(row);
                    }
                }, args);
        return found;
    }

    /** The row as this batch knows it: the one already held (null if deleted), else the one just read. */
    private Row known(Row read) {
        Map<List<Object>, Row> known = of(rows, read.table());
        List<Object> key = read.key();
        if (known.containsKey(key)) {
            return known.get(key);
        }
        known.put(key, read);
        return read;
    }

    /** The keys of a table that the batch's events name (a round's, only where it is new or changes). */
    private List<List<Object>> keysNamed(Table<?> table) {
        List<List<Object>> keys = new ArrayList<>();
        for (Object event : events) {
            if (table == CampaignRow.TABLE && event instanceof CampaignEvent e) {
                keys.add(List.of(e.campaignId().value()));
            } else if (table == ContactRow.TABLE && event instanceof InvitationEvent e) {
                keys.add(List.of(e.invitationId().value()));
            } else if (table == RoundRow.TABLE && event instanceof RoundStarted e) {
                keys.add(List.of(e.roundId().value()));
            } else if (table == RoundRow.TABLE && event instanceof RoundClosed e) {
                keys.add(List.of(e.roundId().value()));
            } else if (table == PersonRow.TABLE && event instanceof CampaignEvent e) {
                peopleOf(event).forEach(person -> keys.add(List.of(e.campaignId().value(), person)));
            } else if (table == NominationRow.TABLE && event instanceof NominationSubmitted e) {
                keys.add(List.of(e.campaignId().value(), e.nominatorId().value()));
            } else if (table == NominationRow.TABLE && event instanceof NominationRevised e) {
                keys.add(List.of(e.campaignId().value(), e.nominatorId().value()));
            }
        }
        return keys;
    }

    /** The people of a campaign an event names. */
    private static List<UUID> peopleOf(Object event) {
        if (event instanceof SeedPersonAdded e) {
            return List.of(e.personId().value());
        } else if (event instanceof SeedPersonRemoved e) {
            return List.of(e.personId().value());
        } else if (event instanceof PersonDroppedFromRoster e) {
            return List.of(e.personId().value());
        } else if (event instanceof PersonNominatedIntoCampaign e) {
            return List.of(e.personId().value());
        } else if (event instanceof PersonErased e) {
            return List.of(e.personId().value());
        } else if (event instanceof PersonSetAside e) {
            return List.of(e.personId().value());
        } else if (event instanceof PersonBroughtBack e) {
            return List.of(e.personId().value());
        } else if (event instanceof PeopleContacted e) {
            return e.personIds().stream().map(PersonId::value).toList();
        } else if (event instanceof NominationSubmitted e) {
            return e.nominees().stream().map(n -> n.personId().value()).toList();
        } else if (event instanceof NominationRevised e) {
            return e.nominees().stream().map(n -> n.personId().value()).toList();
        }
        return List.of();
    }

    private String select(Table<?> table) {
        return "SELECT " + table.columnList() + " FROM " + schema + "." + table.name();
    }

    private String upsert(Table<?> table) {
        List<String> columns = table.columns();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(schema).append('.').append(table.name())
                .append(" (").append(table.columnList()).append(") VALUES (")
                .append(String.join(", ", Collections.nCopies(columns.size(), "?")))
                .append(") ON CONFLICT (").append(String.join(", ", columns.subList(0, table.keys())))
                .append(") DO UPDATE SET ");
        for (int i = table.keys(); i < columns.size(); i++) {
            sql.append(i == table.keys() ? "" : ", ").append(columns.get(i)).append(" = EXCLUDED.").append(columns.get(i));
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof int[] numbers) {
                Array array = ps.getConnection().createArrayOf("integer",
                        Arrays.stream(numbers).boxed().toArray());
                ps.setArray(i + 1, array);
            } else if (value instanceof String[] texts) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", texts));
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    /** A row from a result set of its table's columns, in order. */
    private static Row read(Table<?> table, ResultSet rs) throws SQLException {
        return switch (table.name()) {
            case "campaign" -> readCampaign(rs);
            case "round" -> readRound(rs);
            case "person" -> readPerson(rs);
            case "contact" -> readContact(rs);
            case "nomination" -> readNomination(rs);
            default -> throw new IllegalArgumentException(table.name());
        };
    }

    private static CampaignRow readCampaign(ResultSet rs) throws SQLException {
        CampaignRow row = new CampaignRow(rs.getObject(1, UUID.class), instant(rs, 10));
        row.settings = new CampaignSettings(rs.getString(2), rs.getString(3), rs.getInt(5), rs.getInt(6),
                rs.getBoolean(7), rs.getInt(8), rs.getString(4));
        row.status = rs.getString(9);
        row.completedAt = instant(rs, 11);
        row.updatedAt = instant(rs, 12);
        return row;
    }

    private static RoundRow readRound(ResultSet rs) throws SQLException {
        RoundRow row = new RoundRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                instant(rs, 5), rs.getInt(11));
        row.status = rs.getString(4);
        row.deadline = instant(rs, 6);
        row.reminderAt = instant(rs, 7);
        row.reminderSentAt = instant(rs, 8);
        row.closedAt = instant(rs, 9);
        row.closeReason = rs.getString(10);
        return row;
    }

    private static PersonRow readPerson(ResultSet rs) throws SQLException {
        PersonRow row = new PersonRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        row.name = rs.getString(3);
        row.email = rs.getString(4);
        row.source = rs.getString(5);
        row.inRoster = rs.getBoolean(6);
        row.addedAt = instant(rs, 7);
        row.enteredRound = integer(rs, 8);
        row.contactedRound = integer(rs, 9);
        row.nominatorCount = rs.getInt(10);
        row.firstNominatedRound = integer(rs, 11);
        row.firstNominatedAt = instant(rs, 12);
        row.roundsNamed = Arrays.stream((Integer[]) rs.getArray(13).getArray()).mapToInt(Integer::intValue).toArray();
        row.setAside = rs.getBoolean(14);
        row.setAsideNote = rs.getString(15);
        return row;
    }

    private static ContactRow readContact(ResultSet rs) throws SQLException {
        ContactRow row = new ContactRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getInt(4), rs.getObject(5, UUID.class), instant(rs, 9));
        row.name = rs.getString(6);
        row.email = rs.getString(7);
        row.status = rs.getString(8);
        row.sentAt = instant(rs, 10);
        row.failedAt = instant(rs, 11);
        row.failureReason = rs.getString(12);
        row.deliveredAt = instant(rs, 13);
        row.openedAt = instant(rs, 14);
        row.clickedAt = instant(rs, 15);
        row.bouncedAt = instant(rs, 16);
        row.spamAt = instant(rs, 17);
        row.linkOpenedAt = instant(rs, 18);
        row.codeSentAt = instant(rs, 19);
        row.verifiedAt = instant(rs, 20);
        row.respondedAt = instant(rs, 21);
        row.revisedAt = instant(rs, 22);
        row.remindedAt = instant(rs, 23);
        row.nomineeCount = rs.getInt(24);
        row.tokenHash = rs.getString(25);
        row.tokenHashes = List.of((String[]) rs.getArray(26).getArray());
        return row;
    }

    private static NominationRow readNomination(ResultSet rs) throws SQLException {
        NominationRow row = new NominationRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), instant(rs, 10));
        row.roundId = rs.getObject(4, UUID.class);
        row.roundNumber = rs.getInt(5);
        row.invitationId = rs.getObject(6, UUID.class);
        row.nomineeName = rs.getString(7);
        row.nomineeEmail = rs.getString(8);
        row.reason = rs.getString(9);
        row.listPosition = rs.getInt(11);
        return row;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** One table's part of rows, saved or deleted (in order: they are written so). */
    private static Map<List<Object>, Row> of(Map<Table<?>, Map<List<Object>, Row>> byTable, Table<?> table) {
        return byTable.computeIfAbsent(table, t -> new LinkedHashMap<>());
    }
}

package org.oostkit.wrt.query.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A row of one of a tenant's read-model tables, as the projection rules change it. Its values are in the
 * table's column order; every sink (batched upserts, COPY, temporary tables) writes them the same way.
 */
public sealed interface Row permits CampaignRow, RoundRow, PersonRow, ContactRow, NominationRow {

    /** The table this row belongs to. */
    Table<?> table();

    /** The values in column order, the key first. */
    Object[] values();

    /** The primary key: the first {@link Table#keys()} values (rows looked up often override it, cheaper). */
    default List<Object> key() {
        return List.copyOf(Arrays.asList(values()).subList(0, table().keys()));
    }

    /** A table: its name, columns in order, how many leading columns form the key, and how to read a row. */
    record Table<R extends Row>(String name, List<String> columns, int keys, Reader<R> reader) {

        /** Every read-model table (a method: a constant here would be read before the rows' own constants). */
        public static List<Table<?>> all() {
            return List.of(CampaignRow.TABLE, RoundRow.TABLE, PersonRow.TABLE, ContactRow.TABLE, NominationRow.TABLE);
        }

        public Table(String name, int keys, Reader<R> reader, String... columns) {
            this(name, List.of(columns), keys, reader);
        }

        public String columnList() {
            return String.join(", ", columns);
        }
    }

    /** Reads a row from a result set of {@link Table#columns()}, in order. */
    @FunctionalInterface
    interface Reader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Keeps the first moment of a step. */
    static Instant first(Instant current, Instant at) {
        return current == null ? at : current;
    }
}

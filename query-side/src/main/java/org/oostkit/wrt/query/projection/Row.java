package org.oostkit.wrt.query.projection;

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

    /** A table: its name, columns in order, and how many leading columns form the key. */
    record Table<R extends Row>(String name, List<String> columns, int keys) {

        /** Every read-model table (a method: a constant here would be read before the rows' own constants). */
        public static List<Table<?>> all() {
            return List.of(CampaignRow.TABLE, RoundRow.TABLE, PersonRow.TABLE, ContactRow.TABLE, NominationRow.TABLE);
        }

        public Table(String name, int keys, String... columns) {
            this(name, List.of(columns), keys);
        }

        public String columnList() {
            return String.join(", ", columns);
        }
    }

    /** Keeps the first moment of a step. */
    static Instant first(Instant current, Instant at) {
        return current == null ? at : current;
    }
}

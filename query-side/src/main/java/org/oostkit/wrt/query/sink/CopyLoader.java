package org.oostkit.wrt.query.sink;

import org.oostkit.wrt.query.projection.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;

/** Writes tables held in memory into a schema with COPY, on the current transaction's connection. */
public final class CopyLoader {

    private CopyLoader() {
    }

    public static void load(DataSource dataSource, String schema, MemoryTables tables) {
        for (Row.Table<?> table : Row.Table.all()) {
            copy(dataSource, schema + "." + table.name() + " (" + table.columnList() + ")", tables.rows(table));
        }
    }

    private static void copy(DataSource dataSource, String target, Collection<? extends Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN (FORMAT csv)");
            try {
                StringBuilder line = new StringBuilder(256);
                for (Row row : rows) {
                    line.setLength(0);
                    Object[] values = row.values();
                    for (int i = 0; i < values.length; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        csv(line, values[i]);
                    }
                    line.append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load " + target, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in PostgreSQL's CSV COPY format: empty for null, strings and arrays always quoted. */
    private static void csv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            quoted(out, text);
        } else if (value instanceof int[] numbers) {
            StringBuilder array = new StringBuilder("{");
            for (int i = 0; i < numbers.length; i++) {
                array.append(i == 0 ? "" : ",").append(numbers[i]);
            }
            quoted(out, array.append('}').toString());
        } else if (value instanceof String[] texts) {
            quoted(out, "{" + String.join(",", texts) + "}"); // hex hashes: nothing to escape
        } else {
            out.append(value); // UUID, numbers, booleans and ISO-8601 instants as PostgreSQL reads them
        }
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}

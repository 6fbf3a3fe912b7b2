package org.oostkit.wrt.web.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Searches every table of every schema (PostgreSQL's own catalogs excluded) for a text: each row as text
 * (case-insensitive), and each {@code bytea} column as raw bytes of the text in UTF-8 (event payloads,
 * metadata, snapshots, dead letters and scheduler data are stored as bytes).
 */
public final class PlaintextScan {

    private final JdbcTemplate jdbc;

    public PlaintextScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the text occurs: "schema.table" or "schema.table.column", empty if nowhere. */
    public List<String> find(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> tables = jdbc.queryForList("SELECT table_schema, table_name FROM "
                + "information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
                + "('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%' ORDER BY 1, 2");
        for (Map<String, Object> table : tables) {
            String name = quote((String) table.get("table_schema")) + "." + quote((String) table.get("table_name"));
            Integer rows = jdbc.queryForObject("SELECT count(*) FROM " + name + " t WHERE t::text ILIKE ?",
                    Integer.class, "%" + text + "%");
            if (rows != null && rows > 0) {
                found.add(table.get("table_schema") + "." + table.get("table_name"));
            }
            List<String> byteColumns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = ? AND table_name = ? AND data_type = 'bytea'", String.class,
                    table.get("table_schema"), table.get("table_name"));
            for (String column : byteColumns) {
                Integer hits = jdbc.queryForObject("SELECT count(*) FROM " + name + " WHERE position(? IN "
                        + quote(column) + ") > 0", Integer.class, (Object) text.getBytes(StandardCharsets.UTF_8));
                if (hits != null && hits > 0) {
                    found.add(table.get("table_schema") + "." + table.get("table_name") + "." + column);
                }
            }
        }
        return found;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

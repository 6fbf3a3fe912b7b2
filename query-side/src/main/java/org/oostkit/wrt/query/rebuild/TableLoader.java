package org.oostkit.wrt.query.rebuild;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Loads in-memory read-model tables into a schema's tables with COPY, on the current transaction's
 * connection: a tenant's schema (the bulk rebuild) or {@code pg_temp} (the as-of views).
 */
final class TableLoader {

    private TableLoader() {
    }

    static void load(DataSource dataSource, String s, InMemoryReadModels.Tenant tables) {
        copy(dataSource, s + ".campaign (campaign_id, name, description, invitation_text, convergence_threshold, "
                + "default_round_days, reminder_enabled, reminder_days_before, status, created_at, completed_at, "
                + "updated_at)", tables.campaigns.values());
        copy(dataSource, s + ".round (round_id, campaign_id, round_number, status, started_at, deadline, reminder_at, "
                + "reminder_sent_at, closed_at, close_reason, invitation_count)", tables.rounds.values());
        copy(dataSource, s + ".person (campaign_id, person_id, name, email, source, in_roster, added_at, entered_round, "
                + "contacted_round, nominator_count, first_nominated_round, first_nominated_at, rounds_named)",
                tables.people.values());
        copy(dataSource, s + ".contact (invitation_id, campaign_id, round_id, round_number, person_id, name, email, "
                + "delivery_status, invited_at, sent_at, failed_at, failure_reason, delivered_at, opened_at, "
                + "clicked_at, bounced_at, spam_at, link_opened_at, code_sent_at, verified_at, responded_at, "
                + "revised_at, reminded_at, nominee_count, token_hash, token_hashes)", tables.contacts.values());
        copy(dataSource, s + ".nomination (campaign_id, nominator_id, nominee_id, round_id, round_number, invitation_id, "
                + "nominee_name, nominee_email, reason, nominated_at, list_position)", tables.edges.values());
    }

    private static void copy(DataSource dataSource, String target, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN (FORMAT csv)");
            try {
                StringBuilder line = new StringBuilder(256);
                for (Object[] row : rows) {
                    line.setLength(0);
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        csv(line, row[i]);
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

    /** A value in PostgreSQL's CSV COPY format: empty for null, strings always quoted. */
    static void csv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String || value instanceof InMemoryReadModels.RoundsNamed
                || value instanceof InMemoryReadModels.LinkTokens) {
            out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
        } else {
            out.append(value); // UUID, numbers, booleans and ISO-8601 instants as PostgreSQL reads them
        }
    }

}

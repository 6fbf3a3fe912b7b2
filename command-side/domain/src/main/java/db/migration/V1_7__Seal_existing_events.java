package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.oostkit.wrt.domain.integrity.EventHash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Chains the events stored before tamper evidence existed (issue #6), in global order, exactly as the
 * append statement would have: from the upgrade on, any change to them is detected. What happened to them
 * before the upgrade cannot be shown, and the README says so. A store with no such events (every new
 * installation) is left as it is.
 */
public class V1_7__Seal_existing_events extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, String> chains = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT globalindex, eventidentifier, "
                + "aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, "
                + "metadata FROM domainevententry ORDER BY globalindex");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE domainevententry SET metadata = ? WHERE globalindex = ?")) {
            read.setFetchSize(BATCH); // a cursor, not the whole store in memory (Flyway runs in a transaction)
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String aggregate = rs.getString(3);
                    Map<String, Object> metaData = EventHash.parseMetaData(rs.getBytes(10));
                    Object stored = metaData.get(EventHash.METADATA_KEY);
                    if (stored != null) {
                        chains.put(aggregate, stored.toString());
                        continue;
                    }
                    String hash = EventHash.of(new EventHash.Input(chains.getOrDefault(aggregate, EventHash.GENESIS),
                            aggregate, rs.getLong(4), rs.getString(5), rs.getString(2), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getBytes(9), EventHash.canonical(metaData)));
                    update.setBytes(1, EventHash.withHash(metaData, hash));
                    update.setLong(2, rs.getLong(1));
                    update.addBatch();
                    chains.put(aggregate, hash);
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}

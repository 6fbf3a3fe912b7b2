package org.oostkit.wrt.domain.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.oostkit.wrt.api.audit.AuditQueries.AuditEntry;
import org.oostkit.wrt.api.audit.AuditQueries.AuditFilter;
import org.oostkit.wrt.api.audit.AuditQueries.AuditTrailPage;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditEventTypes;
import org.oostkit.wrt.api.audit.AuditQueries.FindAuditTrail;
import org.oostkit.wrt.api.common.Actor;
import org.oostkit.wrt.api.common.PersonalData;
import org.oostkit.wrt.api.invitation.ContactInvited;
import org.oostkit.wrt.api.organisation.OrganisationId;
import org.oostkit.wrt.domain.integrity.PayloadIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a campaign's audit trail from the event store. The store's campaign column (indexed with the global
 * index) makes a page one index range scan, however long the history: keyset paging on the global index,
 * never an offset. Type and time filters run in SQL. The actor filter matches the decrypted actor (an
 * admin's address is stored encrypted), so it is applied here, on a bounded scan per page.
 * <p>
 * It lives on the command side because it reads the event store and decrypts with the event serializer,
 * both the command side's; nothing of it is kept, so there is nothing to project or replay.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class AuditTrail {

    /** At most this many events are read for one page when the actor filter drops most of them. */
    static final int SCAN_LIMIT = 5_000;
    private static final int CHUNK = 500;
    private static final String NOMINATOR = "nominator:";
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,100}");
    private static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;

    AuditTrail(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
               ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    @QueryHandler
    List<String> handle(FindAuditEventTypes query) {
        if (!belongs(query.organisationId(), query.campaignId().value())) {
            return List.of();
        }
        return jdbc.queryForList("SELECT DISTINCT payloadtype FROM domainevententry WHERE campaign_id = ?",
                        String.class, query.campaignId().value()).stream()
                .map(AuditTrail::simpleName).distinct().sorted().toList();
    }

    @QueryHandler
    AuditTrailPage handle(FindAuditTrail query) {
        UUID campaign = query.campaignId().value();
        AuditFilter filter = query.filter();
        if (!belongs(query.organisationId(), campaign)
                || filter.eventType() != null && !TYPE.matcher(filter.eventType()).matches()) {
            return new AuditTrailPage(List.of(), null, null, false);
        }
        boolean backwards = query.before() != null && query.after() == null;
        List<AuditEntry> page = new ArrayList<>();
        Long cursor = backwards ? query.before() : query.after();
        int scanned = 0;
        boolean more = false;
        boolean limited = false;
        Long lastScanned = null;
        while (true) {
            List<Row> rows = rows(campaign, filter, cursor, backwards, CHUNK);
            for (Row row : rows) {
                scanned++;
                lastScanned = row.index;
                AuditEntry entry = entry(row);
                if (filter.actor() == null || contains(entry.actor(), filter.actor())) {
                    if (page.size() == query.limit()) {
                        more = true;
                        break;
                    }
                    page.add(entry);
                }
            }
            if (more || rows.size() < CHUNK) {
                break;
            }
            cursor = rows.get(rows.size() - 1).index;
            if (scanned >= SCAN_LIMIT) {
                limited = true;
                more = true;
                break;
            }
        }
        if (backwards) {
            Collections.reverse(page);
        }
        Long first = page.isEmpty() ? null : page.get(0).globalIndex();
        Long last = page.isEmpty() ? null : page.get(page.size() - 1).globalIndex();
        Long previous;
        Long next;
        if (backwards) {
            // going back, "more" means more before; there is always something after (where we came from)
            Long stop = limited ? lastScanned : first;
            previous = more ? stop : null;
            next = last != null ? last : query.before() - 1;
        } else {
            Long stop = limited ? lastScanned : last;
            next = more ? stop : null;
            previous = first == null ? null : hasBefore(campaign, first) ? first : null;
        }
        return new AuditTrailPage(page, previous, next, limited, nominators(campaign, page));
    }

    /**
     * The page's nominators by name and address, read from the invitation each acted through (its first event,
     * ContactInvited): one read per distinct invitation on the page. Once the campaign's keys are erased the
     * name reads as erased and the nominator is left out (shown by the invitation only).
     */
    private Map<String, String> nominators(UUID campaign, List<AuditEntry> page) {
        Map<String, String> names = new LinkedHashMap<>();
        for (AuditEntry entry : page) {
            String actor = entry.actor();
            if (!actor.startsWith(NOMINATOR) || names.containsKey(actor)) {
                continue;
            }
            names.put(actor, null);
            String invitation = actor.substring(NOMINATOR.length());
            List<Row> first = jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND sequencenumber = 0", ROW, invitation);
            for (Row row : first) {
                try {
                    Object payload = EventStreamUtils.upcastAndDeserializeDomainEvents(
                            java.util.stream.Stream.of(row.data), serializer, upcasters()).next().getPayload();
                    if (payload instanceof ContactInvited invited && invited.campaignId().value().equals(campaign)
                            && !PersonalData.ERASED.equals(invited.email())) {
                        String name = invited.name() == null || invited.name().isBlank() ? "" : invited.name() + " ";
                        names.put(actor, name + "<" + invited.email() + ">");
                    }
                } catch (RuntimeException unreadable) {
                    // the nominator stays shown by the invitation: the trail never fails over a name
                }
            }
        }
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }

    private boolean hasBefore(UUID campaign, long index) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry "
                + "WHERE campaign_id = ? AND globalindex < ?)", Boolean.class, campaign, index));
    }

    /** The campaign is the organisation's: its first event names the organisation. */
    private boolean belongs(OrganisationId organisation, UUID campaign) {
        List<byte[]> created = jdbc.query("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 0", (rs, n) -> rs.getBytes(1), campaign.toString());
        return !created.isEmpty() && organisation.value().equals(PayloadIds.organisation(created.get(0)));
    }

    private record Row(long index, DomainEventData<byte[]> data) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong(1), new GenericDomainEventEntry<>(
            rs.getString(5), rs.getString(3), rs.getLong(4), rs.getString(2), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getBytes(9), rs.getBytes(10)));

    private List<Row> rows(UUID campaign, AuditFilter filter, Long cursor, boolean backwards, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM domainevententry WHERE campaign_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(campaign);
        if (cursor != null) {
            sql.append(backwards ? " AND globalindex < ?" : " AND globalindex > ?");
            args.add(cursor);
        }
        if (filter.eventType() != null) {
            sql.append(" AND (payloadtype = ? OR payloadtype LIKE ?)");
            args.add(filter.eventType());
            args.add("%." + filter.eventType());
        }
        // Axon stores timestamps as fixed-width ISO-8601 text (milliseconds, UTC), which sorts as time does
        if (filter.from() != null) {
            sql.append(" AND timestamp >= ?");
            args.add(DateTimeUtils.formatInstant(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND timestamp < ?");
            args.add(DateTimeUtils.formatInstant(filter.to()));
        }
        if (filter.actor() != null) {
            // plaintext actors match in SQL; an admin's address is encrypted, so every admin event goes on to
            // the exact match after decryption
            sql.append(" AND (convert_from(metadata, 'UTF8')::jsonb ->> 'actor' ILIKE ? ESCAPE '\\' "
                    + "OR convert_from(metadata, 'UTF8')::jsonb ->> 'actor' LIKE 'admin:%')");
            args.add("%" + filter.actor().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY globalindex ").append(backwards ? "DESC" : "ASC").append(" LIMIT ").append(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private AuditEntry entry(Row row) {
        DomainEventData<byte[]> data = row.data;
        String type = simpleName(data.getPayload().getType().getName());
        Instant at = data.getTimestamp();
        try {
            DomainEventMessage<?> event = EventStreamUtils.upcastAndDeserializeDomainEvents(
                    java.util.stream.Stream.of(data), serializer, upcasters()).next();
            Object actor = event.getMetaData().get(Actor.METADATA_KEY);
            AuditSummaries.Summary summary = AuditSummaries.summary(event.getPayload());
            return new AuditEntry(row.index, at, actor == null ? "unknown" : actor.toString(),
                    event.getPayloadType().getSimpleName(), summary.english(),
                    data.getAggregateIdentifier(), data.getSequenceNumber(), summary.key(), summary.values());
        } catch (RuntimeException e) {
            // an event this version cannot read is still listed: the trail never hides an event
            return new AuditEntry(row.index, at, "unknown", type, "Unreadable event (" + e.getClass().getSimpleName()
                    + ")", data.getAggregateIdentifier(), data.getSequenceNumber());
        }
    }

    private EventUpcaster upcasters() {
        org.axonframework.config.Configuration configuration = axon.getIfAvailable();
        return configuration == null ? NoOpEventUpcaster.INSTANCE : configuration.upcasterChain();
    }

    private static boolean contains(String actor, String wanted) {
        return actor.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }

    static String simpleName(String payloadType) {
        int dot = payloadType.lastIndexOf('.');
        String name = dot < 0 ? payloadType : payloadType.substring(dot + 1);
        int dollar = name.lastIndexOf('$');
        return dollar < 0 ? name : name.substring(dollar + 1);
    }
}

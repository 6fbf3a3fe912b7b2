package org.oostkit.wrt.api.audit;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.organisation.OrganisationId;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail of a campaign, read from the event store alone: every event of the campaign and of its
 * rounds, invitations and nominations, in global order. Personal data reads as {@code [erased]} once the
 * campaign's keys are destroyed.
 */
public final class AuditQueries {

    private AuditQueries() {
    }

    /**
     * A page of the trail. Keyset paging on the store's global index: {@code after} (exclusive) pages
     * forwards, {@code before} (exclusive) pages backwards; neither: the first page. Answers an
     * {@link AuditTrailPage}; a campaign of another organisation answers an empty page.
     */
    public record FindAuditTrail(OrganisationId organisationId, CampaignId campaignId, AuditFilter filter,
                                 Long after, Long before, int limit) {

        public static final int MAX_LIMIT = 500;

        public FindAuditTrail {
            filter = filter == null ? AuditFilter.NONE : filter;
            limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        }
    }

    /** The event types that occur in the campaign's trail, by simple name, sorted. Answers a list of strings. */
    public record FindAuditEventTypes(OrganisationId organisationId, CampaignId campaignId) {
    }

    /**
     * Which events to list.
     *
     * @param eventType an event type's simple name (e.g. {@code NominationSubmitted}); null or blank: all
     * @param actor     text the actor must contain, case-insensitive (e.g. an admin's email, {@code nominator},
     *                  {@code deadline}); null or blank: anyone
     * @param from      only events at or after this moment (null: any)
     * @param to        only events before this moment (null: any)
     */
    public record AuditFilter(String eventType, String actor, Instant from, Instant to) {

        public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

        public AuditFilter {
            eventType = eventType == null || eventType.isBlank() ? null : eventType.strip();
            actor = actor == null || actor.isBlank() ? null : actor.strip();
        }
    }

    /**
     * One event as an auditor reads it.
     *
     * @param actor   who caused it ({@code admin:<email>}, {@code nominator:<invitation>}, {@code deadline} …)
     * @param summary       a readable sentence with the event's facts, in English (the CSV export's words)
     * @param summaryKey    the same sentence for any language: {@code audit.<EventType>[.<variant>]} in the admin
     *                      bundle, or null when only the English sentence says it (an unknown or unreadable event)
     * @param summaryValues the values the key's {@link java.text.MessageFormat} pattern names, in order: strings
     *                      and integers, and for a list of nominees a list of {@code [person]} or
     *                      {@code [person, reason]} lists
     */
    public record AuditEntry(long globalIndex, Instant timestamp, String actor, String eventType, String summary,
                             String aggregateId, long sequenceNumber, String summaryKey, List<Object> summaryValues) {

        public AuditEntry {
            summaryValues = summaryValues == null ? List.of() : List.copyOf(summaryValues);
        }

        /** An entry said only in English. */
        public AuditEntry(long globalIndex, Instant timestamp, String actor, String eventType, String summary,
                          String aggregateId, long sequenceNumber) {
            this(globalIndex, timestamp, actor, eventType, summary, aggregateId, sequenceNumber, null, List.of());
        }
    }

    /**
     * A page of the trail in global order.
     *
     * @param previousBefore pass as {@code before} for the page before this one (null: this is the first)
     * @param nextAfter      pass as {@code after} for the page after this one (null: this is the last)
     * @param scanLimited    true when the actor filter stopped the scan before the page was full (the next
     *                       page continues where it stopped)
     * @param nominators     the nominators among the page's actors as people read them ({@code nominator:<invitation>}
     *                       to "Name &lt;address&gt;", from their invitation), while the campaign's keys exist
     */
    public record AuditTrailPage(List<AuditEntry> entries, Long previousBefore, Long nextAfter,
                                 boolean scanLimited, java.util.Map<String, String> nominators) {

        public AuditTrailPage {
            entries = List.copyOf(entries);
            nominators = nominators == null ? java.util.Map.of() : java.util.Map.copyOf(nominators);
        }

        public AuditTrailPage(List<AuditEntry> entries, Long previousBefore, Long nextAfter, boolean scanLimited) {
            this(entries, previousBefore, nextAfter, scanLimited, java.util.Map.of());
        }
    }
}

package org.oostkit.wrt.api.audit;

/**
 * One broken link of a hash chain.
 *
 * @param globalIndex    the event's position in the store (the event found after a gap, for a gap)
 * @param aggregateId    the aggregate whose chain broke
 * @param sequenceNumber the event's sequence number in its aggregate
 * @param payloadType    the event's stored type
 * @param kind           what is wrong
 * @param detail         a sentence for people
 */
public record IntegrityProblem(long globalIndex, String aggregateId, long sequenceNumber, String payloadType,
                               Kind kind, String detail) {

    public enum Kind {
        /** The stored hash does not match the event's content and its predecessor's hash: altered. */
        HASH_MISMATCH,
        /** The event carries no hash: written around the application, or its metadata was altered. */
        MISSING_HASH,
        /** Events are missing before this one (deleted), or the sequence runs backwards. */
        SEQUENCE_GAP,
        /** The event store's campaign column disagrees with the campaign the payload names. */
        CAMPAIGN_MISMATCH
    }
}

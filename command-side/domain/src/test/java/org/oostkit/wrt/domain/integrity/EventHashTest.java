package org.oostkit.wrt.domain.integrity;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventHashTest {

    private static final byte[] PAYLOAD = "{\"campaignId\":\"c\",\"name\":\"wrtenc:abc\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] META = EventHash.canonical(Map.of("tenant", "t", "actor", "system"));

    private static EventHash.Input input() {
        return new EventHash.Input("ab12", "agg", 3, "Campaign", "event-1", "2026-11-22T10:00:00.000Z",
                "org.x.SeedPersonAdded", "1", PAYLOAD, META);
    }

    @Test
    @DisplayName("SHA-256, hex, deterministic; the genesis differs from any predecessor")
    void deterministic() {
        String hash = EventHash.of(input());
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(EventHash.of(input())).isEqualTo(hash);
        EventHash.Input in = input();
        assertThat(EventHash.of(new EventHash.Input(EventHash.GENESIS, in.aggregateId(), in.sequenceNumber(),
                in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(),
                in.canonicalMetaData()))).isNotEqualTo(hash);
    }

    @Test
    @DisplayName("every covered field changes the hash, including one payload bit")
    void everyFieldCounts() {
        EventHash.Input in = input();
        byte[] flipped = in.payload().clone();
        flipped[5] ^= 1;
        List<EventHash.Input> variants = List.of(in,
                new EventHash.Input("ab13", in.aggregateId(), 3, in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), "agh", 3, in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 4, in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, null, in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, in.aggregateType(), "event-2", in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, in.aggregateType(), in.eventId(), "2026-11-22T10:00:00.001Z", in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, in.aggregateType(), in.eventId(), in.timestamp(), "org.x.Other", in.payloadRevision(), in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), "2", in.payload(), in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), flipped, in.canonicalMetaData()),
                new EventHash.Input(in.previousHash(), in.aggregateId(), 3, in.aggregateType(), in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(),
                        EventHash.canonical(Map.of("tenant", "t", "actor", "admin:x"))));
        Set<String> hashes = new HashSet<>();
        variants.forEach(v -> hashes.add(EventHash.of(v)));
        assertThat(hashes).hasSize(variants.size());
    }

    @Test
    @DisplayName("fields are length-prefixed: moving a character from one field to the next changes the hash")
    void noAmbiguousConcatenation() {
        EventHash.Input in = input();
        String a = EventHash.of(new EventHash.Input(in.previousHash(), "ab", 3, "c", in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()));
        String b = EventHash.of(new EventHash.Input(in.previousHash(), "a", 3, "bc", in.eventId(), in.timestamp(), in.payloadType(), in.payloadRevision(), in.payload(), in.canonicalMetaData()));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    @DisplayName("metadata is hashed in canonical form: key order and the hash entry itself do not matter")
    void canonicalMetaData() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("tenant", "t");
        one.put("actor", "system");
        one.put("traceId", UUID.nameUUIDFromBytes(new byte[]{1}).toString());
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("traceId", one.get("traceId"));
        other.put("actor", "system");
        other.put("tenant", "t");
        other.put(EventHash.METADATA_KEY, "00");
        assertThat(EventHash.canonical(other)).isEqualTo(EventHash.canonical(one));
        // as stored and read back
        byte[] stored = EventHash.withHash(one, "ff");
        Map<String, Object> read = EventHash.parseMetaData(stored);
        assertThat(read).containsEntry(EventHash.METADATA_KEY, "ff");
        assertThat(EventHash.canonical(read)).isEqualTo(EventHash.canonical(one));
    }

    @Test
    @DisplayName("the campaign a payload names is read from its top level only")
    void payloadIds() {
        UUID campaign = UUID.randomUUID();
        assertThat(PayloadIds.campaign(("{\"nested\":{\"campaignId\":\"" + UUID.randomUUID() + "\"},\"campaignId\":\""
                + campaign + "\"}").getBytes(StandardCharsets.UTF_8))).isEqualTo(campaign);
        assertThat(PayloadIds.campaign("{\"roundId\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(PayloadIds.campaign("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}

package org.oostkit.wrt.domain.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash that chains a stored event to the previous event of its aggregate.
 * <p>
 * SHA-256 over, in this order and each length-prefixed (4 bytes, big-endian; -1 for null) so that no two
 * different inputs run together into the same bytes: a version tag, the previous event's hash (empty for
 * an aggregate's first event), aggregate id, sequence number, aggregate type, event id, stored timestamp,
 * payload type, payload revision, the payload bytes exactly as stored (ciphertext for personal data, so
 * erasing keys never breaks the chain), and the metadata in canonical form (keys sorted, without the hash
 * itself; it covers the actor, tenant and correlation data). Hex, lower case.
 */
public final class EventHash {

    /** Metadata key of the hash. */
    public static final String METADATA_KEY = "wrt.hash";
    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "";

    private static final byte[] VERSION = "wrt-event-chain-v1".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private EventHash() {
    }

    /** What is hashed of one stored event. */
    public record Input(String previousHash, String aggregateId, long sequenceNumber, String aggregateType,
                        String eventId, String timestamp, String payloadType, String payloadRevision,
                        byte[] payload, byte[] canonicalMetaData) {
    }

    public static String of(Input in) {
        MessageDigest sha = sha256();
        field(sha, VERSION);
        field(sha, utf8(in.previousHash() == null ? GENESIS : in.previousHash()));
        field(sha, utf8(in.aggregateId()));
        field(sha, ByteBuffer.allocate(Long.BYTES).putLong(in.sequenceNumber()).array());
        field(sha, utf8(in.aggregateType()));
        field(sha, utf8(in.eventId()));
        field(sha, utf8(in.timestamp()));
        field(sha, utf8(in.payloadType()));
        field(sha, utf8(in.payloadRevision()));
        field(sha, in.payload());
        field(sha, in.canonicalMetaData());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Stored metadata (JSON object) parsed into an ordered map; empty for none. */
    public static Map<String, Object> parseMetaData(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            LinkedHashMap<String, Object> map = CANONICAL.readValue(stored, MAP);
            return map == null ? new LinkedHashMap<>() : map;
        } catch (IOException e) {
            throw new UncheckedIOException("metadata is not a JSON object", e);
        }
    }

    /** The metadata as hashed: keys sorted (at every level), without the hash entry. */
    public static byte[] canonical(Map<String, Object> metaData) {
        Map<String, Object> copy = new LinkedHashMap<>(metaData);
        copy.remove(METADATA_KEY);
        try {
            return CANONICAL.writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata as stored, with the hash entry. */
    public static byte[] withHash(Map<String, Object> metaData, String hash) {
        Map<String, Object> copy = new LinkedHashMap<>(metaData);
        copy.put(METADATA_KEY, hash);
        try {
            return CANONICAL.writeValueAsBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void field(MessageDigest sha, byte[] value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        sha.update(value);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

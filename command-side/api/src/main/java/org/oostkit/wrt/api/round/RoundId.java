package org.oostkit.wrt.api.round;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identity of a round of a campaign. */
public record RoundId(UUID value) implements Serializable {

    public RoundId {
        Objects.requireNonNull(value, "RoundId value");
    }

    public static RoundId random() {
        return new RoundId(UUID.randomUUID());
    }

    @JsonCreator
    public static RoundId of(String value) {
        return new RoundId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

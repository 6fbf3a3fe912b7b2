package org.oostkit.wrt.api.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identity of a person within one campaign; derived from the normalised email with a keyed hash, so it reveals nothing by itself. */
public record PersonId(UUID value) implements Serializable {

    public PersonId {
        Objects.requireNonNull(value, "PersonId value");
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @JsonCreator
    public static PersonId of(String value) {
        return new PersonId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

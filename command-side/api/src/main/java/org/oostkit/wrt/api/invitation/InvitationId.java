package org.oostkit.wrt.api.invitation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identity of one invitation: one person asked in one round. */
public record InvitationId(UUID value) implements Serializable {

    public InvitationId {
        Objects.requireNonNull(value, "InvitationId value");
    }

    public static InvitationId random() {
        return new InvitationId(UUID.randomUUID());
    }

    @JsonCreator
    public static InvitationId of(String value) {
        return new InvitationId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

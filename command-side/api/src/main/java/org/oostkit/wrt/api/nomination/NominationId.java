package org.oostkit.wrt.api.nomination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.oostkit.wrt.api.invitation.InvitationId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of the nomination list of one nominator in one round. There is exactly one per invitation,
 * so it is derived from the invitation id (a name-based UUID: it must differ from the invitation's own
 * id, because aggregate identifiers share one namespace in the event store).
 */
public record NominationId(UUID value) {

    public NominationId {
        Objects.requireNonNull(value, "NominationId value");
    }

    public static NominationId forInvitation(InvitationId invitationId) {
        return new NominationId(UUID.nameUUIDFromBytes(
                ("nomination:" + invitationId).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static NominationId of(String value) {
        return new NominationId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

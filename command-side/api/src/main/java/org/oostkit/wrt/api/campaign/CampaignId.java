package org.oostkit.wrt.api.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identity of a campaign. */
public record CampaignId(UUID value) implements Serializable {

    public CampaignId {
        Objects.requireNonNull(value, "CampaignId value");
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    @JsonCreator
    public static CampaignId of(String value) {
        return new CampaignId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package org.oostkit.wrt.domain.security;

import org.oostkit.wrt.api.campaign.CampaignId;
import org.oostkit.wrt.api.campaign.PersonId;
import org.oostkit.wrt.api.common.Emails;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * A person is identified within a campaign by their normalised email. Their id is derived from it with a
 * keyed hash, so every aggregate finds the same person without a lookup, and the id says nothing about
 * the address to anyone without the server key (and nothing at all once the key material is gone).
 */
public class PersonIdentities {

    private final KeyedHasher hasher;

    public PersonIdentities(KeyedHasher hasher) {
        this.hasher = hasher;
    }

    public PersonId personId(CampaignId campaignId, String email) {
        byte[] mac = hasher.mac("person:" + campaignId + ":" + Emails.normalise(email));
        ByteBuffer buffer = ByteBuffer.wrap(mac, 0, 16);
        long high = (buffer.getLong() & ~0xF000L) | 0x8000L;           // version 8: custom
        long low = (buffer.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new PersonId(new UUID(high, low));
    }
}

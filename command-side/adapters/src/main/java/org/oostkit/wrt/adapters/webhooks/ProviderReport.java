package org.oostkit.wrt.adapters.webhooks;

import org.oostkit.wrt.api.invitation.DeliveryKind;

import java.time.Instant;

/**
 * One record of a provider's webhook, reduced to what WRT keeps: never the recipient's address, a link or a
 * user agent. {@code kind} is null for events WRT does not track (processed, deferred, unsubscribe …);
 * {@code tenant} and {@code invitation} are the metadata values the mail was sent with, unchecked.
 */
public record ProviderReport(String provider, String eventKey, DeliveryKind kind, String tenant, String invitation,
                      Instant occurredAt) {

    boolean tracked() {
        return kind != null;
    }
}

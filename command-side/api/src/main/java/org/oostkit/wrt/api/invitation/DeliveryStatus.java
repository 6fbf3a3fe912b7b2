package org.oostkit.wrt.api.invitation;

/** Where an invitation mail stands, from the provider's reports. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, SOFT_BOUNCED, DELIVERED, OPENED, CLICKED, BOUNCED, SPAM_COMPLAINT;

    public static DeliveryStatus of(DeliveryKind kind) {
        return valueOf(kind.name());
    }

    public boolean terminal() {
        return this == BOUNCED || this == SPAM_COMPLAINT;
    }
}

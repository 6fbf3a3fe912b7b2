package org.oostkit.wrt.api.invitation;

/**
 * What an email provider reported about an invitation mail. Ordinary kinds only move the status forward
 * ({@link #rank()}); bounces and spam complaints are final.
 */
public enum DeliveryKind {
    DELIVERED(1, false),
    OPENED(2, false),
    CLICKED(3, false),
    BOUNCED(10, true),
    SPAM_COMPLAINT(11, true);

    private final int rank;
    private final boolean terminal;

    DeliveryKind(int rank, boolean terminal) {
        this.rank = rank;
        this.terminal = terminal;
    }

    public int rank() {
        return rank;
    }

    public boolean terminal() {
        return terminal;
    }
}

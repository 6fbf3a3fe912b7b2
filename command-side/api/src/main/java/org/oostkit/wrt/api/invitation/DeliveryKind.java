package org.oostkit.wrt.api.invitation;

/**
 * What an email provider reported about an invitation mail. Ordinary kinds only move the status forward
 * ({@link #rank()}); bounces and spam complaints are final. A soft bounce (the receiving server refused the
 * mail for now: mailbox full, greylisting, a block by reputation) is not final: the provider tries again
 * and a later delivery moves the status on. Ranks are not stored (events keep the kind's name), so they may
 * be renumbered.
 */
public enum DeliveryKind {
    SOFT_BOUNCED(1, false),
    DELIVERED(2, false),
    OPENED(3, false),
    CLICKED(4, false),
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

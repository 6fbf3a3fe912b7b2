package org.oostkit.wrt.api.nomination;

/** A person as the nominator typed them in. */
public record NomineeInput(String name, String email, String reason) {

    public static final int NAME_MAX = 200;
    public static final int REASON_MAX = 500;
}

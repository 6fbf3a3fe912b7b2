package org.oostkit.wrt.domain.invitation;

import java.time.Duration;

/**
 * Limits of emailed verification codes. OWASP ASVS caps emailed one-time codes at 10 minutes.
 *
 * @param codeValidity    how long a code can be used
 * @param maxAttempts     wrong entries before a code is locked
 * @param maxCodesPerHour codes one invitation can request in any hour (throttles guessing across codes)
 * @param maxCodes        codes one invitation can request over its life (bounds all guesses on one invitation)
 */
public record VerificationPolicy(Duration codeValidity, int maxAttempts, int maxCodesPerHour, int maxCodes) {

    public static final VerificationPolicy DEFAULT = new VerificationPolicy(Duration.ofMinutes(10), 5, 5, 20);
}

package org.oostkit.wrt.query.api;

import org.oostkit.wrt.api.campaign.PersonId;

/**
 * One nomination as those running the campaign read it: who named whom, in which round, and why
 * ({@code reason} empty when none was given or it was erased with its writer or its subject).
 */
public record ReasonView(PersonId nomineeId,
                         String nomineeName,
                         PersonId nominatorId,
                         String nominatorName,
                         int roundNumber,
                         String reason) {

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}

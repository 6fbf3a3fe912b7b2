package org.oostkit.wrt.api.campaign;

/**
 * What happened to one row of a seed batch.
 *
 * @param personId set when the row was added
 * @param reason   a sentence for the admin when the row was not added
 */
public record SeedRowOutcome(int line, String email, Result result, PersonId personId, String reason) {

    public enum Result { ADDED, DUPLICATE_IN_BATCH, ALREADY_IN_CAMPAIGN, INVALID }

    public boolean added() {
        return result == Result.ADDED;
    }
}

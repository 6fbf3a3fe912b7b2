package org.oostkit.wrt.api.campaign;

import java.util.List;

/** The answer to a seed batch: one outcome per row, in the order given. */
public record SeedBatchResult(List<SeedRowOutcome> rows) {

    public List<SeedRowOutcome> added() {
        return rows.stream().filter(SeedRowOutcome::added).toList();
    }

    public List<SeedRowOutcome> rejected() {
        return rows.stream().filter(r -> !r.added()).toList();
    }
}

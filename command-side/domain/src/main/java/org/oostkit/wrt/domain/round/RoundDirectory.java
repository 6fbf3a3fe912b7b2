package org.oostkit.wrt.domain.round;

import org.oostkit.wrt.api.round.RoundId;

/** Command-side lookup: which rounds are open. */
public interface RoundDirectory {

    boolean isOpen(RoundId roundId);

    /**
     * Whether the round is open, holding a shared lock on its row until the transaction ends, so that a
     * close cannot commit in between (a nomination is either before the close or refused).
     */
    boolean lockIfOpen(RoundId roundId);

    /** The number of a known round. */
    int roundNumber(RoundId roundId);
}

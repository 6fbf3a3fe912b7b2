package org.oostkit.wrt.query.processing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the dead letters of every processor on a schedule ({@code wrt.read-models.dead-letter-retry},
 * default every 5 minutes), oldest sequence first: a transient failure (a database restart, a lock timeout)
 * heals by itself and the sequence's queued events follow. Letters that fail again stay queued. Axon claims
 * a sequence before processing it, so two instances never retry the same letter at once.
 */
@Component
public class DeadLetterRetry {

    private final DeadLetterAdmin admin;

    DeadLetterRetry(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @Scheduled(fixedDelayString = "${wrt.read-models.dead-letter-retry:PT5M}",
            initialDelayString = "${wrt.read-models.dead-letter-retry:PT5M}")
    void retryOnSchedule() {
        admin.groups().forEach(admin::retryAll);
    }

    /** Retries every dead-lettered read-model sequence once; answers how many were processed successfully. */
    public int retry() {
        return admin.retryAll(ReadModels.GROUP);
    }
}

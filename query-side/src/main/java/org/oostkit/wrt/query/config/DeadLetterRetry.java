package org.oostkit.wrt.query.config;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the read models' dead letters on a schedule ({@code wrt.read-models.dead-letter-retry}, default
 * every 5 minutes), oldest sequence first: a transient failure (a database restart, a lock timeout) heals
 * by itself and the campaign's queued events follow. Letters that fail again stay queued. Axon claims a
 * sequence before processing it, so two instances never retry the same letter at once.
 */
@Component
public class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);
    private static final int MAX_SEQUENCES_PER_RUN = 1_000;

    private final EventProcessingConfiguration processing;

    DeadLetterRetry(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Scheduled(fixedDelayString = "${wrt.read-models.dead-letter-retry:PT5M}",
            initialDelayString = "${wrt.read-models.dead-letter-retry:PT5M}")
    void retryOnSchedule() {
        retry();
    }

    /** Retries every dead-lettered sequence once; answers how many sequences were processed successfully. */
    public int retry() {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(ReadModels.GROUP).orElse(null);
        if (processor == null) {
            return 0;
        }
        int healed = 0;
        while (healed < MAX_SEQUENCES_PER_RUN && processor.processAny()) {
            healed++;
        }
        if (healed > 0) {
            log.info("Retried {} dead-lettered read-model sequence(s) successfully", healed);
        }
        return healed;
    }
}

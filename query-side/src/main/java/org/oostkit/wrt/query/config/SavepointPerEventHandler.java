package org.oostkit.wrt.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every read-side event handler in a savepoint of the batch's transaction. In PostgreSQL a failed
 * statement aborts the whole transaction; without a savepoint, one bad event would take its whole batch
 * down and leave the dead-letter queue unable to record it. With it, the failing event's writes alone
 * are undone, it is dead-lettered, and the batch commits.
 */
@Component
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private static final String READ_SIDE = "org.oostkit.wrt.query.";

    private final TransactionTemplate nested;

    SavepointPerEventHandler(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.declaringClass().getName().startsWith(READ_SIDE)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return nested.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Checked(e);
                        }
                    });
                } catch (Checked e) {
                    throw (Exception) e.getCause();
                }
            }
        };
    }

    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}

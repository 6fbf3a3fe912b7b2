package org.oostkit.wrt.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models' transactions commit without waiting for the disk flush ({@code synchronous_commit = off},
 * for that transaction only). This is safe because the rows and the processor's token commit together:
 * should the database crash, it loses both for the last moments and the processor simply handles those
 * events again. The event store itself always commits synchronously.
 */
@Component
class AsynchronousCommit implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String DONE = AsynchronousCommit.class.getName();

    private final JdbcTemplate jdbc;

    AsynchronousCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().putIfAbsent(DONE, Boolean.TRUE) == null) {
            jdbc.execute("SET LOCAL synchronous_commit = off");
        }
        return chain.proceed();
    }
}

package org.oostkit.wrt.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oostkit.wrt.query.processing.ReadModels;
import org.oostkit.wrt.query.support.ReadSideTestSupport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' transaction settings (asynchronous commit, savepoints after a failure) and their lag timer
 * belong to the read-model processor alone: the command side's subscribing processors run inside command
 * transactions, whose events must commit synchronously.
 */
class ReadModelInterceptorsTest extends ReadSideTestSupport {

    @Test
    @DisplayName("only the read-model processor commits asynchronously and times its lag")
    void onlyTheReadModels() {
        assertThat(ours(ReadModels.GROUP)).hasSize(2);
        List<String> others = processing.eventProcessors().keySet().stream()
                .filter(name -> !name.equals(ReadModels.GROUP)).toList();
        assertThat(others).contains(ReadModels.TENANT_REGISTRY).hasSizeGreaterThanOrEqualTo(3);
        for (String processor : others) {
            assertThat(ours(processor)).as(processor).isEmpty();
        }
    }

    private List<String> ours(String processor) {
        List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = processing.interceptorsFor(processor);
        return interceptors.stream().map(i -> i.getClass().getName())
                .filter(name -> name.contains("ReadModelBatches") || name.contains("ProjectionLag")).toList();
    }
}

package org.oostkit.wrt.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shortlist's own processor: few events, one segment, in store order. */
@Configuration(proxyBeanMethods = false)
class ShortlistConfiguration {

    @Bean
    ConfigurerModule shortlistProcessor() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessor(
                ReadModels.SHORTLIST, config -> config.eventStore(),
                (config, builder) -> builder.batchSize(50).initialSegmentCount(1));
    }
}

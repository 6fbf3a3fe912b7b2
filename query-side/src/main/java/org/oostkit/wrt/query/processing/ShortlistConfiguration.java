package org.oostkit.wrt.query.processing;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shortlist's own processor: few events, one segment, in store order, woken like the others. */
@Configuration(proxyBeanMethods = false)
class ShortlistConfiguration {

    @Bean
    ConfigurerModule shortlistProcessor(EventArrivals arrivals) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessor(
                ReadModels.SHORTLIST, config -> arrivals.over(config.eventStore()),
                (config, builder) -> builder.batchSize(50).initialSegmentCount(1));
    }
}

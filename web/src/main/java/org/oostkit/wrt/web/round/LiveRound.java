package org.oostkit.wrt.web.round;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.oostkit.wrt.query.api.RoundQueries.FindRound;
import org.oostkit.wrt.query.api.RoundView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * A round's state now and after every change, from the read side's subscription query. The subscription is
 * closed when the stream ends: the client went away, or the connection reached its time limit.
 */
@Component
class LiveRound {

    private final QueryGateway queries;

    LiveRound(QueryGateway queries) {
        this.queries = queries;
    }

    Flux<RoundView> counts(FindRound query, Duration limit) {
        return Flux.using(
                () -> queries.subscriptionQuery(query, ResponseTypes.instanceOf(RoundView.class),
                        ResponseTypes.instanceOf(RoundView.class)),
                (SubscriptionQueryResult<RoundView, RoundView> result) -> result.initialResult()
                        .concatWith(result.updates())
                        // a closed round changes no more: the last event says so and the stream ends
                        .takeUntil(view -> !view.open())
                        .take(limit),
                SubscriptionQueryResult::cancel);
    }
}

package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the parallel source answers of one application into a list. A source that failed becomes a
 * FAILED answer instead of an exception, so the collect stage sees every outcome at once and decides.
 */
public class FetchAnswersAggregation implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        SourceAnswer answer = answerOf(newExchange);
        newExchange.setException(null);
        if (oldExchange == null) {
            List<SourceAnswer> answers = new ArrayList<>();
            answers.add(answer);
            newExchange.getMessage().setBody(answers);
            return newExchange;
        }
        oldExchange.getMessage().getBody(List.class).add(answer);
        return oldExchange;
    }

    private static SourceAnswer answerOf(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (exchange.getException() == null && body instanceof SourceAnswer answer) {
            return answer;
        }
        FetchRequest fetch = exchange.getProperty("hubFetch", FetchRequest.class);
        if (fetch == null && body instanceof FetchRequest request) {
            fetch = request;
        }
        String reason = exchange.getException() == null ? "no answer" : exchange.getException().getMessage();
        return fetch == null ? new SourceAnswer("?", "?", SourceAnswer.Outcome.FAILED, java.util.Map.of(), java.time.Instant.now(), reason)
                : SourceAnswer.failed(fetch, reason);
    }
}

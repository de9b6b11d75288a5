package gov.onceonly.hub.connector;

import org.apache.camel.CamelContext;
import org.apache.camel.Navigate;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

import java.util.List;
import java.util.Optional;

/** Finds the circuit breaker of a source route, for health checks, metrics and tests. */
public final class SourceBreakers {

    private SourceBreakers() {
    }

    public static Optional<ResilienceProcessor> of(CamelContext camel, String connectorId) {
        Route route = camel.getRoute("source-" + connectorId);
        return route == null ? Optional.empty() : find(route.navigate());
    }

    private static Optional<ResilienceProcessor> find(Navigate<Processor> node) {
        if (node == null || !node.hasNext()) {
            return Optional.empty();
        }
        List<Processor> next = node.next();
        for (Processor processor : next) {
            if (processor instanceof ResilienceProcessor breaker) {
                return Optional.of(breaker);
            }
            if (processor instanceof Navigate<?> deeper) {
                @SuppressWarnings("unchecked")
                Optional<ResilienceProcessor> found = find((Navigate<Processor>) deeper);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}

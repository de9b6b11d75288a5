package gov.onceonly.hub.connector;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the hub takes from a department's answer, and the defaults of every source's resilience: block
 * (hub.sources.*); a connector file may override each of the latter (SourceResilience).
 *
 * @param maxAnswerBytes a department's answer is read as a stream and given up (the connection dropped) past this
 *        size, or when its body is still arriving a connector timeout after its headers
 * @param maxDropBytes a file drop (a whole dataset) may be up to this size
 * @param maxFieldChars each declared field of an answer must be a plain value of at most this many characters (room
 *        for a scanned document in base64); at most hub.json.max-string-chars, or the hub refuses to start
 * @param retries in-place retries of a failed source call
 * @param backoffMillis the first wait before a retry, in milliseconds, doubling with jitter
 * @param breaker the circuit breaker of each source
 */
@Validated
@ConfigurationProperties("hub.sources")
public record SourcesProperties(
        @DefaultValue("262144") @Positive int maxAnswerBytes,
        @DefaultValue("67108864") @Positive long maxDropBytes,
        @DefaultValue("131072") @Positive int maxFieldChars,
        @DefaultValue("2") @PositiveOrZero int retries,
        @DefaultValue("200") @PositiveOrZero int backoffMillis,
        @DefaultValue @Valid Breaker breaker) {

    /**
     * A source's circuit breaker: it opens when failureRate% of the last window calls (at least
     * minimumCalls) failed, and lets a call through again after openSeconds.
     *
     * @param failureRate the percentage of failed calls that opens the circuit
     * @param minimumCalls calls needed before the failure rate counts
     * @param window the last calls the failure rate is measured over
     * @param openSeconds how long the circuit stays open before it lets a call through, in seconds
     */
    public record Breaker(
            @DefaultValue("50") @Positive @Max(100) int failureRate,
            @DefaultValue("10") @Positive int minimumCalls,
            @DefaultValue("20") @Positive int window,
            @DefaultValue("10") @Positive int openSeconds) {
    }
}

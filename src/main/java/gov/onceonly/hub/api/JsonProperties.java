package gov.onceonly.hub.api;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on every JSON document the hub parses (hub.json.*): API bodies, Kafka messages, department answers,
 * stored records. A body over them is a 400 naming the limit (JsonLimits); a department answer over them is a
 * failed answer. API bodies are also held to hub.intake.max-body-bytes, department answers to
 * hub.sources.max-answer-bytes.
 *
 * @param maxDepth the deepest nesting of objects and arrays
 * @param maxStringChars the longest string value, in characters
 * @param maxTokens the most tokens in one document
 */
@Validated
@ConfigurationProperties("hub.json")
public record JsonProperties(
        @DefaultValue("32") @Positive int maxDepth,
        @DefaultValue("262144") @Positive int maxStringChars,
        @DefaultValue("100000") @Positive long maxTokens) {
}

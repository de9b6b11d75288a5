package gov.onceonly.hub.logging;

import gov.onceonly.hub.subject.Masking;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * The JSON formats' side of the masking layer ({@code logging.structured.format.console=ecs|logstash|gelf}, see
 * docs/operations.md): every string a structured log line carries (the message, the exception's message and stack
 * trace, MDC values and key-value pairs) has its citizen ID numbers and valid credit codes masked by
 * {@link Masking#maskKeysIn}, as the plain format's {@link MaskingConverters} do. Registered in META-INF/spring.factories,
 * so Spring Boot applies it to whichever structured format is chosen, with no property to forget.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Masking::maskKeysIn));
    }
}

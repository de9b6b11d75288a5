package gov.onceonly.hub.progress;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.subject.Masking;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status topic's side of the callbacks (route {@code item-status}): one message is one {@link StatusReport}
 * naming its application and item. A message the hub cannot accept must not hold up the partition: it is logged
 * with its numbers masked and kept in {@code rejected_status_report}, and the route commits past it. Only an
 * outage (the database) is thrown, so that the message is read again.
 */
public class StatusReportConsumer {

    private static final Logger log = LoggerFactory.getLogger(StatusReportConsumer.class);
    /** Runs of digits long enough to be an ID, phone or certificate number. */
    private static final Pattern NUMBERS = Pattern.compile("\\d{6,}[0-9Xx]*");
    private static final int MAX_KEPT = 16_384;

    private final StatusReports reports;
    private final ObjectMapper json;

    public StatusReportConsumer(StatusReports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    public void receive(Exchange exchange) {
        Instant receivedAt = Instant.now();
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        try {
            StatusReport report = read(payload);
            ItemState state = reports.apply(StatusReportValidator.validateMessage(report, receivedAt),
                    "topic:" + exchange.getMessage().getHeader(KafkaConstants.TOPIC, "?", String.class), payload);
            log.debug("Status report for {} {}: {} -> {}", state.applicationId(), state.item(), state.outcome(), state.status());
        } catch (StatusReportException e) {
            reject(exchange, payload, receivedAt, e);
        }
    }

    private StatusReport read(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new StatusReportException(StatusReportException.Problem.UNREADABLE, "the message is empty",
                    List.of(new FieldViolation("body", "json-syntax", "is empty")));
        }
        try {
            return json.readValue(payload, StatusReport.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            String rule = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException ? "unknown-property" : "type";
            throw new StatusReportException(StatusReportException.Problem.UNREADABLE, "the message is not a status report",
                    List.of(new FieldViolation(field == null ? "body" : field, rule, e.getOriginalMessage())));
        } catch (IOException e) {
            throw new StatusReportException(StatusReportException.Problem.UNREADABLE, "the message is not valid JSON",
                    List.of(new FieldViolation("body", "json-syntax", "is not valid JSON")));
        }
    }

    private void reject(Exchange exchange, byte[] payload, Instant receivedAt, StatusReportException e) {
        var message = exchange.getMessage();
        String text = payload == null ? null : new String(payload, StandardCharsets.UTF_8);
        String topic = message.getHeader(KafkaConstants.TOPIC, "?", String.class);
        int partition = message.getHeader(KafkaConstants.PARTITION, -1, Integer.class);
        long offset = message.getHeader(KafkaConstants.OFFSET, -1L, Long.class);
        Object key = message.getHeader(KafkaConstants.KEY);
        reports.keepRejected(new RejectedReport(receivedAt, topic, partition, offset, key == null ? null : key.toString(),
                text == null || text.length() <= MAX_KEPT ? text : text.substring(0, MAX_KEPT),
                e.problem().type(), e.getMessage(), e.violations()));
        log.warn("Refused status report at {}-{}@{} ({}): {}; message: {}", topic, partition, offset, e.problem().type(),
                masked(e.getMessage()), masked(text));
    }

    /** The message for the log: numbers masked (they may be ID or certificate numbers), and cut short. */
    static String masked(String text) {
        if (text == null) {
            return "(none)";
        }
        String shortened = text.length() > 500 ? text.substring(0, 500) + "…" : text;
        Matcher numbers = NUMBERS.matcher(shortened);
        StringBuilder out = new StringBuilder();
        while (numbers.find()) {
            numbers.appendReplacement(out, Matcher.quoteReplacement(Masking.mask(numbers.group())));
        }
        numbers.appendTail(out);
        return out.toString().replaceAll("[\\r\\n]+", " ");
    }
}

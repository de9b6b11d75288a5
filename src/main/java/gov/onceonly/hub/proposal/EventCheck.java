package gov.onceonly.hub.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.PartyDefinition;
import gov.onceonly.hub.connector.SubjectKeyKind;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one rule makes of one event: not its event ({@code match} fails), a proposal (with what the event fills), or a
 * rejection with its reason (a subject key or party key with a bad check character, a missing key, a bundle the
 * catalogue no longer serves). Pure. A reason names fields and rules, never a value (it is shown to operators).
 */
public final class EventCheck {

    /** The outcome for one rule. */
    public sealed interface Outcome permits NotMatched, Rejected, Proposed {
    }

    /** The event is not one the rule is about. */
    public record NotMatched() implements Outcome {
    }

    /** The event is the rule's but cannot make a proposal. */
    public record Rejected(String reason) implements Outcome {
    }

    /** A proposal: to whom, for which event, and what the event fills of the form and of the parties' keys. */
    public record Proposed(String subject, String eventKey, Map<String, Object> form, Map<String, String> parties)
            implements Outcome {
    }

    private EventCheck() {
    }

    public static Outcome check(CompiledRule compiled, JsonNode event, Function<String, Optional<CompiledBundle>> bundles) {
        ProposalRule rule = compiled.rule();
        if (event == null || !event.isObject()) {
            return new Rejected("the event is not a JSON object");
        }
        for (Map.Entry<String, Object> wanted : rule.match().entrySet()) {
            JsonNode value = event.get(wanted.getKey());
            if (value == null || !value.isValueNode() || !value.asText().equals(String.valueOf(wanted.getValue()))) {
                return new NotMatched();
            }
        }
        Optional<CompiledBundle> bundle = bundles.apply(rule.bundle());
        if (bundle.isEmpty()) {
            return new Rejected("unknown bundle '" + rule.bundle() + "': the catalogue does not serve it");
        }
        String subject = text(event, rule.subject());
        if (subject == null) {
            return new Rejected("missing key: the event has no " + rule.subject() + " (the subject)");
        }
        Optional<String> bad = keyProblem(compiled.subjectKey(), subject);
        if (bad.isPresent()) {
            return new Rejected(rule.subject() + " (the subject) " + bad.get());
        }
        StringBuilder eventKey = new StringBuilder();
        for (String field : rule.eventKey()) {
            String value = text(event, field);
            if (value == null) {
                return new Rejected("missing key: the event has no " + field + " (its event key)");
            }
            eventKey.append(eventKey.isEmpty() ? "" : "|").append(value);
        }
        Map<String, Object> form = new LinkedHashMap<>();
        rule.form().forEach((formField, eventField) -> {
            JsonNode value = event.get(eventField);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                form.put(formField, value.isNumber() ? value.numberValue() : value.isBoolean() ? value.booleanValue()
                        : value.asText());
            }
        });
        Map<String, String> parties = new LinkedHashMap<>();
        for (Map.Entry<String, String> party : rule.parties().entrySet()) {
            String key = text(event, party.getValue());
            if (key == null) {
                continue; // the applicant names the party at confirmation
            }
            PartyDefinition definition = bundle.get().definition().parties().get(party.getKey());
            Optional<String> wrong = definition == null ? Optional.empty() : keyProblem(definition.key(), key);
            if (wrong.isPresent()) {
                return new Rejected(party.getValue() + " (party " + party.getKey() + ") " + wrong.get());
            }
            parties.put(party.getKey(), key);
        }
        return new Proposed(subject, eventKey.toString(), form, parties);
    }

    private static Optional<String> keyProblem(SubjectKeyKind kind, String key) {
        return kind == SubjectKeyKind.CREDIT_CODE ? CreditCode.problem(key) : CitizenIdNumber.problem(key);
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null
                : value.asText().strip();
    }
}

package gov.onceonly.hub.proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule of {@code proposals/<id>.yaml} as written (schemas/proposal.json): the events of a stream it is about
 * ({@code match}), the bundle they propose, the field holding the subject, the fields that identify the event, and
 * what of the bundle's form and parties the event fills.
 */
public record ProposalRule(String id, String description, String bundle, Stream stream, Map<String, Object> match,
                           String subject, List<String> eventKey, LinkedHashMap<String, String> form,
                           LinkedHashMap<String, String> parties, Integer expiresAfterDays) {

    static final int DEFAULT_EXPIRY_DAYS = 30;

    public ProposalRule {
        match = match == null ? Map.of() : Map.copyOf(match);
        eventKey = eventKey == null ? List.of() : List.copyOf(eventKey);
        form = form == null ? new LinkedHashMap<>() : form;
        parties = parties == null ? new LinkedHashMap<>() : parties;
    }

    /** A dataset of a kafka source connector ({@code <connector>/<dataset>}) or a topic. */
    public record Stream(String dataset, String topic) {
    }

    int expiryDays() {
        return expiresAfterDays == null ? DEFAULT_EXPIRY_DAYS : expiresAfterDays;
    }
}

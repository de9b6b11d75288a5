package gov.onceonly.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.NewApplication;
import gov.onceonly.hub.application.StoredParty;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.SubjectKeyKind;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.outbox.Outbox;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts an application: validate, then store it and its outbox message in one transaction. The caller
 * answers 202 only after that commit, so an acknowledged application is never lost.
 */
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final ApplicationValidator validator;
    private final ApplicationStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String applicationsTopic;
    private final EvidenceRecorder evidence;
    private final ApplicantIdentity identity;
    private final Tracer tracer;
    private final Propagator propagator;

    public Intake(ApplicationValidator validator, ApplicantIdentity identity, ApplicationStore store, Outbox outbox,
                  TransactionTemplate tx, ObjectMapper json, String applicationsTopic, EvidenceRecorder evidence,
                  Tracer tracer, Propagator propagator) {
        this.identity = identity;
        this.tracer = tracer;
        this.propagator = propagator;
        this.evidence = evidence;
        this.validator = validator;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.applicationsTopic = applicationsTopic;
    }

    /** The 202 answer: where to follow the application. */
    public record Accepted(UUID id, String status, String statusUrl) {
    }

    /**
     * Stores the application under the current trace (the span of the channel's request: in the channel's trace, or a
     * new one), with the evidence of its receipt: the channel's app key and the request's exact bytes. A valid
     * application is accepted only with its applicant's identity proven ({@link ApplicantIdentity}).
     */
    public Accepted submit(ApplicationRequest request, String identityToken, String channel, byte[] body) {
        return submit(request, identityToken, channel, body, null, id -> { });
    }

    /**
     * The same, for an application that comes from elsewhere (a confirmed proactive proposal): {@code origin} is the
     * detail of its intake evidence, and {@code alsoInTransaction} runs in the transaction that stores it (it may throw
     * to store nothing).
     */
    public Accepted submit(ApplicationRequest request, String identityToken, String channel, byte[] body,
                           Map<String, Object> origin, java.util.function.Consumer<UUID> alsoInTransaction) {
        CompiledBundle bundle = validator.validate(request);
        identity.check(request, bundle, identityToken);
        UUID id = UUID.randomUUID();
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("purpose", request.consent().purpose());
        consent.put("datasets", request.consent().datasets() != null ? request.consent().datasets()
                : bundle.fetchPlan().stream().filter(f -> f.party() == null).map(f -> f.label()).toList());
        consent.put("givenAt", String.valueOf(request.consent().givenAt() != null ? request.consent().givenAt() : Instant.now()));
        boolean enterprise = bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE;
        if (enterprise && request.applicant().idNumber() != null) {
            consent.put("givenByAgent", request.applicant().idNumber()); // who consented on the enterprise's behalf
        }
        String subjectKey = enterprise ? request.applicant().creditCode() : request.applicant().idNumber();
        Span span = tracer.currentSpan();
        NewApplication application = new NewApplication(id, bundle.id(), bundle.version(),
                subjectKey, consent, request.form() == null ? Map.of() : request.form(),
                span == null ? null : span.context().traceId(), traceContext(span), channel);
        List<StoredParty> parties = parties(request, bundle);
        tx.executeWithoutResult(status -> {
            store.insert(application);
            if (!parties.isEmpty()) {
                store.insertParties(id, parties);
            }
            outbox.append(applicationsTopic, id.toString(), message(id));
            if (origin == null) {
                evidence.received(id, channel, body);
            } else {
                evidence.received(id, channel, body, origin);
            }
            alsoInTransaction.accept(id);
        });
        log.info("Accepted application {} for bundle {} from {}", id, bundle.id(), application.subjectKey());
        return new Accepted(id, "RECEIVED", "/api/v1/applications/" + id);
    }

    /**
     * What the pipeline's messages of the application carry (outbox/OutboxRelay): the request's span, as the
     * propagator writes it (W3C traceparent, and tracestate and baggage if the channel sent them).
     */
    private Map<String, String> traceContext(Span span) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (span != null) {
            propagator.inject(span.context(), fields, Map::put);
        }
        return fields;
    }

    /** The bundle's other data subjects as given: each by its key, with its consent or the mapping's legal basis. */
    private static List<StoredParty> parties(ApplicationRequest request, CompiledBundle bundle) {
        List<StoredParty> parties = new ArrayList<>();
        bundle.definition().parties().forEach((name, definition) -> {
            ApplicationRequest.Party given = request.parties().get(name);
            String key = definition.key() == SubjectKeyKind.CREDIT_CODE ? given.creditCode() : given.idNumber();
            boolean consented = definition.consents() && given.consent() != null
                    && Boolean.TRUE.equals(given.consent().granted());
            parties.add(new StoredParty(name, key, consented, definition.consents() ? null : definition.legalBasis()));
        });
        return parties;
    }

    private String message(UUID id) {
        try {
            return json.writeValueAsString(Map.of("applicationId", id.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

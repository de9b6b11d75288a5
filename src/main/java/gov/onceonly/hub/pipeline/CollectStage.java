package gov.onceonly.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.application.StoredApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.DatasetFetch;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.outbox.Outbox;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collect-and-map stage. {@link #plan} turns an application into its fetch requests (one per dataset of
 * the bundle's fetch plan); the route asks the sources in parallel; {@link #record} trims the answers to the
 * demanded fields, maps every item and, in one transaction, stores it all and queues the deliveries.
 */
public class CollectStage {

    static final String SKIP = "hubSkip";
    private static final String APPLICATION = "hubApplication";
    private static final String BUNDLE = "hubBundle";
    private static final Logger log = LoggerFactory.getLogger(CollectStage.class);

    private final BundleCatalog bundles;
    private final ApplicationStore store;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String deliveriesTopic;
    private final CollectRetries retries;
    private final RejectedMessages rejected;
    private final EvidenceRecorder evidence;

    public CollectStage(BundleCatalog bundles, ApplicationStore store, Outbox outbox, TransactionTemplate tx,
                        ObjectMapper json, String deliveriesTopic, CollectRetries retries, RejectedMessages rejected,
                        EvidenceRecorder evidence) {
        this.evidence = evidence;
        this.retries = retries;
        this.rejected = rejected;
        this.bundles = bundles;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.deliveriesTopic = deliveriesTopic;
    }

    /**
     * The fetch requests of the message's application. A message that cannot be acted on, however often it is
     * read, must not hold up its partition: an unreadable one is kept as rejected, and an application whose
     * bundle is no longer served needs an operator's attention; either way the route commits past it.
     */
    public List<FetchRequest> plan(Exchange exchange) {
        PipelineMessages.ApplicationReceived message;
        try {
            message = PipelineMessages.read(json, exchange.getMessage().getBody(byte[].class),
                    PipelineMessages.ApplicationReceived.class);
        } catch (IllegalArgumentException unreadable) {
            rejected.keep(exchange, unreadable.getMessage());
            exchange.setProperty(SKIP, true);
            return List.of();
        }
        StoredApplication application;
        try {
            application = message.applicationId() == null ? null : store.find(message.applicationId()).orElse(null);
        } catch (IllegalStateException unopened) {
            // A sealed form that does not open (altered, or its key is gone) will not open on the next attempt either.
            retries.needsAttention(message.applicationId(), unopened.getMessage());
            exchange.setProperty(SKIP, true);
            return List.of();
        }
        if (application == null || (application.status() != ApplicationStatus.RECEIVED
                && application.status() != ApplicationStatus.WAITING_FOR_SOURCES)) {
            // Unknown here, or already collected: a redelivered message has nothing left to do.
            exchange.setProperty(SKIP, true);
            return List.of();
        }
        // The version the application was received under: a mapping reloaded since does not change it mid-flight.
        CompiledBundle bundle = bundles.find(application.bundleId(), application.mappingVersion()).orElse(null);
        if (bundle == null) {
            retries.needsAttention(application.id(), "its bundle '" + application.bundleId() + "' is no longer served");
            exchange.setProperty(SKIP, true);
            return List.of();
        }
        // No dataset is pulled without the applicant's consent, whatever the plan asks for.
        List<String> unconsented = bundle.fetchPlan().stream().map(DatasetFetch::label)
                .filter(label -> !application.consentedDatasets().contains(label)).toList();
        if (!unconsented.isEmpty()) {
            retries.needsAttention(application.id(), "the applicant did not consent to pulling " + unconsented);
            exchange.setProperty(SKIP, true);
            return List.of();
        }
        exchange.setProperty(APPLICATION, application);
        exchange.setProperty(BUNDLE, bundle);
        String id = application.id().toString();
        return bundle.fetchPlan().stream()
                .map(f -> new FetchRequest(id, f.connector(), f.dataset(), application.subjectKey()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public void record(Exchange exchange) {
        StoredApplication application = exchange.getProperty(APPLICATION, StoredApplication.class);
        CompiledBundle bundle = exchange.getProperty(BUNDLE, CompiledBundle.class);
        List<SourceAnswer> body = exchange.getMessage().getBody(List.class);
        List<SourceAnswer> answers = body == null ? List.of() : body;
        List<String> failures = failures(bundle, answers);
        if (!failures.isEmpty()) {
            tx.executeWithoutResult(status -> {
                retries.waitForSources(application.id(), application.createdAt(), String.join("; ", failures));
                // The sources that did answer were asked all the same: their pulls are on the record.
                recordPulls(application, answers.stream().filter(a -> a.outcome() != SourceAnswer.Outcome.FAILED).toList());
            });
            return;
        }
        Map<String, SourceAnswer> byDataset = trimmedAnswers(bundle, answers);
        List<ItemRecord> items = bundle.items().stream()
                .map(item -> ItemMapper.map(item, byDataset, application.form(), application.createdAt()))
                .toList();
        tx.executeWithoutResult(status -> {
            byDataset.values().forEach(a -> store.savePulled(application.id(), a.connector(), a.dataset(),
                    a.outcome() == SourceAnswer.Outcome.FOUND, a.fields(), a.at()));
            for (ItemRecord item : items) {
                if (store.saveItem(application.id(), item) && item.initialStatus() == ItemStatus.PENDING) {
                    PipelineMessages.DeliveryQueued delivery = new PipelineMessages.DeliveryQueued(application.id(), item.itemId());
                    outbox.append(deliveriesTopic, delivery.key(), PipelineMessages.write(json, delivery));
                }
            }
            store.clearWaiting(application.id());
            store.refreshStatus(application.id());
            // Evidence, in this transaction: the access log and the ledger's waiting entries.
            recordPulls(application, List.copyOf(byLabel(answers).values()));
        });
        log.info("Collected application {}: {} datasets, {} items", application.id(), byDataset.size(), items.size());
    }

    private void recordPulls(StoredApplication application, List<SourceAnswer> answered) {
        evidence.pulled(application.id(), answered.stream().map(a -> new EvidenceRecorder.Pull(a.connector(), a.dataset(),
                a.outcome() == SourceAnswer.Outcome.FOUND, a.fields().keySet(), a.payloadSha256())).toList());
    }

    /** Every dataset of the plan must have answered, found or not found; what did not is a reason to wait. */
    private static List<String> failures(CompiledBundle bundle, List<SourceAnswer> answers) {
        Map<String, SourceAnswer> received = byLabel(answers);
        List<String> failures = new ArrayList<>();
        for (DatasetFetch fetch : bundle.fetchPlan()) {
            SourceAnswer answer = received.get(fetch.label());
            if (answer == null || answer.outcome() == SourceAnswer.Outcome.FAILED) {
                failures.add(fetch.label() + ": " + (answer == null ? "no answer before the deadline" : answer.failure()));
            }
        }
        return failures;
    }

    private static Map<String, SourceAnswer> byLabel(List<SourceAnswer> answers) {
        Map<String, SourceAnswer> received = new HashMap<>();
        answers.forEach(a -> received.put(a.label(), a));
        return received;
    }

    /** Answers keep only the fields some item demands: least privilege before anything is stored. */
    private static Map<String, SourceAnswer> trimmedAnswers(CompiledBundle bundle, List<SourceAnswer> answers) {
        Map<String, SourceAnswer> received = byLabel(answers);
        Map<String, SourceAnswer> trimmed = new LinkedHashMap<>();
        for (DatasetFetch fetch : bundle.fetchPlan()) {
            SourceAnswer answer = received.get(fetch.label());
            Map<String, Object> kept = new LinkedHashMap<>(answer.fields());
            kept.keySet().retainAll(fetch.fields());
            trimmed.put(fetch.label(), new SourceAnswer(answer.connector(), answer.dataset(), answer.outcome(),
                    kept, answer.at(), null));
        }
        return trimmed;
    }
}

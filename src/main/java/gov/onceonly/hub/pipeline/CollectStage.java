package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.application.ApplicationStatus;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.ItemStatus;
import gov.onceonly.hub.application.StoredApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.DatasetFetch;
import gov.onceonly.hub.connector.DepartmentCalls;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collect-and-map stage: asks every (source, dataset) of the bundle's fetch plan once, side by side and within the
 * deadline, trims the answers to the demanded fields, maps every item and stores it all in one transaction, which
 * also moves the application on: so it is collected once, whoever else reads its message. Returns the deliveries to
 * make now. An application collected before (its message read again after a crash) returns its items never sent.
 * The stage is a span, {@code collect}, with the department calls and {@code map} (the items mapped) under it.
 */
public class CollectStage {

    private static final Logger log = LoggerFactory.getLogger(CollectStage.class);

    private final BundleCatalog bundles;
    private final ApplicationStore store;
    private final TransactionTemplate tx;
    private final CollectRetries retries;
    private final EvidenceRecorder evidence;
    private final DepartmentCalls calls;
    private final ParallelWork work;
    private final DispatchStage dispatch;
    private final Duration deadline;
    private final Tracer tracer;
    private final AtomicLong collected = new AtomicLong();

    public CollectStage(BundleCatalog bundles, ApplicationStore store, TransactionTemplate tx, CollectRetries retries,
                        EvidenceRecorder evidence, DepartmentCalls calls, ParallelWork work, DispatchStage dispatch,
                        Duration deadline, Tracer tracer) {
        this.bundles = bundles;
        this.store = store;
        this.tx = tx;
        this.retries = retries;
        this.evidence = evidence;
        this.calls = calls;
        this.work = work;
        this.dispatch = dispatch;
        this.deadline = deadline;
        this.tracer = tracer;
    }

    public List<DispatchStage.Delivery> collect(UUID applicationId) {
        Span span = tracer.nextSpan().name("collect").tag("hub.application", applicationId.toString()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return collectInSpan(applicationId);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private List<DispatchStage.Delivery> collectInSpan(UUID applicationId) {
        StoredApplication application;
        try {
            application = store.find(applicationId).orElse(null);
        } catch (IllegalStateException unopened) {
            // A sealed form that does not open (altered, or its key is gone) will not open on the next attempt either.
            retries.needsAttention(applicationId, unopened.getMessage());
            return List.of();
        }
        if (application == null) {
            return List.of();
        }
        if (application.status() != ApplicationStatus.RECEIVED && application.status() != ApplicationStatus.WAITING_FOR_SOURCES) {
            // Collected before: a crash may have come between storing the items and sending them.
            return store.neverSent(applicationId).stream().map(dispatch::delivery).toList();
        }
        // The version the application was received under: a mapping reloaded since does not change it mid-flight.
        CompiledBundle bundle = bundles.find(application.bundleId(), application.mappingVersion()).orElse(null);
        if (bundle == null) {
            retries.needsAttention(application.id(), "its bundle '" + application.bundleId() + "' is no longer served");
            return List.of();
        }
        // No dataset is pulled without the applicant's consent, whatever the plan asks for.
        List<String> unconsented = bundle.fetchPlan().stream().filter(f -> f.party() == null).map(DatasetFetch::label)
                .filter(label -> !application.consentedDatasets().contains(label)).toList();
        if (!unconsented.isEmpty()) {
            retries.needsAttention(application.id(), "the applicant did not consent to pulling " + unconsented);
            return List.of();
        }
        ApplicationFetchPlan fetchPlan = ApplicationFetchPlan.of(bundle, application, store);
        List<DatasetFetch> plan = fetchPlan.fetches();
        List<SourceAnswer> answers = fetch(application, fetchPlan);
        List<String> failures = failures(plan, answers);
        if (!failures.isEmpty()) {
            tx.executeWithoutResult(status -> {
                retries.waitForSources(application.id(), application.createdAt(), String.join("; ", failures));
                // The sources that did answer were asked all the same: their pulls are on the record.
                recordPulls(application.id(), answers.stream().filter(a -> a.outcome() != SourceAnswer.Outcome.FAILED).toList(),
                        fetchPlan.legalBases());
            });
            return List.of();
        }
        return record(application, bundle, fetchPlan, answers);
    }

    /**
     * Asks every fetch of the plan side by side, each by its subject's key (the applicant's, or a party's); an answer
     * is labelled as its fetch is, so a party's dataset is told from the applicant's.
     */
    private List<SourceAnswer> fetch(StoredApplication application, ApplicationFetchPlan fetchPlan) {
        List<DatasetFetch> plan = fetchPlan.fetches();
        List<FetchRequest> requests = plan.stream()
                .map(f -> new FetchRequest(application.id().toString(), f.connector(), f.dataset(),
                        fetchPlan.key(f, application.subjectKey())))
                .toList();
        List<Callable<SourceAnswer>> fetches = new ArrayList<>(requests.size());
        requests.forEach(request -> fetches.add(() -> calls.fetch(request)));
        List<ParallelWork.Outcome<SourceAnswer>> outcomes = work.all(fetches, deadline.toNanos());
        List<SourceAnswer> answers = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            ParallelWork.Outcome<SourceAnswer> outcome = outcomes.get(i);
            SourceAnswer answer = outcome.succeeded() ? outcome.value()
                    : SourceAnswer.failed(requests.get(i), outcome.failure().getMessage());
            answers.add(plan.get(i).party() == null ? answer : answer.as(plan.get(i).storedDataset()));
        }
        return answers;
    }

    /** Stores the answers and items and moves the application on, in one transaction; returns what to deliver now. */
    private List<DispatchStage.Delivery> record(StoredApplication application, CompiledBundle bundle,
                                                ApplicationFetchPlan plan, List<SourceAnswer> answers) {
        Map<String, SourceAnswer> byDataset;
        List<ItemRecord> items;
        Span map = tracer.nextSpan().name("map").tag("hub.bundle", bundle.id()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(map)) {
            byDataset = trimmedAnswers(plan.fetches(), answers);
            items = bundle.items().stream()
                    .map(item -> ItemMapper.map(item, byDataset, application.form(), application.createdAt()))
                    .toList();
            map.tag("hub.items", items.size());
        } finally {
            map.end();
        }
        ApplicationStatus next = ApplicationStatus.derive(items.stream().map(ItemRecord::initialStatus).toList());
        Boolean claimed = tx.execute(status -> {
            if (!store.collected(application.id(), next)) {
                status.setRollbackOnly(); // another instance collected it meanwhile: its items stand
                return false;
            }
            store.savePulled(application.id(), byDataset.values().stream().map(a -> new ApplicationStore.PulledDataset(
                    a.connector(), a.dataset(), a.outcome() == SourceAnswer.Outcome.FOUND, a.fields(), a.at())).toList());
            store.saveItems(application.id(), items);
            if (items.stream().anyMatch(item -> item.initialStatus() == ItemStatus.WAITING)) {
                // An item that waits only for items that do not apply may go at once; no delivery would move it on.
                store.refreshStatus(application.id());
            }
            // Evidence, in this transaction: the ledger's entries, which are also the access log.
            recordPulls(application.id(), answers, plan.legalBases());
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            return List.of();
        }
        collected.incrementAndGet();
        log.info("Collected application {}: {} datasets, {} items", application.id(), byDataset.size(), items.size());
        return items.stream().filter(item -> item.initialStatus() == ItemStatus.PENDING)
                .map(item -> dispatch.delivery(application.id(), bundle.id(), item)).toList();
    }

    /** Applications this instance collected since it started. */
    public long collected() {
        return collected.get();
    }

    /** The pulls' evidence; a party's pull says on which legal basis it was made, if the party did not consent. */
    private void recordPulls(UUID applicationId, List<SourceAnswer> answered, Map<String, String> legalBasis) {
        evidence.pulled(applicationId, answered.stream().map(a -> new EvidenceRecorder.Pull(a.connector(), a.dataset(),
                a.outcome() == SourceAnswer.Outcome.FOUND, a.fields().keySet(), a.payloadSha256(),
                legalBasis.get(a.label()))).toList());
    }

    /** Every dataset of the plan must have answered, found or not found; what did not is a reason to wait. */
    private static List<String> failures(List<DatasetFetch> plan, List<SourceAnswer> answers) {
        Map<String, SourceAnswer> received = byLabel(answers);
        List<String> failures = new ArrayList<>();
        for (DatasetFetch fetch : plan) {
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
    private static Map<String, SourceAnswer> trimmedAnswers(List<DatasetFetch> plan, List<SourceAnswer> answers) {
        Map<String, SourceAnswer> received = byLabel(answers);
        Map<String, SourceAnswer> trimmed = new LinkedHashMap<>();
        for (DatasetFetch fetch : plan) {
            SourceAnswer answer = received.get(fetch.label());
            Map<String, Object> kept = new LinkedHashMap<>(answer.fields());
            kept.keySet().retainAll(fetch.fields());
            trimmed.put(fetch.label(), new SourceAnswer(answer.connector(), answer.dataset(), answer.outcome(),
                    kept, answer.at(), null));
        }
        return trimmed;
    }
}

package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.Origin;
import gov.onceonly.hub.connector.SubjectKeyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ready-to-submit application for any bundle, so a newcomer (or a test) can apply for each of the 50 on a fresh
 * machine: an applicant for whom every demanded field is on record, the bundle's form filled with its examples.
 * Also served by the sandbox at {@code GET /sandbox/examples/<bundle>}.
 */
public final class SandboxApplications {

    private static final Logger log = LoggerFactory.getLogger(SandboxApplications.class);
    static final String EXAMPLES = "/sandbox/examples/";

    /** A sample application and the subject it is about (ID number or credit code). */
    public record Sample(String bundle, String subjectKey, String json) {
    }

    private final BundleCatalog bundles;
    private final SandboxRecords records;
    private final StandInFixtures fixtures;
    private final ObjectMapper json;

    SandboxApplications(BundleCatalog bundles, SandboxRecords records, StandInFixtures fixtures, ObjectMapper json) {
        this.bundles = bundles;
        this.records = records;
        this.fixtures = fixtures;
        this.json = json;
    }

    static SandboxApplications serve(SandboxDepartments departments, BundleCatalog bundles, StandInFixtures fixtures,
                                     ObjectMapper json) {
        SandboxApplications applications = new SandboxApplications(bundles, departments.catalogue().records(), fixtures, json);
        departments.catalogue().serve(EXAMPLES, exchange -> {
            String bundle = exchange.getRequestURI().getPath().substring(EXAMPLES.length());
            var sample = applications.find(bundle);
            if (sample.isPresent()) {
                SandboxHttpServer.respond(exchange, 200, sample.get().json().getBytes(StandardCharsets.UTF_8));
            } else {
                ExampleProblem problem = applications.whyNone(bundle);
                SandboxHttpServer.respond(exchange, problem.status(), "application/problem+json",
                        json.writeValueAsBytes(problem));
            }
        });
        log.info("Sample applications for every bundle: GET {}{}<bundle>", departments.catalogue().baseUrl(), EXAMPLES);
        return applications;
    }

    public Sample sample(String bundleId) {
        return find(bundleId).orElseThrow(() -> new IllegalArgumentException("no synthetic applicant for " + bundleId));
    }

    public Optional<Sample> find(String bundleId) {
        return bundles.find(bundleId).flatMap(bundle -> applicant(bundle).map(key -> new Sample(bundleId, key, body(bundle, key))));
    }

    /**
     * The first subject, counting from a place that depends on the bundle (so bundles spread over the synthetic
     * population), whose records hold every field the bundle demands from a source, optional ones included.
     */
    Optional<String> applicant(CompiledBundle bundle) {
        return candidates(bundle).stream()
                .filter(key -> holdsEveryField(bundle, null, key) && parties(bundle, key).isPresent()).findFirst();
    }

    /**
     * The subjects to try, in order: those of the stand-ins' fixtures the bundle pulls of the applicant first, then
     * the residents (every one is insured: their relatives are on the population register too, but have no lives) or
     * enterprises, counting from a place that depends on the bundle.
     */
    private List<String> candidates(CompiledBundle bundle) {
        boolean enterprise = bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE;
        java.util.Set<String> candidates = new java.util.LinkedHashSet<>();
        fields(bundle).filter(f -> f.party() == null).map(Origin.DatasetField::source).distinct()
                .forEach(source -> fixtures.of(source.substring(0, source.indexOf('/'))).ifPresent(f -> candidates.addAll(
                        f.datasets().getOrDefault(source.substring(source.indexOf('/') + 1), Map.of()).keySet())));
        List<String> synthetic = new ArrayList<>(records.all(enterprise ? "scjg-enterprise-registry/enterprise"
                : "rlsb-social-insurance/insured-person").keySet());
        int start = Math.floorMod(bundle.id().hashCode(), synthetic.size());
        for (int k = 0; k < synthetic.size(); k++) {
            candidates.add(synthetic.get((start + k) % synthetic.size()));
        }
        return List.copyOf(candidates);
    }

    /**
     * Why a bundle has no example: no such bundle, or the subjects who hold every field from the synthetic departments
     * lack a record in a stand-in's fixtures (the first of them is named, with each such source), or none does.
     */
    ExampleProblem whyNone(String bundleId) {
        var found = bundles.find(bundleId);
        if (found.isEmpty()) {
            return ExampleProblem.noSuchBundle(bundleId);
        }
        CompiledBundle bundle = found.get();
        for (String key : candidates(bundle)) {
            List<Origin.DatasetField> lacking = fields(bundle).filter(f -> f.party() == null)
                    .filter(f -> !holds(f, key)).toList();
            if (!lacking.isEmpty() && lacking.stream().allMatch(f -> fixtures.has(f.connector()))) {
                return ExampleProblem.noRecord(bundleId, key, lacking.stream()
                        .map(f -> new ExampleProblem.Missing(f.source(), StandInFixtures.fileOf(f.connector()), key))
                        .distinct().toList());
            }
        }
        return ExampleProblem.noApplicant(bundleId);
    }

    /** Whether the records of that subject (the applicant: party null) hold every field the bundle demands of them. */
    private boolean holdsEveryField(CompiledBundle bundle, String party, String key) {
        return fields(bundle).filter(f -> java.util.Objects.equals(f.party(), party)).allMatch(f -> holds(f, key));
    }

    private boolean holds(Origin.DatasetField field, String key) {
        return recordOf(field.source(), key).map(r -> r.get(field.field()) != null).orElse(false);
    }

    /** A subject's record in a dataset ({@code <connector>/<dataset>}): from its stand-in's fixtures, if it has some. */
    private Optional<Map<String, Object>> recordOf(String dataset, String key) {
        String connector = dataset.substring(0, dataset.indexOf('/'));
        return fixtures.has(connector) ? fixtures.find(dataset, key) : records.find(dataset, key);
    }

    private static java.util.stream.Stream<Origin.DatasetField> fields(CompiledBundle bundle) {
        return bundle.items().stream().flatMap(i -> i.demands().stream()).map(d -> d.origin())
                .filter(Origin.DatasetField.class::isInstance).map(Origin.DatasetField.class::cast);
    }

    /**
     * The key of each party of the bundle, as the applicant's own records name it: a field {@code <party>IdNumber} (or
     * {@code <party>CreditCode}) of a dataset the bundle pulls of the applicant, such as the death record's
     * {@code deceasedIdNumber}; empty if a party is not found or their records lack a demanded field.
     */
    Optional<Map<String, String>> parties(CompiledBundle bundle, String applicantKey) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, gov.onceonly.hub.catalog.PartyDefinition> party : bundle.definition().parties().entrySet()) {
            String field = party.getKey() + (party.getValue().key() == SubjectKeyKind.CREDIT_CODE ? "CreditCode" : "IdNumber");
            Optional<String> key = bundle.fetchPlan().stream().filter(f -> f.party() == null)
                    .map(f -> recordOf(f.label(), applicantKey).map(r -> r.get(field)).orElse(null))
                    .filter(java.util.Objects::nonNull).map(String::valueOf).findFirst()
                    .or(() -> stranger(bundle, party.getKey(), applicantKey));
            if (key.isEmpty() || !holdsEveryField(bundle, party.getKey(), key.get())) {
                return Optional.empty();
            }
            keys.put(party.getKey(), key.get());
        }
        return Optional.of(keys);
    }

    /**
     * A party the applicant's records do not name (the buyer of their home): another resident, the first after the
     * applicant whose records hold what the bundle demands of that party.
     */
    private Optional<String> stranger(CompiledBundle bundle, String party, String applicantKey) {
        List<String> residents = new ArrayList<>(records.all("rlsb-social-insurance/insured-person").keySet());
        int start = residents.indexOf(applicantKey) + 1;
        for (int k = 0; k < residents.size(); k++) {
            String key = residents.get((start + k) % residents.size());
            if (!key.equals(applicantKey) && holdsEveryField(bundle, party, key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private String body(CompiledBundle bundle, String key) {
        Map<String, Object> applicant = new LinkedHashMap<>();
        if (bundle.subjectKey() == SubjectKeyKind.CREDIT_CODE) {
            Map<String, Object> enterprise = records.find("scjg-enterprise-registry/enterprise", key).orElseThrow();
            applicant.put("creditCode", key);
            applicant.put("name", enterprise.get("name"));
            applicant.put("idNumber", enterprise.get("legalRepIdNumber")); // the legal representative acts as agent
        } else {
            applicant.put("idNumber", key);
            applicant.put("name", records.populationRecord(key).map(r -> r.get("name")).or(() -> fields(bundle)
                    .map(f -> recordOf(f.source(), key).map(r -> r.get("name")).orElse(null))
                    .filter(java.util.Objects::nonNull).findFirst()).orElse("申请人"));
        }
        Map<String, Object> form = new LinkedHashMap<>();
        bundle.definition().form().forEach((name, field) -> form.put(name, field.example()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bundle", bundle.id());
        body.put("applicant", applicant);
        body.put("consent", Map.of("granted", true, "purpose", bundle.definition().name() + "一件事"));
        body.put("form", form);
        Map<String, String> partyKeys = parties(bundle, key).orElseThrow();
        if (!partyKeys.isEmpty()) {
            Map<String, Object> parties = new LinkedHashMap<>();
            bundle.definition().parties().forEach((name, party) -> {
                Map<String, Object> given = new LinkedHashMap<>();
                given.put(party.key() == SubjectKeyKind.CREDIT_CODE ? "creditCode" : "idNumber", partyKeys.get(name));
                if (party.consents()) {
                    given.put("consent", Map.of("granted", true, "purpose", bundle.definition().name() + "一件事"));
                }
                parties.put(name, given);
            });
            body.put("parties", parties);
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package gov.onceonly.hub.catalog;

import gov.onceonly.hub.catalog.CompiledBundle.CompiledDemand;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.Suggestions;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.connector.DatasetDefinition;
import gov.onceonly.hub.connector.SubjectKeyKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a bundle's mapping into a runnable plan. The heart of "fill once": the demands of all items are
 * merged, so each (source, dataset) is asked once per application however many items need it.
 * Pure: no I/O, so it is cheap to test and to run at load time.
 */
public final class BundleCompiler {

    /** The two batches of the 2023 list: 优化提升 (optimise and upgrade) and 加快实施 (implement faster). */
    public static final List<String> BATCHES = List.of("优化提升", "加快实施");

    private final ConnectorCatalog connectors;

    public BundleCompiler(ConnectorCatalog connectors) {
        this.connectors = connectors;
    }

    public CompiledBundle compile(String file, String expectedId, String version, BundleDefinition bundle) {
        List<ConfigProblem> problems = new ArrayList<>();
        checkFacts(file, expectedId, bundle, problems);
        SubjectKeyKind subjectKey = bundle.type() == BundleType.ENTERPRISE ? SubjectKeyKind.CREDIT_CODE : SubjectKeyKind.ID_NUMBER;
        Map<String, DatasetFetch> plan = new LinkedHashMap<>();
        List<CompiledItem> items = new ArrayList<>();
        Set<String> itemIds = new HashSet<>();
        for (int i = 0; i < bundle.items().size(); i++) {
            ItemDefinition item = bundle.items().get(i);
            String at = "items[" + i + "]";
            if (!itemIds.add(item.id())) {
                problems.add(new ConfigProblem(file, at + ".id", "duplicate item id '" + item.id() + "'"));
            }
            checkTarget(file, at, item, problems);
            List<CompiledDemand> demands = new ArrayList<>();
            item.demands().forEach((name, demand) -> {
                String demandAt = at + ".demands." + name;
                String party = demand == null ? null : demand.party();
                Origin origin = resolve(file, demandAt + ".from", demand == null ? null : demand.from(), bundle, item,
                        party, subjectKey, problems);
                List<Origin> fallback = new ArrayList<>();
                if (demand != null) {
                    for (int k = 0; k < demand.fallback().size(); k++) {
                        Origin other = resolve(file, demandAt + ".fallback[" + k + "]", demand.fallback().get(k), bundle,
                                item, party, subjectKey, problems);
                        if (other != null) {
                            fallback.add(other);
                        }
                    }
                }
                if (origin == null) {
                    return;
                }
                boolean freshest = demand.prefer() == ItemDefinition.Preference.FRESHEST;
                CompiledDemand compiled = new CompiledDemand(name, origin, demand.required(), fallback, freshest);
                demands.add(compiled);
                compiled.candidates().forEach(candidate -> plan(plan, candidate, item.id()));
            });
            CompiledBundle.CompiledCondition condition = condition(file, at, item, bundle, subjectKey, plan, problems);
            checkOutputs(file, at, item, problems);
            items.add(new CompiledItem(item.id(), item.name(), item.department(), item.target(),
                    item.exemptMaterials(), List.copyOf(demands), Collections.unmodifiableMap(item.waitsFor()), condition,
                    Collections.unmodifiableMap(item.outputs()), item.inPerson(), item.archive()));
            checkArchive(file, at, item, subjectKey, problems);
        }
        WaitsForCheck.check(file, bundle.items(), problems);
        if (allResolved(bundle, items)) {
            checkFormIsDemanded(file, bundle, items, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        List<DatasetFetch> fetchPlan = plan.values().stream()
                .map(f -> new DatasetFetch(f.connector(), f.dataset(), Set.copyOf(f.fields()), Set.copyOf(f.items()), f.party()))
                .toList();
        return new CompiledBundle(bundle, version, subjectKey, fetchPlan, List.copyOf(items));
    }

    /** A dataset field the item needs joins the fetch plan: asked once per application, whoever needs it. */
    private static void plan(Map<String, DatasetFetch> plan, Origin origin, String itemId) {
        if (origin instanceof Origin.DatasetField f) {
            DatasetFetch fetch = plan.computeIfAbsent(f.label(),
                    k -> new DatasetFetch(f.connector(), f.dataset(), new TreeSet<>(), new TreeSet<>(), f.party()));
            fetch.fields().add(f.field());
            if (itemId != null) {
                fetch.items().add(itemId);
            }
        }
    }

    /** The item's condition: exactly one operator, on a field that exists; a source field joins the fetch plan. */
    private CompiledBundle.CompiledCondition condition(String file, String at, ItemDefinition item, BundleDefinition bundle,
                                                       SubjectKeyKind subjectKey, Map<String, DatasetFetch> plan,
                                                       List<ConfigProblem> problems) {
        ItemCondition when = item.when();
        if (when == null) {
            return null;
        }
        if (when.operators().size() != 1) {
            problems.add(new ConfigProblem(file, at + ".when", "give exactly one of equals, in, greaterThan, present"
                    + (when.operators().isEmpty() ? "" : "; found " + when.operators())));
        }
        // A condition is decided when the application is collected, before any item has an output.
        Origin origin = resolve(file, at + ".when.field", when.field(), bundle, null, null, subjectKey, problems);
        if (origin == null) {
            return null;
        }
        plan(plan, origin, item.id());
        return new CompiledBundle.CompiledCondition(origin, when);
    }

    private static void checkFacts(String file, String expectedId, BundleDefinition bundle, List<ConfigProblem> problems) {
        if (!bundle.id().equals(expectedId)) {
            problems.add(new ConfigProblem(file, "id", "must equal the file name '" + expectedId + "'"));
        }
    }

    /** A demand or condition that does not resolve may be the one meant to take a form field: the form waits for them. */
    private static boolean allResolved(BundleDefinition bundle, List<CompiledItem> items) {
        for (int i = 0; i < items.size(); i++) {
            ItemDefinition declared = bundle.items().get(i);
            CompiledItem compiled = items.get(i);
            if (compiled.demands().size() != declared.demands().size()
                    || (declared.when() != null) != (compiled.condition() != null)) {
                return false;
            }
        }
        return true;
    }

    /** A form field no item demands nor is switched on by would make the applicant type something nobody receives. */
    private static void checkFormIsDemanded(String file, BundleDefinition bundle, List<CompiledItem> items,
                                            List<ConfigProblem> problems) {
        Set<String> demanded = new HashSet<>();
        items.forEach(item -> item.demands().forEach(d -> {
            if (d.origin() instanceof Origin.FormInput input) {
                demanded.add(input.field());
            }
        }));
        // A form answer that switches an item on is asked for that reason.
        items.stream().filter(item -> item.condition() != null && item.condition().origin() instanceof Origin.FormInput)
                .forEach(item -> demanded.add(((Origin.FormInput) item.condition().origin()).field()));
        bundle.form().keySet().stream().filter(name -> !demanded.contains(name)).forEach(name ->
                problems.add(new ConfigProblem(file, "form." + name, "no item demands this field; remove it from the form")));
    }

    private void checkTarget(String file, String at, ItemDefinition item, List<ConfigProblem> problems) {
        var target = connectors.find(item.target());
        if (target.isEmpty()) {
            problems.add(ConfigProblem.ofValue(file, at + ".target", "unknown connector '" + item.target() + "'"
                    + Suggestions.didYouMean(item.target(), connectorIds(false))));
        } else if (target.get().isSource()) {
            problems.add(ConfigProblem.ofValue(file, at + ".target", "connector '" + item.target() + "' is a source, not a target"));
        }
    }

    /** The ids of the sources ({@code sources}) or of the targets: what a misspelt id may have meant. */
    private List<String> connectorIds(boolean sources) {
        return connectors.entries().stream().map(ConnectorCatalog.Entry::definition)
                .filter(c -> c.isSource() == sources).map(ConnectorDefinition::id).toList();
    }

    /**
     * A certificate goes to a library dataset keyed like the applicant (the next application of theirs finds it there)
     * through a target connector, and is made of the item's outputs, so the item must declare some.
     */
    private void checkArchive(String file, String at, ItemDefinition item, SubjectKeyKind subjectKey,
                              List<ConfigProblem> problems) {
        ItemDefinition.Archive archive = item.archive();
        if (archive == null) {
            return;
        }
        String certificate = archive.certificate() == null ? "" : archive.certificate();
        int slash = certificate.indexOf('/');
        ConnectorDefinition library = slash <= 0 ? null : connectors.find(certificate.substring(0, slash)).orElse(null);
        DatasetDefinition dataset = library == null ? null : library.datasets().get(certificate.substring(slash + 1));
        if (dataset == null || !library.isSource()) {
            problems.add(ConfigProblem.ofValue(file, at + ".archive.certificate", "expected '<connector>/<dataset>' of a source "
                    + "that keeps certificates, got '" + certificate + "'"));
        } else if (dataset.key() != subjectKey) {
            problems.add(ConfigProblem.ofValue(file, at + ".archive.certificate", "dataset '" + certificate + "' is keyed by "
                    + dataset.key().yamlName() + " but this bundle's applicants are keyed by " + subjectKey.yamlName()));
        }
        var target = archive.target() == null ? java.util.Optional.<ConnectorDefinition>empty() : connectors.find(archive.target());
        if (target.isEmpty() || target.get().isSource()) {
            problems.add(ConfigProblem.ofValue(file, at + ".archive.target", "unknown target connector '" + archive.target() + "'"
                    + Suggestions.didYouMean(archive.target(), connectorIds(false))));
        }
        if (item.outputs().isEmpty()) {
            problems.add(new ConfigProblem(file, at + ".archive", "a certificate is made of the item's outputs; declare them"));
        }
    }

    /** An output's pattern must compile: a department's report is checked against it. */
    private static void checkOutputs(String file, String at, ItemDefinition item, List<ConfigProblem> problems) {
        item.outputs().forEach((name, output) -> {
            if (output != null && output.pattern() != null) {
                try {
                    java.util.regex.Pattern.compile(output.pattern());
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add(new ConfigProblem(file, at + ".outputs." + name + ".pattern",
                            "is not a regular expression: " + e.getDescription()));
                }
            }
        });
    }

    /**
     * Resolves a demand's or a condition's origin against the bundle; {@code consumer} is the item that takes the
     * value, null for a condition.
     */
    private Origin resolve(String file, String at, String from, BundleDefinition bundle, ItemDefinition consumer,
                           String party, SubjectKeyKind subjectKey, List<ConfigProblem> problems) {
        Origin origin;
        try {
            origin = Origin.parse(from);
        } catch (IllegalArgumentException e) {
            problems.add(ConfigProblem.ofValue(file, at, e.getMessage()));
            return null;
        }
        if (party != null) {
            PartyDefinition declared = bundle.parties().get(party);
            String partyAt = at.substring(0, at.lastIndexOf(".")) + ".party";
            if (!(origin instanceof Origin.DatasetField)) {
                problems.add(ConfigProblem.ofValue(file, partyAt, "a party's data comes from a department dataset; "
                        + "'" + from + "' is not one"));
                return null;
            }
            if (declared == null) {
                problems.add(ConfigProblem.ofValue(file, partyAt, "unknown party '" + party + "'; "
                        + (bundle.parties().isEmpty() ? "declare it under parties"
                        : "this bundle's parties are " + bundle.parties().keySet())));
                return null;
            }
            origin = ((Origin.DatasetField) origin).of(party);
            subjectKey = declared.key();
        }
        if (origin instanceof Origin.FormInput form) {
            if (!bundle.form().containsKey(form.field())) {
                problems.add(ConfigProblem.ofValue(file, at, "unknown form field '" + form.field() + "'"
                        + Suggestions.closest(form.field(), bundle.form().keySet()).map(k -> "; did you mean '" + k + "'?")
                        .orElse(" (declare it under form)")));
                return null;
            }
            return origin;
        }
        if (origin instanceof Origin.ItemOutput output) {
            String problem = ItemOutputCheck.problem(output, bundle, consumer);
            if (problem != null) {
                problems.add(ConfigProblem.ofValue(file, at, problem));
                return null;
            }
            return origin;
        }
        Origin.DatasetField f = (Origin.DatasetField) origin;
        ConnectorDefinition connector = connectors.find(f.connector()).orElse(null);
        if (connector == null || !connector.isSource()) {
            problems.add(ConfigProblem.ofValue(file, at, "unknown source connector '" + f.connector() + "'"
                    + Suggestions.didYouMean(f.connector(), connectorIds(true))));
            return null;
        }
        DatasetDefinition dataset = connector.datasets().get(f.dataset());
        if (dataset == null || !dataset.fields().containsKey(f.field())) {
            // Dataset and field together: a misspelt dataset is found as readily as a misspelt field.
            List<String> known = new ArrayList<>();
            connector.datasets().forEach((name, d) -> d.fields().keySet().forEach(field -> known.add(name + "." + field)));
            problems.add(ConfigProblem.ofValue(file, at, "unknown dataset field '" + f.dataset() + "." + f.field() + "'"
                    + Suggestions.didYouMean(f.dataset() + "." + f.field(), known)));
            return null;
        }
        if (dataset.key() != subjectKey) {
            problems.add(ConfigProblem.ofValue(file, at, "dataset '" + f.dataset() + "' is keyed by " + dataset.key().yamlName()
                    + " but " + (party == null ? "this bundle's applicants are" : "party '" + party + "' is")
                    + " keyed by " + subjectKey.yamlName()));
            return null;
        }
        return origin;
    }
}

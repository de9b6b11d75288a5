package gov.onceonly.hub.recommendation;

import gov.onceonly.hub.configfile.ConfigFileException;
import gov.onceonly.hub.configfile.ConfigProblem;
import gov.onceonly.hub.configfile.YamlConfigFiles;
import gov.onceonly.hub.schema.ConfigSchemas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recommendation rules of {@code recommendations/*.yaml}, one file per applicant type, each checked against its
 * schema and then against the catalogue ({@link #check}). A hub without the folder recommends nothing. A hot reload
 * swaps the whole set at once ({@link #replaceWith}).
 */
public final class RecommendationCatalog {

    private volatile Map<String, RecommendationRules> byType;

    private RecommendationCatalog(Map<String, RecommendationRules> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static RecommendationCatalog load(Path root, Path folder, Collection<BundleFacts> bundles) {
        Map<String, RecommendationRules> byType = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return new RecommendationCatalog(byType);
        }
        List<ConfigProblem> problems = new ArrayList<>();
        YamlConfigFiles.ShapeCheck shape = ConfigSchemas.shared().shapeCheck(ConfigSchemas.Folder.RECOMMENDATIONS);
        Map<String, String> fileOfType = new LinkedHashMap<>();
        for (Path file : YamlConfigFiles.list(folder)) {
            YamlConfigFiles.Loaded<RecommendationRules> loaded;
            try {
                loaded = YamlConfigFiles.read(root, file, RecommendationRules.class, shape);
            } catch (ConfigFileException e) {
                problems.addAll(e.problems());
                continue;
            }
            List<ConfigProblem> found = new ArrayList<>(check(loaded.file(), loaded.definition(), bundles));
            String type = loaded.definition().applicantType();
            if (fileOfType.containsKey(type)) {
                found.add(ConfigProblem.ofValue(loaded.file(), "applicantType", "'" + type + "' has its rules in "
                        + fileOfType.get(type) + " already: one file per applicant type"));
            }
            fileOfType.putIfAbsent(type, loaded.file());
            if (found.isEmpty()) {
                byType.put(type, loaded.definition());
            }
            problems.addAll(ConfigFileException.locate(found, loaded.content()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return new RecommendationCatalog(byType);
    }

    /** Empty: for a hub (or a test) that recommends nothing. */
    public static RecommendationCatalog empty() {
        return new RecommendationCatalog(Map.of());
    }

    /** The rules for {@code personal} or {@code enterprise} subjects. */
    public Optional<RecommendationRules> forType(String applicantType) {
        return Optional.ofNullable(byType.get(applicantType));
    }

    public void replaceWith(RecommendationCatalog newer) {
        this.byType = newer.byType;
    }

    /**
     * What the catalogue says is wrong with a file: a bundle it names that the catalogue does not serve or that is for
     * the other applicant type, a stage no bundle of that type has, a rule whose window ends before it starts or whose
     * id is repeated.
     */
    public static List<ConfigProblem> check(String file, RecommendationRules rules, Collection<BundleFacts> bundles) {
        return check(file, rules, bundles, Set.of());
    }

    /**
     * As above, where {@code uncompiled} are bundles whose mapping is on disk but has errors of its own (the lint): a
     * rule naming one is not told that it is unknown, since the mapping's errors say why it did not compile.
     */
    public static List<ConfigProblem> check(String file, RecommendationRules rules, Collection<BundleFacts> bundles,
                                            Set<String> uncompiled) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, BundleFacts> byId = bundles.stream().collect(Collectors.toMap(BundleFacts::id, Function.identity(), (a, b) -> a));
        BundleCheck known = (id, t) -> uncompiled.contains(id) ? Optional.empty() : bundleProblem(id, t, byId);
        String type = rules.applicantType();
        Set<String> stages = bundles.stream().filter(b -> type != null && type.equals(b.type())).map(BundleFacts::stage)
                .collect(Collectors.toSet());
        for (int i = 0; i < rules.stages().size(); i++) {
            if (!stages.contains(rules.stages().get(i))) {
                problems.add(ConfigProblem.ofValue(file, "stages[" + i + "]", "no " + type + " bundle has the stage '"
                        + rules.stages().get(i) + "'; the catalogue's are " + new java.util.TreeSet<>(stages)));
            }
        }
        checkBundles(file, "onceInALife", rules.onceInALife(), type, known, problems);
        checkBundles(file, "onlyByRule", rules.onlyByRule(), type, known, problems);
        checkBundles(file, "final", rules.finalBundles(), type, known, problems);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            RecommendationRules.Rule rule = rules.rules().get(i);
            String at = "rules[" + i + "]";
            if (!ids.add(rule.id())) {
                problems.add(ConfigProblem.ofValue(file, at + ".id", "'" + rule.id() + "' names another rule of this file already"));
            }
            known.problem(rule.after(), type).ifPresent(p -> problems.add(ConfigProblem.ofValue(file, at + ".after", p)));
            known.problem(rule.recommend(), type).ifPresent(p -> problems.add(ConfigProblem.ofValue(file, at + ".recommend", p)));
            if (rule.minYears() != null && rule.maxYears() != null && rule.maxYears() < rule.minYears()) {
                problems.add(ConfigProblem.ofValue(file, at + ".maxYears", "must be at least minYears (" + rule.minYears() + ")"));
            }
        }
        return problems;
    }

    /** What is wrong with naming a bundle for applicants of a type, if anything. */
    private interface BundleCheck {
        Optional<String> problem(String id, String type);
    }

    private static void checkBundles(String file, String key, List<String> ids, String type, BundleCheck known,
                                     List<ConfigProblem> problems) {
        for (int i = 0; i < ids.size(); i++) {
            String at = key + "[" + i + "]";
            known.problem(ids.get(i), type).ifPresent(p -> problems.add(ConfigProblem.ofValue(file, at, p)));
        }
    }

    private static Optional<String> bundleProblem(String id, String type, Map<String, BundleFacts> byId) {
        BundleFacts bundle = byId.get(id);
        if (bundle == null) {
            return Optional.of("unknown bundle '" + id + "': mappings/ has no " + id + ".yaml");
        }
        if (!bundle.type().equals(type)) {
            return Optional.of("bundle '" + id + "' is for " + bundle.type() + " applicants, not " + type);
        }
        return Optional.empty();
    }
}

package gov.onceonly.hub.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The generated bundles the benchmark applies for: every item needs one form field and two sources (one when the
 * bundle has a single source), and the items together need every source of the bundle. Item {@code j} asks
 * sources {@code j mod S} and {@code j+1 mod S}, so with 5 items and 3 sources the status quo asks 10 times what
 * the hub asks 3 times. The hub reads them as YAML ({@link ConfigRoot}); the baselines read this model.
 */
public record BenchModel(List<Bundle> bundles) {

    public static final List<String> FIELDS = List.of("f1", "f2", "f3", "f4", "blob");

    public record Bundle(String id, List<Item> items) {
        public Set<String> sources() {
            Set<String> all = new LinkedHashSet<>();
            items.forEach(i -> all.addAll(i.sources()));
            return all;
        }
    }

    /** One procedure: its target and the sources it needs, each for all of {@link #FIELDS}. */
    public record Item(String id, String department, String target, List<String> sources) {
    }

    public static String source(int n) {
        return "bench-src-" + n;
    }

    public static String target(int n) {
        return "bench-tgt-" + n;
    }

    public static Bundle bundle(String id, int items, int sources) {
        List<Item> all = new ArrayList<>();
        for (int j = 0; j < items; j++) {
            List<String> needs = new ArrayList<>(List.of(source(j % sources + 1)));
            if (sources > 1) {
                needs.add(source((j + 1) % sources + 1));
            }
            all.add(new Item("item-" + (j + 1), "基准部门" + (j + 1), target(j + 1), needs));
        }
        return new Bundle(id, all);
    }

    public Bundle find(String id) {
        return bundles.stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bench bundle " + id));
    }

    public int maxSources() {
        return bundles.stream().flatMap(b -> b.sources().stream()).mapToInt(s -> Integer.parseInt(s.substring(s.lastIndexOf('-') + 1)))
                .max().orElse(1);
    }

    public int maxItems() {
        return bundles.stream().mapToInt(b -> b.items().size()).max().orElse(1);
    }
}

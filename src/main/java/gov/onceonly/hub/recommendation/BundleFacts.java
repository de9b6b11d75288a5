package gov.onceonly.hub.recommendation;

import gov.onceonly.hub.catalog.CompiledBundle;

import java.util.Collection;
import java.util.List;

/** What the ranking needs of a catalogue bundle: its id, name, applicant type ({@code personal}, {@code enterprise}) and stage. */
public record BundleFacts(String id, String name, String type, String stage) {

    public static List<BundleFacts> of(Collection<CompiledBundle> bundles) {
        return bundles.stream().map(b -> new BundleFacts(b.id(), b.definition().name(),
                b.definition().type() == null ? null : b.definition().type().yamlName(), b.definition().stage())).toList();
    }
}

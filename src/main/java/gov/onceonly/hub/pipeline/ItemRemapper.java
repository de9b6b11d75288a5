package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.StoredApplication;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.SourceAnswer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Maps an item of a collected application again from what the hub stored for it: the trimmed answers, the form, the
 * materials supplied since and the outputs of the items already done. Nothing is asked of a source again. Used when
 * an item that takes earlier items' outputs is released, and when the applicant supplies materials.
 */
public class ItemRemapper implements ApplicationStore.ReleasedItemMapper {

    private final BundleCatalog bundles;

    public ItemRemapper(BundleCatalog bundles) {
        this.bundles = bundles;
    }

    /** The item mapped again, keeping when each material was supplied; null if its bundle is no longer served. */
    @Override
    public ItemRecord remap(ApplicationStore store, UUID applicationId, String itemId) {
        StoredApplication application = store.find(applicationId).orElseThrow();
        CompiledBundle.CompiledItem item = bundles.find(application.bundleId(), application.mappingVersion())
                .flatMap(bundle -> bundle.item(itemId)).orElse(null);
        if (item == null) {
            return null;
        }
        Map<String, Instant> suppliedAt = new HashMap<>();
        store.provenance(applicationId, itemId).forEach((name, origin) -> {
            if (ItemRecord.FieldOrigin.MATERIALS.equals(origin.origin()) && origin.at() != null) {
                suppliedAt.put(name, origin.at());
            }
        });
        return ItemMapper.map(item, storedAnswers(store, applicationId), application.form(), application.createdAt(),
                store.materials(applicationId), suppliedAt, store.outputs(applicationId));
    }

    /** The answers of an application's sources as stored (trimmed to the demanded fields), by label. */
    public static Map<String, SourceAnswer> storedAnswers(ApplicationStore store, UUID applicationId) {
        Map<String, SourceAnswer> answers = new HashMap<>();
        for (ApplicationStore.PulledDataset pulled : store.pulled(applicationId)) {
            SourceAnswer answer = new SourceAnswer(pulled.connector(), pulled.dataset(),
                    pulled.found() ? SourceAnswer.Outcome.FOUND : SourceAnswer.Outcome.NOT_FOUND, pulled.fields(),
                    pulled.pulledAt(), null);
            answers.put(answer.label(), answer);
        }
        return answers;
    }
}

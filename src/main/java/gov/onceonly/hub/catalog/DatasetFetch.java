package gov.onceonly.hub.catalog;

import java.util.Set;

/**
 * One entry of a fetch plan: a dataset of a source, asked once per application, with the union of the
 * fields any item demands from it (the answer is trimmed to those) and the items that need it; for a party of the
 * bundle ({@code party}), the same dataset is a fetch of its own, looked up by that party's key.
 */
public record DatasetFetch(String connector, String dataset, Set<String> fields, Set<String> items, String party) {

    public DatasetFetch(String connector, String dataset, Set<String> fields, Set<String> items) {
        this(connector, dataset, fields, items, null);
    }

    /** {@code <connector>/<dataset>}, and {@code @<party>} when it is looked up for a party, not the applicant. */
    public String label() {
        return connector + "/" + storedDataset();
    }

    /** The dataset as its answer is stored and labelled: its name, and the party it was looked up for. */
    public String storedDataset() {
        return party == null ? dataset : dataset + "@" + party;
    }
}

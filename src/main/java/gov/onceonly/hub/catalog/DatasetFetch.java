package gov.onceonly.hub.catalog;

import java.util.Set;

/**
 * One entry of a fetch plan: a dataset of a source, asked once per application, with the union of the
 * fields any item demands from it (the answer is trimmed to those) and the items that need it.
 */
public record DatasetFetch(String connector, String dataset, Set<String> fields, Set<String> items) {

    public String label() {
        return connector + "/" + dataset;
    }
}

package gov.onceonly.hub.catalog;

import gov.onceonly.hub.application.Milestone;

/**
 * A demand that takes another item's output ({@code output.<item>.<output>}) is sound only if that item is in the
 * bundle, declares the output, and the taking item waits for it to be done: an output exists only once its
 * department reports DONE, so an item that did not wait for that would go out without it.
 */
final class ItemOutputCheck {

    private ItemOutputCheck() {
    }

    /** What is wrong with the reference, or null; {@code consumer} is null for a condition. */
    static String problem(Origin.ItemOutput output, BundleDefinition bundle, ItemDefinition consumer) {
        if (consumer == null) {
            return "a condition is decided when the application is collected, before any item has an output;"
                    + " use a form answer or a source field";
        }
        ItemDefinition producer = bundle.items().stream()
                .filter(item -> item != null && output.item().equals(item.id())).findFirst().orElse(null);
        if (producer == null) {
            return "unknown item '" + output.item() + "'; the items of this bundle are " + bundle.items().stream()
                    .filter(item -> item != null && item.id() != null).map(ItemDefinition::id).sorted().toList();
        }
        if (!producer.outputs().containsKey(output.output())) {
            return "item '" + output.item() + "' declares no output '" + output.output() + "'"
                    + (producer.outputs().isEmpty() ? "; declare it under that item's outputs"
                    : "; it declares " + producer.outputs().keySet());
        }
        if (producer.when() != null) {
            return "takes an output of item '" + output.item() + "', which applies only in some cases; an item that does "
                    + "not apply decides nothing, so take the value from a source or the form";
        }
        if (consumer.waitsFor().get(output.item()) != Milestone.DONE) {
            return "takes an output of item '" + output.item() + "', so this item must wait for it to be done"
                    + " (waitsFor: { " + output.item() + ": done })";
        }
        return null;
    }
}

package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.application.ItemOutputs;
import gov.onceonly.hub.application.ItemRecord;
import gov.onceonly.hub.application.ItemRecord.FieldOrigin;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledDemand;
import gov.onceonly.hub.catalog.CompiledBundle.CompiledItem;
import gov.onceonly.hub.catalog.Origin;
import gov.onceonly.hub.connector.SourceAnswer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an item's record from its data-demand list and nothing else: a field that is not demanded never
 * enters the record, whatever the sources returned. Pure, so it is tested without any infrastructure.
 */
public final class ItemMapper {

    private ItemMapper() {
    }

    /**
     * @param answers the answers of the application's fetch plan, keyed by {@code <connector>/<dataset>}
     * @param form    the applicant's form
     * @param formAt  when the applicant submitted the form
     */
    public static ItemRecord map(CompiledItem item, Map<String, SourceAnswer> answers, Map<String, Object> form, Instant formAt) {
        return map(item, answers, form, formAt, Map.of(), Map.of(), Map.of());
    }

    /**
     * As above, and a required field that neither a source nor the form provided is taken from the materials
     * the applicant supplied afterwards, keyed by demand name.
     *
     * @param materialsAt when each material was supplied, by demand name: its provenance keeps that time however
     *                    often the item is mapped again
     * @param outputs     the outputs of the application's DONE items, by item id. A demand on an item not done yet
     *                    is left out and not missing: the item waits for it, and is mapped again when released.
     */
    public static ItemRecord map(CompiledItem item, Map<String, SourceAnswer> answers, Map<String, Object> form,
                                 Instant formAt, Map<String, Object> materials, Map<String, Instant> materialsAt,
                                 Map<String, ItemOutputs> outputs) {
        if (item.condition() != null) {
            Object value = value(item.condition().origin(), answers, form);
            if (!item.condition().rule().holds(value)) {
                return ItemRecord.notApplicable(item.id(), item.department(), item.target(),
                        item.condition().rule().whyNot(value));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, FieldOrigin> provenance = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (CompiledDemand demand : item.demands()) {
            Object value = null;
            FieldOrigin origin = null;
            boolean awaited = false;
            for (Origin candidate : demand.candidates()) {
                Object found = null;
                FieldOrigin foundOrigin = null;
                if (candidate instanceof Origin.ItemOutput output) {
                    ItemOutputs done = outputs.get(output.item());
                    if (done == null) {
                        awaited = true;
                    } else {
                        found = done.values().get(output.output());
                        foundOrigin = new FieldOrigin(output.label(), done.reportedAt(), done.department());
                    }
                } else if (candidate instanceof Origin.FormInput input) {
                    found = form.get(input.field());
                    foundOrigin = new FieldOrigin(FieldOrigin.FORM, formAt);
                } else if (candidate instanceof Origin.DatasetField field) {
                    SourceAnswer answer = answers.get(field.label());
                    if (answer != null && answer.outcome() == SourceAnswer.Outcome.FOUND) {
                        found = answer.fields().get(field.field());
                        foundOrigin = new FieldOrigin(answer.label(), answer.at());
                    }
                }
                if (blank(found)) {
                    continue;
                }
                // The first source with a value wins, unless the mapping prefers the most recently recorded one.
                if (value == null || demand.freshest() && newer(foundOrigin, origin)) {
                    value = found;
                    origin = foundOrigin;
                }
                if (!demand.freshest()) {
                    break;
                }
            }
            if (blank(value) && demand.required() && !blank(materials.get(demand.name()))) {
                value = materials.get(demand.name());
                origin = new FieldOrigin(FieldOrigin.MATERIALS, materialsAt.get(demand.name()));
            }
            if (blank(value)) {
                if (demand.required() && !awaited) {
                    missing.add(demand.name());
                }
                continue;
            }
            values.put(demand.name(), value);
            provenance.put(demand.name(), origin);
        }
        return new ItemRecord(item.id(), item.department(), item.target(), values, provenance, List.copyOf(missing),
                item.waitsFor(), null, declaredOutputs(item), item.takesOutputs(), item.archive() == null ? Map.of()
                : Map.of("certificate", item.archive().certificate(), "target", item.archive().target()));
    }

    /** The item's outputs with their patterns, "" for any text: a department's report is checked against them. */
    private static Map<String, String> declaredOutputs(CompiledItem item) {
        if (item.outputs().isEmpty()) {
            return Map.of(); // most items: nothing to build per application
        }
        Map<String, String> declared = new LinkedHashMap<>();
        item.outputs().forEach((name, output) -> declared.put(name,
                output == null || output.pattern() == null ? "" : output.pattern()));
        return declared;
    }

    /** The value a condition looks at: the form's answer, or the field of a dataset found (null otherwise). */
    private static Object value(Origin origin, Map<String, SourceAnswer> answers, Map<String, Object> form) {
        if (origin instanceof Origin.FormInput input) {
            return form.get(input.field());
        }
        Origin.DatasetField field = (Origin.DatasetField) origin;
        SourceAnswer answer = answers.get(field.label());
        return answer != null && answer.outcome() == SourceAnswer.Outcome.FOUND ? answer.fields().get(field.field()) : null;
    }

    private static boolean newer(FieldOrigin candidate, FieldOrigin current) {
        return candidate.at() != null && (current.at() == null || candidate.at().isAfter(current.at()));
    }

    /** A blank answer supplies nothing. */
    private static boolean blank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }
}

package gov.onceonly.hub.catalog;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * One bundle ("一件事"), as written in {@code mappings/<id>.yaml}: the catalogue facts of the 2023 list,
 * the one form the applicant fills, the data subjects besides the applicant ({@code parties}), and the items with
 * their data-demand lists; {@code corrections} gives the reasoning where the mapping departs from the list as published
 * (docs/catalogue.md shows them).
 */
public record BundleDefinition(
        String id,
        String name,
        BundleType type,
        String stage,
        String leadDepartment,
        List<String> coLeadDepartments,
        String batch,
        Integer sequence,
        String completionMonth,
        LinkedHashMap<String, FormField> form,
        LinkedHashMap<String, PartyDefinition> parties,
        List<ItemDefinition> items,
        List<String> corrections,
        WorkingGroup workingGroup) {

    public BundleDefinition {
        coLeadDepartments = coLeadDepartments == null ? List.of() : List.copyOf(coLeadDepartments);
        form = form == null ? new LinkedHashMap<>() : form;
        parties = parties == null ? new LinkedHashMap<>() : parties;
        items = items == null ? List.of() : items;
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }
}

package gov.onceonly.hub.catalog;

/**
 * The filters of {@code GET /api/v1/bundles}. A department matches a bundle it leads, co-leads or owns an item
 * of. Values of closed sets (type, batch) are checked, so a typo answers 400 rather than an empty list.
 */
public record BundleFilter(BundleType type, String stage, String department, String batch) {

    public static BundleFilter of(String type, String stage, String department, String batch) {
        BundleType parsedType = null;
        if (type != null) {
            try {
                parsedType = BundleType.parse(type);
            } catch (IllegalArgumentException e) {
                throw new InvalidFilterException("type", "one-of", "must be personal or enterprise");
            }
        }
        if (batch != null && !BundleCompiler.BATCHES.contains(batch)) {
            throw new InvalidFilterException("batch", "one-of", "must be one of " + BundleCompiler.BATCHES);
        }
        return new BundleFilter(parsedType, blankToNull(stage), blankToNull(department), batch);
    }

    public boolean matches(CompiledBundle bundle) {
        BundleDefinition d = bundle.definition();
        return (type == null || d.type() == type)
                && (stage == null || stage.equals(d.stage()))
                && (batch == null || batch.equals(d.batch()))
                && (department == null || BundleViews.departments(bundle).contains(department));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package gov.onceonly.hub.catalog;

/** Where a demanded value comes from: a field of a department dataset, or the applicant's form. */
public sealed interface Origin {

    /** The provenance label shown to users, such as {@code gongan-population/person} or {@code form}. */
    String label();

    record DatasetField(String connector, String dataset, String field) implements Origin {
        public String label() {
            return connector + "/" + dataset;
        }
    }

    record FormInput(String field) implements Origin {
        public String label() {
            return "form";
        }
    }

    /**
     * Parses {@code form.<field>} or {@code <connector>/<dataset>.<field>}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    static Origin parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (text.startsWith("form.")) {
            return new FormInput(text.substring(5));
        }
        int slash = text.indexOf('/');
        int dot = text.indexOf('.', slash + 1);
        if (slash <= 0 || dot < 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("expected 'form.<field>' or '<connector>/<dataset>.<field>', got '" + text + "'");
        }
        return new DatasetField(text.substring(0, slash), text.substring(slash + 1, dot), text.substring(dot + 1));
    }
}

package gov.onceonly.hub.catalog;

/**
 * Where a demanded value comes from: a field of a department dataset, the applicant's form, or an output an earlier
 * item of the same application was decided with (its department's DONE report).
 */
public sealed interface Origin {

    /** The provenance label shown to users, such as {@code gongan-population/person} or {@code form}. */
    String label();

    /**
     * A field of a department dataset, looked up by the applicant's key, or by a party's ({@code party}; null for the
     * applicant): the label then names the party, {@code gongan-population/person@deceased}.
     */
    record DatasetField(String connector, String dataset, String field, String party) implements Origin {

        public DatasetField(String connector, String dataset, String field) {
            this(connector, dataset, field, null);
        }

        public String label() {
            return party == null ? source() : source() + "@" + party;
        }

        /** The source's dataset, {@code <connector>/<dataset>}, whoever it is looked up for. */
        public String source() {
            return connector + "/" + dataset;
        }

        DatasetField of(String party) {
            return new DatasetField(connector, dataset, field, party);
        }
    }

    record FormInput(String field) implements Origin {
        public String label() {
            return "form";
        }
    }

    /** An output of another item, known once that item's department reports it DONE. */
    record ItemOutput(String item, String output) implements Origin {
        public static final String PREFIX = "output.";

        public String label() {
            return "item:" + item;
        }
    }

    /**
     * Parses {@code form.<field>}, {@code output.<item>.<output>} or {@code <connector>/<dataset>.<field>}.
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
        if (text.startsWith(ItemOutput.PREFIX)) {
            String rest = text.substring(ItemOutput.PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new IllegalArgumentException("expected 'output.<item>.<output>', got '" + text + "'");
            }
            return new ItemOutput(rest.substring(0, dot), rest.substring(dot + 1));
        }
        int slash = text.indexOf('/');
        int dot = text.indexOf('.', slash + 1);
        if (slash <= 0 || dot < 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("expected 'form.<field>', 'output.<item>.<output>' or '<connector>/<dataset>.<field>', got '" + text + "'");
        }
        return new DatasetField(text.substring(0, slash), text.substring(slash + 1, dot), text.substring(dot + 1));
    }
}

package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Why {@code GET /sandbox/examples/<bundle>} has no example, as RFC 9457 problem details (written by Jackson): what
 * the reader must add, such as a record for a named applicant in a stand-in's fixtures.
 *
 * @param missing each source (a stand-in) that has no record for the applicant the other sources would give
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ExampleProblem(String type, String title, int status, String detail, String bundle, List<Missing> missing) {

    /** A source with no record for an applicant, and the fixtures file where one would go. */
    record Missing(String source, String fixtures, String applicant) {
    }

    static ExampleProblem noSuchBundle(String bundle) {
        return new ExampleProblem("about:blank", "No such bundle", 404, "there is no bundle '" + bundle + "'", bundle,
                List.of());
    }

    static ExampleProblem noRecord(String bundle, String applicant, List<Missing> missing) {
        String sources = String.join(", ", missing.stream().map(Missing::source).distinct().toList());
        return new ExampleProblem("about:blank", "No record for the applicant", 404, sources + " has no record for applicant "
                + applicant + ", who is on record in every other source of the bundle: add one to "
                + String.join(", ", missing.stream().map(Missing::fixtures).distinct().toList()), bundle, missing);
    }

    static ExampleProblem noApplicant(String bundle) {
        return new ExampleProblem("about:blank", "No applicant", 404, "no synthetic applicant is on record in every "
                + "source of bundle '" + bundle + "', with every field it demands of them", bundle, List.of());
    }
}

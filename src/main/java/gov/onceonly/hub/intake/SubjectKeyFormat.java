package gov.onceonly.hub.intake;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON Schema {@code format} for a subject's key: {@code gb11643} (citizen ID number) or {@code gb32100} (unified
 * social credit code), valid when the standard's check character is right, as the subject package computes it.
 */
final class SubjectKeyFormat implements Format {

    private final String name;
    private final Function<String, Optional<String>> problem;

    SubjectKeyFormat(String name, Function<String, Optional<String>> problem) {
        this.name = name;
        this.problem = problem;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return problem.apply(value).isEmpty();
    }

    /** What is wrong with {@code value}, in the standard's terms. */
    String problem(String value) {
        return problem.apply(value).orElse("is not valid");
    }
}

package gov.onceonly.hub.security;

import java.util.List;

/** A hub outside the sandbox found secrets or switches that would let published values serve; lists them all. */
public final class UnsafeProductionConfigurationException extends IllegalStateException {

    private final transient List<ProductionSafety.Problem> problems;

    public UnsafeProductionConfigurationException(List<ProductionSafety.Problem> problems) {
        super(ProductionSafety.describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ProductionSafety.Problem> problems() {
        return problems;
    }
}

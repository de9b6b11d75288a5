package gov.onceonly.hub.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused production start as Spring Boot's short report: every property, then what to do. */
public class UnsafeProductionConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<UnsafeProductionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set each property above from the environment or a secret store"
                + " (docs/deployment.md), or, on a developer's machine only, start the sandbox:"
                + " --spring.profiles.active=sandbox (mvn spring-boot:run does).", cause);
    }
}

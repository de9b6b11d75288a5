package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.api.ExampleApplication;
import org.springframework.core.env.Environment;

/** The newborn application the sandbox serves for a synthetic family ({@code GET /sandbox/examples/newborn}). */
final class SandboxExample implements ExampleApplication {

    private final Environment env;

    SandboxExample(Environment env) {
        this.env = env;
    }

    @Override
    public String bundle() {
        return "newborn";
    }

    @Override
    public String url() {
        return env.getRequiredProperty("hub.sandbox.url") + SandboxApplications.EXAMPLES + bundle();
    }
}

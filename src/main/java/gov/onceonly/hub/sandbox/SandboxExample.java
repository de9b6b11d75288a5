package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.api.ExampleApplication;

import java.util.function.Supplier;

/** The newborn application the sandbox serves for a synthetic family ({@code GET /sandbox/examples/newborn}). */
final class SandboxExample implements ExampleApplication {

    private final Supplier<String> sandboxUrl;

    /** {@code sandboxUrl}: the departments' server, {@code hub.sandbox.url}. */
    SandboxExample(Supplier<String> sandboxUrl) {
        this.sandboxUrl = sandboxUrl;
    }

    @Override
    public String bundle() {
        return "newborn";
    }

    @Override
    public String url() {
        return sandboxUrl.get() + SandboxApplications.EXAMPLES + bundle();
    }
}

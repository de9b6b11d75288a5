package gov.onceonly.hub.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.function.Supplier;

/** The last lines of the startup log: where the API is, and a signed curl (scripts/hubcurl) that submits an application. */
public class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Supplier<String> port;
    private final ObjectProvider<ExampleApplication> example;

    /** {@code port}: the port the server listens on, once it runs. */
    public ReadyBanner(Supplier<String> port, ObjectProvider<ExampleApplication> example) {
        this.port = port;
        this.example = example;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        String api = "http://127.0.0.1:" + port.get() + "/api/v1";
        ExampleApplication sample = example.getIfAvailable();
        // The sandbox's example is fetched by the command, not printed: a log never holds a full ID number.
        String body = sample != null ? "\"$(curl -s " + sample.url() + ")\""
                : "'{\"bundle\":\"<bundle>\",\"applicant\":{\"idNumber\":\"<id number>\"},\"consent\":{\"granted\":true,\"purpose\":\"<purpose>\"},\"form\":{}}'";
        log.info("""
                Hub ready. API: {}
                Submit an application (signed as the sandbox portal), then follow the statusUrl it returns:
                  scripts/hubcurl POST {}/applications {}""", api, api, body);
    }
}

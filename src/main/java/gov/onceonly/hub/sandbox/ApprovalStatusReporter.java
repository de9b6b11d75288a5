package gov.onceonly.hub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.security.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * 市卫生健康委's approval system reporting back as a real one would: a moment after it receives an item (a birth
 * certificate, a vaccination certificate) it reports ACCEPTED, then DONE with a certificate number derived from the
 * idempotency key, over the hub's REST callback. On in the sandbox profile ({@code hub.sandbox.report-status}); a
 * test may stop it to report itself.
 */
public final class ApprovalStatusReporter implements AutoCloseable {

    static final String SYSTEM = "weijian-approval";
    static final String DEPARTMENT = "市卫生健康委";
    /** The registered client the system signs its reports as (application-sandbox.properties). */
    static final String CLIENT = "sandbox-weijian";
    private static final Logger log = LoggerFactory.getLogger(ApprovalStatusReporter.class);
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final Supplier<String> hubUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-weijian-status");
        thread.setDaemon(true);
        return thread;
    });
    private final byte[] secret;
    private volatile boolean enabled;
    private volatile DecisionChannel channel;

    ApprovalStatusReporter(Supplier<String> hubUrl, ObjectMapper json, boolean enabled, String secret) {
        this.hubUrl = hubUrl;
        this.json = json;
        this.enabled = enabled;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public void enable(boolean on) {
        enabled = on;
    }

    /** Reports through that channel instead of to this JVM's hub; null: to this JVM's hub again. */
    public void reportThrough(DecisionChannel channel) {
        this.channel = channel;
    }

    /** Called by the inbox for each record received the first time. One thread, so ACCEPTED always precedes DONE. */
    void received(ApprovalInbox.Received received) {
        if (!enabled || !SYSTEM.equals(received.system())) {
            return;
        }
        try {
            JsonNode envelope = json.readTree(received.body());
            if (envelope.hasNonNull("type")) {
                return; // a withdrawal notice, not an item to decide: SandboxDecisions answers it
            }
            String applicationId = envelope.path("applicationId").asText();
            String item = envelope.path("item").asText();
            String path = "/api/v1/applications/" + applicationId + "/items/" + item + "/status";
            String certificateNo = "Q%09d".formatted(Math.floorMod(received.idempotencyKey().hashCode(), 1_000_000_000));
            scheduler.schedule(() -> report(applicationId, item, path,
                    json.createObjectNode().put("status", "ACCEPTED").put("at", now()).toString()), 200, TimeUnit.MILLISECONDS);
            scheduler.schedule(() -> report(applicationId, item, path,
                    json.createObjectNode().put("status", "DONE").put("at", now()).put("result", "准予发证")
                            .put("certificateNo", certificateNo).toString()), 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("Sandbox {} cannot read what it received: {}", SYSTEM, e.getMessage());
        }
    }

    private void report(String applicationId, String item, String path, String body) {
        DecisionChannel elsewhere = channel;
        if (elsewhere == null) {
            post(path, body, 5);
            return;
        }
        try {
            elsewhere.report(DEPARTMENT, applicationId, item, body);
        } catch (RuntimeException e) {
            log.warn("Sandbox {} could not report on {} {}: {}", SYSTEM, applicationId, item, e.getMessage());
        }
    }

    /** A 409 means the hub has not recorded the delivery yet (it waits for the department's answer): try again. */
    private void post(String path, String body, int triesLeft) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            String nonce = UUID.randomUUID().toString();
            String signature = RequestSignature.sign(secret, RequestSignature.canonical(CLIENT, "POST", path, timestamp, nonce, bytes));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hubUrl.get() + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .header(RequestSignature.KEY, CLIENT).header(RequestSignature.TIMESTAMP, timestamp)
                    .header(RequestSignature.NONCE, nonce).header(RequestSignature.SIGNATURE, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409 && triesLeft > 1) {
                scheduler.schedule(() -> post(path, body, triesLeft - 1), 1, TimeUnit.SECONDS);
            } else if (response.statusCode() != 200) {
                log.warn("Sandbox {} reported to {}: {} {}", SYSTEM, path, response.statusCode(), response.body());
            }
        } catch (Exception e) {
            log.warn("Sandbox {} could not report to {}: {}", SYSTEM, path, e.getMessage());
        }
    }

    private static String now() {
        return OffsetDateTime.now(BEIJING).toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package gov.onceonly.hub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A system that takes applications as the hub does: a signed POST, answered 202 with {"id":…}. */
final class HttpIntake implements SystemUnderTest {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final String name;
    private final URI uri;
    private final Applicants applicants;
    private final Meters meters;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "intake-client");
                t.setDaemon(true);
                return t;
            })).build();

    HttpIntake(String name, String baseUrl, Applicants applicants, Meters meters) {
        this.name = name;
        this.uri = URI.create(baseUrl + "/api/v1/applications");
        this.applicants = applicants;
        this.meters = meters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Meters meters() {
        return meters;
    }

    @Override
    public CompletableFuture<String> submit(String bundle) {
        return http.sendAsync(Applicants.signedPost(uri, applicants.application(bundle)), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
                    }
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        throw new IllegalStateException(name + " answered 202 without an id: " + abbreviate(response.body()));
                    }
                    return id.group(1);
                });
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Whether a POST reaches it at all (used while it starts). */
    boolean answers() {
        try {
            http.send(Applicants.signedPost(uri, "{}"), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package gov.onceonly.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The status quo, per item: each department fetches its own data from every source it needs, one source after
 * another, then decides (pushes to its back office). Departments work side by side, so an application's items
 * run in parallel; nothing is shared, so a source is asked again for every item that needs it. There is no
 * central intake and nothing is written to a database: the figures flatter the status quo.
 */
final class StatusQuo implements SystemUnderTest {

    private final BenchModel model;
    private final String departments;
    private final Applicants applicants;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "status-quo");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();

    StatusQuo(BenchModel model, String departmentsUrl, Applicants applicants) {
        this.model = model;
        this.departments = departmentsUrl;
        this.applicants = applicants;
    }

    @Override
    public String name() {
        return "status-quo";
    }

    @Override
    public boolean hasIntake() {
        return false;
    }

    @Override
    public CompletableFuture<String> submit(String bundleId) {
        String id = UUID.randomUUID().toString();
        String idNumber = applicants.nextIdNumber();
        for (BenchModel.Item item : model.find(bundleId).items()) {
            CompletableFuture<String> chain = CompletableFuture.completedFuture("");
            for (String source : item.sources()) {
                chain = chain.thenCompose(previous -> http.sendAsync(HttpRequest.newBuilder(
                                URI.create(departments + "/src/" + source + "/r/" + idNumber)).build(), HttpResponse.BodyHandlers.ofString())
                        .thenApply(answer -> previous + answer.body()));
            }
            chain.thenCompose(data -> http.sendAsync(HttpRequest.newBuilder(URI.create(departments + "/tgt/" + item.target() + "/applications"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", id + ":" + item.id())
                    .POST(HttpRequest.BodyPublishers.ofString(data)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        return CompletableFuture.completedFuture(id);
    }
}

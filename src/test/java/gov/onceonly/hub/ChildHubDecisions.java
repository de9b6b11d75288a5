package gov.onceonly.hub;

import gov.onceonly.hub.sandbox.DecisionChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox departments' decisions, sent to a child hub ({@link HubProcess}) over its REST callback as each
 * department's system (HubClient.DEPARTMENT_CLIENTS): the child runs on a database and a broker of its own, so this
 * JVM's status topic does not reach it. A report the child cannot take yet (it is restarting, or has not recorded the
 * delivery) is sent again, for up to a minute, as a department's system would.
 */
public final class ChildHubDecisions implements DecisionChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildHubDecisions.class);
    private static final int ATTEMPTS = 120;

    private final HubClient child;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "child-hub-decisions");
        thread.setDaemon(true); // a test ends without closing it: the next test's HubIntegrationTest resets the channel
        return thread;
    });

    public ChildHubDecisions(HubClient child) {
        this.child = child;
    }

    @Override
    public void report(String department, String applicationId, String item, String report) {
        sender.execute(() -> send(department, "/api/v1/applications/" + applicationId + "/items/" + item + "/status",
                report, 1));
    }

    private void send(String department, String path, String report, int attempt) {
        int status;
        try {
            HttpResponse<String> response = child.asDepartment(department).post(path, report);
            status = response.statusCode();
        } catch (Exception e) {
            status = -1;
        }
        if (status == 200) {
            return;
        }
        if (attempt < ATTEMPTS && (status == -1 || status == 409 || status >= 500)) {
            sender.schedule(() -> send(department, path, report, attempt + 1), 500, TimeUnit.MILLISECONDS);
        } else {
            log.warn("The child hub did not take {}'s report to {}: {}", department, path, status);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}

package gov.onceonly.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.sandbox.SyntheticPeople;
import gov.onceonly.hub.supervision.OverdueSweep;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application whose birth certificate 市卫生健康委 accepted and then let run past its time limit, for the console's
 * supervision pages: its due date moved into the past (the hub's clock cannot be) and the sweep run once, so that it
 * is OVERDUE; then rated 差评, which opens a rectification case. For a test with {@code departmentsDecide(false)}.
 */
final class SupervisedApplication {

    static final String HEALTH = "市卫生健康委";

    private final HubClient hub;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OverdueSweep sweep;

    SupervisedApplication(HubClient hub, JdbcTemplate jdbc, ObjectMapper json, OverdueSweep sweep) {
        this.hub = hub;
        this.jdbc = jdbc;
        this.json = json;
        this.sweep = sweep;
    }

    /** Submits, accepts as the department, makes it overdue; answers the application's id. */
    String overdue(SyntheticPeople.Family family) throws Exception {
        String statusUrl = hub.submit(HubClient.newborn(family.mother().idNumber(), family.mother().name()));
        String id = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.queryForList("select 1 from application_item"
                + " where application_id = ?::uuid and item_id = 'birth-certificate' and delivered_at is not null", id).isEmpty());
        ok(hub.reportStatus(id, "birth-certificate", "{\"status\":\"ACCEPTED\"}"), 200);
        assertThat(jdbc.update("update application_item set due_soon_at = now() - interval '3 days',"
                + " due_at = now() - interval '2 days' where application_id = ?::uuid and item_id = 'birth-certificate'"
                + " and due_at is not null", id)).as("the acceptance started the clock").isEqualTo(1);
        sweep.sweep(Instant.now());
        // The hub's own sweep may have been first: either way once.
        await().atMost(Duration.ofSeconds(10)).until(() -> "OVERDUE".equals(jdbc.queryForObject("select supervision"
                + " from application_item where application_id = ?::uuid and item_id = 'birth-certificate'", String.class, id)));
        return id;
    }

    /** Rates the overdue item 差评, the application as a whole 满意 (allowed before the end: it is late), which opens
     * one case, 市卫生健康委's; answers its id. */
    String badRating(String id, String comment) throws Exception {
        JsonNode rated = hub.body(ok(hub.post("/api/v1/applications/" + id + "/rating", json.writeValueAsString(
                Map.of("level", "满意", "items", Map.of("birth-certificate", "非常不满意"),
                        "comment", comment))), 201));
        for (JsonNode c : rated.path("cases")) {
            if (HEALTH.equals(c.path("department").asText())) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("no case for " + HEALTH + ": " + rated);
    }

    /** The department's answer to its case. */
    void answer(String caseId, String answer) throws Exception {
        ok(hub.asDepartment(HEALTH).post("/api/v1/rectifications/" + caseId + "/answer",
                json.writeValueAsString(Map.of("answer", answer))), 200);
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}

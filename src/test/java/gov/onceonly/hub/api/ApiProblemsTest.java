package gov.onceonly.hub.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever reaches the catch-all keeps the status Spring gave it, if Spring gave it one. */
class ApiProblemsTest {

    private final ApiProblems problems = new ApiProblems();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ops/deliveries");

    @Test
    void aFrameworkErrorKeepsItsOwnStatusAndDetail() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(
                new MissingServletRequestParameterException("state", "String"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).contains("state");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/ops/deliveries");
    }

    @Test
    void aWrongMethodKeepsItsAllowHeader() {
        ResponseEntity<ProblemDetail> answer = problems.unexpected(
                new HttpRequestMethodNotSupportedException("GET", List.of("POST")), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getHeaders().getAllow()).containsExactly(HttpMethod.POST);
    }

    @Test
    void aServerSideFrameworkErrorIsItsOwn5xxAndAnythingElseA500() {
        assertThat(problems.unexpected(new AsyncRequestTimeoutException(), request).getStatusCode().value()).isEqualTo(503);
        ResponseEntity<ProblemDetail> answer = problems.unexpected(new IllegalStateException("secret internals"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    }
}

package gov.onceonly.hub.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's default JSON: whatever a filter or
 * the container refused with {@code sendError} before any controller ran becomes a problem of the hub's, with the
 * status it was sent with. (Spring Security's firewall answers for itself: security/RejectedUrls.)
 */
@Hidden // the container's, not an operation of the API
@RestController
public class ErrorProblems implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        String detail;
        if (status.is5xxServerError()) {
            detail = "the hub could not handle this request; nothing was accepted";
        } else {
            detail = "the request was refused: " + status.getReasonPhrase();
        }
        ProblemDetail body = ProblemTypes.adopt(ProblemDetail.forStatusAndDetail(status, detail), status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                body.setInstance(URI.create(path));
            } catch (IllegalArgumentException e) {
                // A path that is no URI (the reason it was refused) is not repeated.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The status the error was sent with; none means the page was called directly, and there is nothing here. */
    private static HttpStatus statusOf(Object code) {
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}

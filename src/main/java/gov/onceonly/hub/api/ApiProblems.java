package gov.onceonly.hub.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import gov.onceonly.hub.catalog.InvalidFilterException;
import gov.onceonly.hub.configfile.JacksonPaths;
import gov.onceonly.hub.identity.IdentityTokens;
import gov.onceonly.hub.intake.ApplicantIdentity;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.security.BodyTooLargeException;
import gov.onceonly.hub.progress.StatusReportException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

import java.net.URI;
import java.util.List;

/**
 * Every error of the API as RFC 9457 problem details. Client mistakes name the field and the rule in
 * {@code errors}; server faults say nothing of the internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic ProblemDetailsExceptionHandler, which names no field
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE = ProblemTypes.PREFIX;

    @ExceptionHandler(InvalidApplicationException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidApplicationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-application", "Invalid application",
                e.getMessage(), request, e.violations());
    }

    @ExceptionHandler({ApplicantIdentity.RegistryUnavailableException.class, IdentityTokens.Unavailable.class})
    ResponseEntity<ProblemDetail> identityUnavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("An application's identity could not be checked: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "Identity could not be checked",
                e.getMessage() + "; nothing was accepted", request, List.of(new FieldViolation(ApplicantIdentity.HEADER,
                        "available", "could not be checked now; try again later")));
    }

    @ExceptionHandler(StatusReportException.class)
    ResponseEntity<ProblemDetail> statusReport(StatusReportException e, HttpServletRequest request) {
        StatusReportException.Problem kind = e.problem();
        return problem(HttpStatus.valueOf(kind.httpStatus()), kind.type(), kind.title(), e.getMessage(), request, e.violations());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof BodyTooLargeException) {
            return respond(tooLarge(Long.parseLong(cause.getMessage().replaceAll("\\D", "")), request.getRequestURI()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = JacksonPaths.of(unknown);
            return problem(HttpStatus.BAD_REQUEST, "unknown-property", "Unknown property", field + " is not a known property",
                    request, List.of(new FieldViolation(field, "unknown-property", "is not a known property")));
        }
        if (cause instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException limit) {
            String rule = JsonLimits.rule(limit);
            return problem(HttpStatus.BAD_REQUEST, "json-limit", "JSON over a limit", "the body " + JsonLimits.sentence(rule),
                    request, List.of(new FieldViolation("body", rule, JsonLimits.sentence(rule))));
        }
        if (cause instanceof JsonParseException || cause instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            var at = ((JsonProcessingException) cause).getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where,
                    request, List.of(new FieldViolation("body", "json-syntax", "is not valid JSON" + where)));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = JacksonPaths.of(mapping);
            return problem(HttpStatus.BAD_REQUEST, "wrong-type", "Wrong type", field + " has the wrong type",
                    request, List.of(new FieldViolation(field, "type", "has the wrong type")));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", "the body is missing or not valid JSON",
                request, List.of(new FieldViolation("body", "json-syntax", "is missing or not valid JSON")));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage(),
                request, List.of(e.violation()));
    }

    @ExceptionHandler(InvalidFilterException.class)
    ResponseEntity<ProblemDetail> badFilter(InvalidFilterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.parameter() + " " + e.getMessage(),
                request, List.of(new FieldViolation(e.parameter(), e.rule(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getName() + " is malformed",
                request, List.of(new FieldViolation(e.getName(), "format", "is malformed")));
    }

    /** A multipart body that cannot be parsed is the client's mistake, though Spring's exception does not say so. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> brokenMultipart(MultipartException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body", "the multipart body cannot be read",
                request, List.of(new FieldViolation("body", "multipart-syntax", "is not a readable multipart body")));
    }

    /**
     * Everything else. Spring's own errors (404 no resource, 405 method, 415 and 406 media types, a missing
     * parameter, ResponseStatusException…) implement {@link ErrorResponse} and carry their status and problem
     * detail: they are answered with those, whichever of them it is, so that none of them becomes a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof MissingPathVariableException missing && missing.isMissingAfterConversion()) {
            // A path variable of blanks ("/applications/%20%20%20") is the client's, not a 500.
            return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", missing.getVariableName()
                    + " is empty", request, List.of(new FieldViolation(missing.getVariableName(), "required", "is empty")));
        }
        if (e instanceof ErrorResponse framework) {
            ProblemDetail body = ProblemTypes.adopt(framework.getBody(), framework.getStatusCode());
            body.setInstance(URI.create(request.getRequestURI()));
            if (framework.getStatusCode().is5xxServerError()) {
                log.error("Error on {} {}", request.getMethod(), request.getRequestURI(), e);
            }
            return ResponseEntity.status(framework.getStatusCode()).headers(framework.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the hub could not handle this request; nothing was accepted", request, List.of());
    }

    static ProblemDetail tooLarge(long maxBytes, String path) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the request body exceeds " + maxBytes + " bytes");
        body.setType(URI.create(TYPE + "body-too-large"));
        body.setTitle("Body too large");
        body.setInstance(URI.create(path));
        body.setProperty("errors", List.of(new FieldViolation("body", "maxBytes", "must be at most " + maxBytes + " bytes")));
        return body;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String type, String title, String detail,
                                                        HttpServletRequest request, List<FieldViolation> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE + type));
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return respond(body);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}

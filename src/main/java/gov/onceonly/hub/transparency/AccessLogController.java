package gov.onceonly.hub.transparency;

import gov.onceonly.hub.accesslog.AccessLog;
import gov.onceonly.hub.accesslog.AccessLogEntry;
import gov.onceonly.hub.api.InvalidParameterException;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorDefinition;
import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.subject.CitizenIdNumber;
import gov.onceonly.hub.subject.CreditCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * "Who looked at my data": every pull of a person's (ID number) or an enterprise's (credit code) data and every push
 * of it to a department, with field names, department, time, application and consent. A channel reads it to show
 * the applicant, and so does the operator (here with a channel's signature, or under /api/v1/ops with the login
 * alone); a department system may not. Nothing is masked: it is the subject's own log.
 */
@RestController
public class AccessLogController {

    private static final Logger log = LoggerFactory.getLogger(AccessLogController.class);
    /** What {@link #subjectType} accepts, as the OpenAPI document states it (the check characters aside). */
    public static final String SUBJECT_PATTERN = "^(" + CitizenIdNumber.SHAPE + "|" + CreditCode.SHAPE + ")$";
    public static final String SUBJECT = "A citizen ID number (GB 11643) or a unified social credit code (GB 32100)";

    private final AccessLog accessLog;
    private final ConnectorCatalog connectors;

    public AccessLogController(AccessLog accessLog, ConnectorCatalog connectors) {
        this.accessLog = accessLog;
        this.connectors = connectors;
    }

    @Operation(summary = "Who used a subject's data, and why (the subject's own view)")
    @GetMapping("/api/v1/subjects/{id}/access-log")
    public SubjectAccessLog accessLog(@PathVariable @Parameter(description = SUBJECT, schema = @Schema(pattern = SUBJECT_PATTERN)) String id, HttpServletRequest request) {
        // A channel (config/SecurityConfiguration); the operator reads the whole log at the ops path below.
        String channel = CallerProblems.require(Callers.client(request).orElse(null)).key();
        return read(id, subjectType(id), channel, channel);
    }

    @Operation(summary = "Who used a subject's data, and why (operator's view)")
    @GetMapping("/api/v1/ops/subjects/{id}/access-log")
    public SubjectAccessLog accessLogForOperator(@PathVariable @Parameter(description = SUBJECT, schema = @Schema(pattern = SUBJECT_PATTERN)) String id) {
        return read(id, subjectType(id), "the operator", null);
    }

    /** {@code channel}: only the accesses under that channel's applications; null for the operator's whole log. */
    private SubjectAccessLog read(String id, String type, String caller, String channel) {
        List<AccessLogEntry> entries = accessLog.of(id, channel).stream().map(this::withDepartment).toList();
        log.info("Access log of {} ({} entries) read by {}", id, entries.size(), caller);
        return new SubjectAccessLog(id, type, entries.size(), entries);
    }

    /** A pull names its source's department, as the connector says now. */
    private AccessLogEntry withDepartment(AccessLogEntry entry) {
        if (entry.department() != null) {
            return entry;
        }
        return connectors.find(entry.connector()).map(ConnectorDefinition::department).map(entry::withDepartment).orElse(entry);
    }

    /** A person by a valid ID number, an enterprise by a valid credit code; anything else is a 400 naming {@code id}. */
    public static String subjectType(String id) {
        if (CitizenIdNumber.isValid(id)) {
            return "person";
        }
        if (CreditCode.isValid(id)) {
            return "enterprise";
        }
        boolean looksLikeIdNumber = id != null && id.matches("\\d{17}[\\dX]|\\d{1,17}");
        String problem = looksLikeIdNumber ? CitizenIdNumber.problem(id).orElseThrow() : CreditCode.problem(id).orElseThrow();
        throw new InvalidParameterException("id", looksLikeIdNumber ? "GB11643" : "GB32100",
                "must be a citizen ID number (GB 11643) or a unified social credit code (GB 32100): it " + problem);
    }
}

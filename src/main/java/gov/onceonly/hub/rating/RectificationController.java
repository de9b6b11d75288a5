package gov.onceonly.hub.rating;

import gov.onceonly.hub.api.InvalidParameterException;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.intake.NulCharacters;
import gov.onceonly.hub.security.CallerProblems;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Rectification cases (整改): a department lists and answers its own; the applicant's channel reports the callback
 * (回访) that closes an answered case, or the operator does, who calls the applicant by phone.
 */
@RestController
public class RectificationController {

    /** A department's answer: what it did about the 差评. */
    public record AnswerRequest(@Schema(description = "plain text, at most hub.rating.max-answer-chars characters")
                                String answer) {
    }

    /** The callback's result (satisfied or unsatisfied) and an optional note. */
    public record CallbackRequest(@Schema(allowableValues = {"satisfied", "unsatisfied"}) String result,
                                  @Schema(description = "plain text, at most hub.rating.max-comment-chars characters")
                                  String note) {
    }

    private final Rectifications rectifications;
    private final RatingProperties properties;

    public RectificationController(Rectifications rectifications, RatingProperties properties) {
        this.rectifications = rectifications;
        this.properties = properties;
    }

    @Operation(summary = "The calling department's rectification cases, oldest first (at most 500)")
    @GetMapping("/api/v1/rectifications")
    public List<RectificationCase> list(@RequestParam(required = false) @Parameter(schema = @Schema(
                                                allowableValues = {"OPEN", "ANSWERED", "CLOSED"})) String status,
                                        @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                        RegisteredClient caller) {
        return rectifications.list(CallerProblems.require(caller).department(), status(status));
    }

    @Operation(summary = "Answer a rectification case of the calling department")
    @PostMapping("/api/v1/rectifications/{id}/answer")
    public RectificationCase answer(@PathVariable UUID id, @RequestBody AnswerRequest request,
                                    @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                    RegisteredClient caller, HttpServletRequest http) throws IOException {
        RegisteredClient department = CallerProblems.require(caller);
        List<FieldViolation> violations = new ArrayList<>();
        String answer = RatingController.comment("answer", request == null ? null : request.answer(),
                properties.maxAnswerChars(), violations);
        if (violations.isEmpty() && answer == null) {
            violations.add(new FieldViolation("answer", "required", "is required: the applicant is told what was done"));
        }
        refuse(violations);
        try {
            return rectifications.answer(id, department.department(), department.key(), answer,
                    http.getInputStream().readAllBytes());
        } catch (RatingConflictException e) {
            throw e.problem();
        }
    }

    /** Only the channel that submitted the rated application (another: 404, as for an unknown case). */
    @Operation(summary = "Report the applicant's callback (回访), which closes an answered rectification case")
    @PostMapping("/api/v1/rectifications/{id}/callback")
    public RectificationCase callback(@PathVariable UUID id, @RequestBody CallbackRequest request,
                                      @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                      RegisteredClient caller, HttpServletRequest http) throws IOException {
        RegisteredClient channel = CallerProblems.require(caller);
        return callback(id, request, c -> channel.key().equals(rectifications.submitter(c)), channel.key(), http);
    }

    @Operation(summary = "Every department's rectification cases, for the operator's callbacks (at most 500)")
    @GetMapping("/api/v1/ops/rectifications")
    public List<RectificationCase> all(@RequestParam(required = false) @Parameter(schema = @Schema(
                                               allowableValues = {"OPEN", "ANSWERED", "CLOSED"})) String status,
                                       @RequestParam(required = false) String department) {
        if (NulCharacters.in(department)) {
            throw new InvalidParameterException("department", NulCharacters.RULE, "must not contain U+0000 (NUL)");
        }
        return rectifications.list(department, status(status));
    }

    @Operation(summary = "Report a callback (回访) the operator made by phone, which closes an answered case")
    @PostMapping("/api/v1/ops/rectifications/{id}/callback")
    public RectificationCase operatorCallback(@PathVariable UUID id, @RequestBody CallbackRequest request,
                                              Principal operator, HttpServletRequest http) throws IOException {
        return callback(id, request, c -> true, "operator:" + operator.getName(), http);
    }

    private RectificationCase callback(UUID id, CallbackRequest request, Predicate<RectificationCase> mayCall,
                                       String party, HttpServletRequest http) throws IOException {
        CallbackRequest body = request == null ? new CallbackRequest(null, null) : request;
        List<FieldViolation> violations = new ArrayList<>();
        Rectifications.CallbackResult result = Arrays.stream(Rectifications.CallbackResult.values())
                .filter(r -> r.name().equals(body.result())).findFirst().orElse(null);
        if (result == null) {
            violations.add(new FieldViolation("result", body.result() == null ? "required" : "enum",
                    "must be satisfied or unsatisfied"));
        }
        String note = RatingController.comment("note", body.note(), properties.maxCommentChars(), violations);
        refuse(violations);
        try {
            return rectifications.callback(id, mayCall, party, result, note, http.getInputStream().readAllBytes());
        } catch (RatingConflictException e) {
            throw e.problem();
        }
    }

    private static RectificationCase.Status status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(RectificationCase.Status.values())
                .filter(s -> s.name().equals(status.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new InvalidParameterException("status", "enum", "must be OPEN, ANSWERED or CLOSED"));
    }

    private static void refuse(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
    }
}

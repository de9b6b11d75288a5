package gov.onceonly.hub.withdrawal;

import gov.onceonly.hub.application.ApplicationAccess;
import gov.onceonly.hub.intake.FieldViolation;
import gov.onceonly.hub.intake.InvalidApplicationException;
import gov.onceonly.hub.intake.NulCharacters;
import gov.onceonly.hub.intake.RequestConstraints;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.SignedRequestFilter;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/applications/{id}/withdrawal}: the applicant's channel withdraws the application before it is
 * completed, e.g. {@code {"reason": "申请人已通过线下窗口办理"}}. Answers what was cancelled and what is being withdrawn
 * at the departments; the status view follows the departments' answers.
 */
@RestController
public class WithdrawalController {

    static final int MAX_REASON = 500;

    /** The request body: why the applicant withdraws. */
    public record WithdrawalRequest(@NotBlank(message = "is required: the departments are told why")
                                    @Size(max = MAX_REASON, message = "must be at most {max} characters") String reason) {
    }

    private final Withdrawals withdrawals;
    private final ApplicationAccess access;
    private final RequestConstraints constraints;

    public WithdrawalController(Withdrawals withdrawals, ApplicationAccess access, RequestConstraints constraints) {
        this.withdrawals = withdrawals;
        this.access = access;
        this.constraints = constraints;
    }

    /** Only the channel that submitted the application withdraws it. */
    @Operation(summary = "Withdraw an application or some of its items")
    @PostMapping("/api/v1/applications/{id}/withdrawal")
    public Withdrawals.Outcome withdraw(@PathVariable UUID id, @RequestBody WithdrawalRequest request,
                                        @RequestAttribute(name = SignedRequestFilter.CLIENT, required = false)
                                        RegisteredClient caller, HttpServletRequest http) throws IOException {
        access.requireSubmitter(caller, id);
        String reason = reason(request);
        try {
            return withdrawals.withdraw(id, reason, caller.key(), http.getInputStream().readAllBytes());
        } catch (WithdrawalRefusedException e) {
            ResponseStatusException problem = new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
            problem.getBody().setProperty("errors", List.of(new FieldViolation("id", "not-completed",
                    "the application is completed; there is nothing to withdraw")));
            throw problem;
        }
    }

    private String reason(WithdrawalRequest request) {
        WithdrawalRequest body = request == null ? new WithdrawalRequest(null) : request;
        List<FieldViolation> violations = new ArrayList<>(constraints.of(body));
        if (violations.isEmpty()) {
            NulCharacters.check("reason", body.reason(), violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidApplicationException(violations);
        }
        return body.reason().trim();
    }
}

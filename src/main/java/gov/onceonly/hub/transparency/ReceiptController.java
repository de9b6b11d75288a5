package gov.onceonly.hub.transparency;

import gov.onceonly.hub.evidence.Receipt;
import gov.onceonly.hub.evidence.Receipts;
import gov.onceonly.hub.intake.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /api/v1/applications/{id}/receipt}: the application's evidence, verifiable without the hub (entries,
 * Merkle root, signed checkpoint). The channel that submitted it may read it (the ledger's intake entry names that
 * channel), and the operator; another channel or a department system may not.
 */
@RestController
public class ReceiptController {

    private final Receipts receipts;

    public ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/applications/{id}/receipt")
    public Receipt receipt(@PathVariable UUID id, HttpServletRequest request) {
        if (!Callers.operator()) {
            String channel = Callers.requireChannelOrOperator(request, "a receipt");
            Optional<String> submitter = receipts.submittedBy(id);
            if (submitter.isPresent() && !submitter.get().equals(channel)) {
                throw Callers.forbidden("submitted-by", "did not submit this application: only its channel may read its receipt");
            }
        }
        return find(id);
    }

    @GetMapping("/api/v1/ops/applications/{id}/receipt")
    public Receipt receiptForOperator(@PathVariable UUID id) {
        return find(id);
    }

    private Receipt find(UUID id) {
        return receipts.of(id).orElseThrow(() -> Callers.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                new FieldViolation("id", "known-application", "is not an application the evidence ledger knows")));
    }
}

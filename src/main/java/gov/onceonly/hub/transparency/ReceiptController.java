package gov.onceonly.hub.transparency;

import gov.onceonly.hub.application.ApplicationAccess;
import gov.onceonly.hub.evidence.Receipt;
import gov.onceonly.hub.evidence.Receipts;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code GET /api/v1/applications/{id}/receipt}: the application's evidence, verifiable without the hub (entries,
 * Merkle root, signed checkpoint). The channel that submitted it may read it, and the operator; a department system
 * gets 403, and another channel the 404 of an unknown application ({@link ApplicationAccess}).
 */
@RestController
public class ReceiptController {

    private final Receipts receipts;
    private final ApplicationAccess access;

    public ReceiptController(Receipts receipts, ApplicationAccess access) {
        this.receipts = receipts;
        this.access = access;
    }

    @Operation(summary = "An application's signed evidence receipt")
    @GetMapping("/api/v1/applications/{id}/receipt")
    public Receipt receipt(@PathVariable UUID id, HttpServletRequest request) {
        access.requireSubmitter(Callers.client(request).orElse(null), id);
        return find(id);
    }

    @Operation(summary = "An application's signed evidence receipt (operator's view)")
    @GetMapping("/api/v1/ops/applications/{id}/receipt")
    public Receipt receiptForOperator(@PathVariable UUID id) {
        return find(id);
    }

    private Receipt find(UUID id) {
        return receipts.of(id).orElseThrow(() -> ApplicationAccess.unknown(id));
    }
}

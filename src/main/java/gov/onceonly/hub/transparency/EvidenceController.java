package gov.onceonly.hub.transparency;

import gov.onceonly.hub.api.InvalidParameterException;
import gov.onceonly.hub.evidence.CheckpointNote;
import gov.onceonly.hub.evidence.Checkpoints;
import gov.onceonly.hub.evidence.EvidenceChainer;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.evidence.LedgerVerification;
import gov.onceonly.hub.evidence.MerkleTree;
import gov.onceonly.hub.evidence.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * The ledger's public key (any registered client: what receipts are checked against) and the operator's
 * verification of the whole ledger ({@code POST /api/v1/ops/evidence/verify}, the same check as
 * {@code java -jar hub.jar verify-evidence}, pinned to the hub's configured and earlier keys; with an ephemeral key
 * nothing is pinned, and the report warns that signatures were checked against the keys stored with them).
 */
@RestController
public class EvidenceController {

    private static final Logger log = LoggerFactory.getLogger(EvidenceController.class);

    private final EvidenceSigner signer;
    private final EvidenceChainer chainer;
    private final DataSource dataSource;
    private final Checkpoints checkpoints;

    public EvidenceController(EvidenceSigner signer, EvidenceChainer chainer, DataSource dataSource,
                              Checkpoints checkpoints) {
        this.signer = signer;
        this.checkpoints = checkpoints;
        this.chainer = chainer;
        this.dataSource = dataSource;
    }

    /**
     * The key that signs checkpoints now (X.509 base64 and PEM, and as the verifier key of C2SP notes), and earlier keys
     * whose checkpoints still verify.
     */
    public record PublicKeys(String algorithm, String format, String keyId, String publicKey, String pem,
                             String noteVerifierKey, boolean ephemeral, List<PreviousKey> previousKeys) {
    }

    /** That the tree of {@code to} entries extends the tree of {@code from} entries (RFC 9162 2.1.4). */
    public record ConsistencyProof(long from, long to, List<String> proof) {
    }

    public record PreviousKey(String keyId, String publicKey) {
    }

    @Operation(summary = "The keys that verify evidence receipts")
    @GetMapping("/api/v1/evidence/public-key")
    public PublicKeys publicKey() {
        return new PublicKeys(signer.algorithm(), "X.509 SubjectPublicKeyInfo, DER, base64", signer.keyId(), signer.publicKey(),
                "-----BEGIN PUBLIC KEY-----\n" + signer.publicKey() + "\n-----END PUBLIC KEY-----\n",
                CheckpointNote.verifierKey(checkpoints.origin(), signer.publicKey()), signer.ephemeral(), signer.previousKeys().stream()
                .map(k -> new PreviousKey(EvidenceSigner.keyId(k), k)).toList());
    }

    @Operation(summary = "A consistency proof between two sizes of the evidence ledger")
    @GetMapping("/api/v1/evidence/consistency")
    public ConsistencyProof consistency(
            @RequestParam @Parameter(description = "The older tree size (a signed checkpoint's)",
                    schema = @Schema(minimum = "1")) long from,
            @RequestParam @Parameter(description = "The newer tree size, at most the ledger's",
                    schema = @Schema(minimum = "1")) long to) {
        chainer.chainAll();
        MerkleTree tree = checkpoints.tree();
        if (from < 1 || from > tree.size()) {
            throw new InvalidParameterException("from", "range", "must be a tree size from 1 to " + tree.size());
        }
        if (to < from || to > tree.size()) {
            throw new InvalidParameterException("to", "range", "must be a tree size from " + from + " to " + tree.size());
        }
        return new ConsistencyProof(from, to, tree.consistencyProof(from, to).stream().map(HexFormat.of()::formatHex).toList());
    }

    @Operation(summary = "Verify the whole evidence ledger")
    @PostMapping("/api/v1/ops/evidence/verify")
    public VerificationReport verify() throws SQLException {
        chainer.chainAll(); // every effect committed so far is then in the chain verified
        try (Connection connection = dataSource.getConnection()) {
            VerificationReport report = LedgerVerification.verify(connection, signer.trustedKeys());
            if (report.intact()) {
                log.info("Evidence ledger verified: {} entries intact", report.entries());
            } else {
                log.error("Evidence ledger TAMPERED at sequence {}: {}", report.firstBadSequence(), report.problem());
            }
            return report;
        }
    }
}

package gov.onceonly.hub.transparency;

import gov.onceonly.hub.evidence.EvidenceChainer;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.evidence.LedgerVerification;
import gov.onceonly.hub.evidence.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
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

    public EvidenceController(EvidenceSigner signer, EvidenceChainer chainer, DataSource dataSource) {
        this.signer = signer;
        this.chainer = chainer;
        this.dataSource = dataSource;
    }

    /** The key that signs checkpoints now, and earlier keys whose checkpoints still verify. */
    public record PublicKeys(String algorithm, String format, String keyId, String publicKey, boolean ephemeral,
                             List<PreviousKey> previousKeys) {
    }

    public record PreviousKey(String keyId, String publicKey) {
    }

    @GetMapping("/api/v1/evidence/public-key")
    public PublicKeys publicKey() {
        return new PublicKeys("Ed25519", "X.509 SubjectPublicKeyInfo, DER, base64", signer.keyId(), signer.publicKey(),
                signer.ephemeral(), signer.previousKeys().stream()
                .map(k -> new PreviousKey(EvidenceSigner.keyId(k), k)).toList());
    }

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

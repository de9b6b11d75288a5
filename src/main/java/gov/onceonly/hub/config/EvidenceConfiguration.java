package gov.onceonly.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.accesslog.AccessLog;
import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.evidence.Checkpoints;
import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.evidence.EvidenceChainer;
import gov.onceonly.hub.evidence.EvidenceKeyStore;
import gov.onceonly.hub.evidence.EvidenceLedger;
import gov.onceonly.hub.evidence.EvidenceProperties;
import gov.onceonly.hub.evidence.EvidenceRecorder;
import gov.onceonly.hub.evidence.EvidenceSigner;
import gov.onceonly.hub.evidence.Receipts;
import gov.onceonly.hub.schedule.ClusterLock;
import gov.onceonly.hub.schedule.PeriodicJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Wiring of the evidence ledger, its signed checkpoints and the personal access log (docs/security.md). The
 * checkpoint key is {@code hub.evidence.signing-key} (PKCS#8, base64, from HUB_EVIDENCE_SIGNING_KEY); without one the
 * hub signs with an ephemeral key and says so, unless {@code hub.evidence.require-signing-key} makes it refuse to start.
 */
@Configuration(proxyBeanMethods = false)
public class EvidenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

    @Bean
    EvidenceSigner evidenceSigner(EvidenceProperties evidence, Environment env) {
        String configured = evidence.signingKey().strip();
        List<String> previous = Arrays.stream(evidence.trustedPublicKeys().split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).toList();
        previous.forEach(EvidenceSigner::publicKey); // a malformed key stops the hub here, not at the first verification
        String keyStore = evidence.keyStore().strip();
        if (!keyStore.isEmpty()) {
            if (!configured.isEmpty()) {
                throw new IllegalStateException("hub.evidence.key-store and hub.evidence.signing-key are both set: "
                        + "the checkpoint key comes from one place");
            }
            // The variable hub.evidence.key-store-password-env names: a name only known here, so read from the
            // environment directly (its value, never a file's).
            String password = env.getProperty(evidence.keyStorePasswordEnv(), "");
            EvidenceKeyStore.Entry entry = EvidenceKeyStore.load(evidence.keyStoreType(),
                    java.nio.file.Path.of(keyStore), password.toCharArray(), evidence.keyAlias());
            EvidenceSigner signer = new EvidenceSigner(entry.key(), entry.publicKey(), false, previous);
            log.info("Evidence checkpoints are signed with key {} from {}", signer.keyId(), keyStore);
            return signer;
        }
        if (!configured.isEmpty()) {
            EvidenceSigner signer;
            try {
                signer = new EvidenceSigner(Ed25519Keys.privateKey(configured), false, previous);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hub.evidence.signing-key (HUB_EVIDENCE_SIGNING_KEY): " + e.getMessage());
            }
            log.info("Evidence checkpoints are signed with key {}", signer.keyId());
            return signer;
        }
        if (evidence.requireSigningKey()) {
            throw new IllegalStateException("hub.evidence.signing-key is empty: set HUB_EVIDENCE_SIGNING_KEY to an Ed25519 "
                    + "private key (PKCS#8 DER, base64; docs/security.md) or unset hub.evidence.require-signing-key");
        }
        EvidenceSigner signer = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), true, previous);
        log.warn("NO EVIDENCE SIGNING KEY: hub.evidence.signing-key (HUB_EVIDENCE_SIGNING_KEY) is empty, so evidence "
                + "checkpoints are signed with an ephemeral key ({}) that dies with this process; set a key (docs/security.md)",
                signer.keyId());
        return signer;
    }

    @Bean(destroyMethod = "close")
    EvidenceChainer evidenceChainer(JdbcTemplate jdbc, TransactionTemplate tx, PeriodicJobs jobs,
                                    EvidenceProperties evidence) {
        return new EvidenceChainer(jdbc, tx, evidence.chainBatch()).start(jobs, evidence.chainPoll());
    }

    @Bean
    EvidenceLedger evidenceLedger(JdbcTemplate jdbc, EvidenceChainer chainer) {
        return new EvidenceLedger(jdbc, chainer);
    }

    @Bean
    AccessLog accessLog(JdbcTemplate jdbc, ObjectMapper json, ApplicationStore applications) {
        return new AccessLog(jdbc, json, applications);
    }

    @Bean
    EvidenceRecorder evidenceRecorder(EvidenceLedger ledger, ObjectMapper json) {
        return new EvidenceRecorder(ledger, json);
    }

    @Bean(destroyMethod = "close")
    Checkpoints evidenceCheckpoints(JdbcTemplate jdbc, EvidenceSigner signer, Clock clock, PeriodicJobs jobs,
                                    ClusterLock lock, EvidenceProperties evidence) {
        Duration interval = evidence.checkpointInterval();
        Duration poll = evidence.checkpointPoll();
        // The log's name in its checkpoints and the name of the key that signs them (C2SP: no spaces, no '+';
        // EvidenceProperties checks it).
        return new Checkpoints(jdbc, evidence.origin(), signer, evidence.checkpointEntries(), interval, clock)
                .start(jobs, lock, poll.compareTo(interval) > 0 ? interval : poll);
    }

    @Bean
    Receipts receipts(EvidenceLedger ledger, Checkpoints checkpoints) {
        return new Receipts(ledger, checkpoints);
    }
}

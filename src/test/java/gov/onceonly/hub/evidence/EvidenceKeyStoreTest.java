package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint key from a PKCS#12 keystore made as docs/deployment.md says, with the JDK's keytool. */
class EvidenceKeyStoreTest {

    @TempDir
    static Path dir;
    static Path keyStore;

    @BeforeAll
    static void aKeyStoreMadeWithKeytool() throws Exception {
        keyStore = dir.resolve("evidence.p12");
        keytool("-genkeypair", "-alias", "evidence", "-keyalg", "Ed25519", "-dname", "CN=onceonly-hub evidence",
                "-validity", "3650", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "s3cret-store");
    }

    @Test
    void itSignsCheckpointsWithTheKeyInTheStore() {
        EvidenceKeyStore.Entry entry = EvidenceKeyStore.load("PKCS12", keyStore, "s3cret-store".toCharArray(), "evidence");
        EvidenceSigner signer = new EvidenceSigner(entry.key(), entry.publicKey(), false, List.of());
        assertThat(signer.publicKey()).isEqualTo(new EvidenceSigner(entry.key(), false, List.of()).publicKey());
        CheckpointNote checkpoint = new CheckpointNote("onceonly-hub/evidence", 1, MerkleTree.leafHash(new byte[0]),
                java.time.Instant.parse("2026-12-05T08:00:00Z"));
        assertThat(CheckpointNote.open(checkpoint.sign(signer), "onceonly-hub/evidence", signer.publicKey())).contains(checkpoint);
        assertThat(EvidenceKeyStore.load("PKCS12", keyStore, "s3cret-store".toCharArray(), "").key().getEncoded())
                .as("the one entry, unnamed").isEqualTo(entry.key().getEncoded());
    }

    @Test
    void errorsNameWhatToFix() throws Exception {
        assertThatThrownBy(() -> EvidenceKeyStore.load("PKCS12", keyStore, "wrong".toCharArray(), "evidence"))
                .hasMessageContaining("hub.evidence.key-store").hasMessageContaining("password");
        assertThatThrownBy(() -> EvidenceKeyStore.load("PKCS12", keyStore, "s3cret-store".toCharArray(), "other"))
                .hasMessageContaining("hub.evidence.key-alias: 'other' names no private key").hasMessageContaining("[evidence]");
        Path ec = dir.resolve("ec.p12");
        keytool("-genkeypair", "-alias", "ec", "-keyalg", "EC", "-groupname", "secp384r1", "-dname", "CN=x",
                "-storetype", "PKCS12", "-keystore", ec.toString(), "-storepass", "s3cret-store");
        assertThatThrownBy(() -> EvidenceKeyStore.load("PKCS12", ec, "s3cret-store".toCharArray(), "ec"))
                .as("ECDSA, but not P-256").hasMessageContaining("is EC; checkpoints are signed with Ed25519");
        Path rsa = dir.resolve("rsa.p12");
        keytool("-genkeypair", "-alias", "rsa", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=x", "-storetype", "PKCS12",
                "-keystore", rsa.toString(), "-storepass", "s3cret-store");
        assertThatThrownBy(() -> EvidenceKeyStore.load("PKCS12", rsa, "s3cret-store".toCharArray(), "rsa"))
                .hasMessageContaining("is RSA; checkpoints are signed with Ed25519");
        assertThatThrownBy(() -> EvidenceKeyStore.load("PKCS12", dir.resolve("missing.p12"), new char[0], "x"))
                .hasMessageContaining("hub.evidence.key-store");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Files.exists(Path.of(args[args.length - 3]))).isTrue();
    }
}

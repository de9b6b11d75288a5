package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519KeysTest {

    @Test
    void derivesTheSamePublicKeyAsTheJdk() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int i = 0; i < 20; i++) {
            KeyPair pair = generator.generateKeyPair();
            byte[] jdk = pair.getPublic().getEncoded();
            assertThat(Ed25519Keys.publicKeyOf(pair.getPrivate())).isEqualTo(Arrays.copyOfRange(jdk, jdk.length - 32, jdk.length));
            assertThat(Ed25519Keys.x509Base64(Ed25519Keys.publicKeyOf(pair.getPrivate())))
                    .isEqualTo(Base64.getEncoder().encodeToString(jdk));
        }
    }

    @Test
    void rfc8032TestVector1() {
        // RFC 8032, 7.1, TEST 1: the secret key 9d61b19d… has the public key d75a9801…
        String pkcs8 = Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(
                "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(Sha256.toHex(Ed25519Keys.publicKeyOf(Ed25519Keys.privateKey(pkcs8))))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void aSignerSignsWhatItsPublishedKeyVerifies() {
        EvidenceSigner signer = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), false, java.util.List.of());
        byte[] message = "checkpoint".getBytes();
        String signature = signer.sign(message);
        assertThat(EvidenceSigner.verify(signer.publicKey(), message, signature)).isTrue();
        assertThat(EvidenceSigner.verify(signer.publicKey(), "other".getBytes(), signature)).isFalse();
        assertThat(signer.keyId()).hasSize(16).isEqualTo(EvidenceSigner.keyId(signer.publicKey()));
        assertThat(signer.trustedKeys()).containsExactly(signer.publicKey());
    }

    @Test
    void anEphemeralKeyPinsNothing() {
        EvidenceSigner signer = new EvidenceSigner(Ed25519Keys.privateKey(Ed25519Keys.generate()), true, java.util.List.of());
        assertThat(signer.trustedKeys()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThatThrownBy(() -> Ed25519Keys.privateKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
    }
}

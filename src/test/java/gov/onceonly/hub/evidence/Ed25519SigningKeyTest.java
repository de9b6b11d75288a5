package gov.onceonly.hub.evidence;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Bouncy Castle's Ed25519 against the JDK's: the same signatures, the same verdicts. */
class Ed25519SigningKeyTest {

    @Test
    void signsTheSameBytesAsTheJdkAndVerifiesWhatTheJdkSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            KeyPair pair = generator.generateKeyPair();
            byte[] message = new byte[random.nextInt(600)];
            random.nextBytes(message);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(pair.getPrivate());
            jdk.update(message);
            byte[] expected = jdk.sign();

            byte[] signature = new Ed25519SigningKey(pair.getPrivate()).sign(message);

            assertThat(signature).isEqualTo(expected);
            assertThat(Ed25519SigningKey.verify(pair.getPublic(), message, expected)).isTrue();
        }
    }

    @Test
    void refusesAnAlteredMessageOrSignatureAndAnotherKeysType() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message = "POST https://dept.example/items".getBytes(StandardCharsets.UTF_8);
        byte[] signature = new Ed25519SigningKey(pair.getPrivate()).sign(message);

        assertThat(Ed25519SigningKey.verify(pair.getPublic(), "GET https://dept.example/items".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        signature[5] ^= 1;
        assertThat(Ed25519SigningKey.verify(pair.getPublic(), message, signature)).isFalse();
        assertThat(Ed25519SigningKey.verify(pair.getPublic(), message, new byte[12])).isFalse();
        assertThat(Ed25519SigningKey.verify(KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic(), message,
                new byte[64])).isFalse();
    }
}

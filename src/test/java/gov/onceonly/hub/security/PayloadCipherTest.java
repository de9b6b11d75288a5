package gov.onceonly.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadCipherTest {

    private static final byte[] OLD = key('a');
    private static final byte[] NEW = key('b');
    private static final String FORM = "{\"babyName\":\"陈小宝\",\"fatherId\":\"500101198001010011\"}";

    @Test
    void aSealedPayloadHidesItsContentAndOpensAgain() {
        PayloadCipher cipher = new PayloadCipher("k1", Map.of("k1", OLD));
        String sealed = cipher.seal("application.form", FORM);
        assertThat(sealed).startsWith("{\"sealed\":\"v2:k1:").doesNotContain("陈小宝").doesNotContain("500101");
        assertThat(cipher.seal("application.form", FORM)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open("application.form", sealed)).isEqualTo(FORM);
        // PostgreSQL's jsonb prints a space after the colon.
        assertThat(cipher.open("application.form", sealed.replace("{\"sealed\":", "{\"sealed\": "))).isEqualTo(FORM);
    }

    @Test
    void aPayloadDoesNotOpenInAnotherColumnOrOnceAltered() {
        PayloadCipher cipher = new PayloadCipher("k1", Map.of("k1", OLD));
        String sealed = cipher.seal("application.form", FORM);
        assertThatThrownBy(() -> cipher.open("application_item.record", sealed))
                .hasMessageContaining("application_item.record").hasMessageContaining("altered");
        String body = sealed.substring(sealed.lastIndexOf(':') + 1, sealed.length() - 2);
        byte[] bytes = Base64.getDecoder().decode(body);
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.replace(body, Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> cipher.open("application.form", altered)).hasMessageContaining("altered");
    }

    @Test
    void afterARotationOldPayloadsOpenAndNewOnesUseTheNewKey() {
        String old = new PayloadCipher("k1", Map.of("k1", OLD)).seal("pulled_dataset.fields", FORM);
        PayloadCipher rotated = new PayloadCipher("k2", Map.of("k2", NEW, "k1", OLD));
        assertThat(rotated.open("pulled_dataset.fields", old)).isEqualTo(FORM);
        assertThat(rotated.seal("pulled_dataset.fields", FORM)).startsWith("{\"sealed\":\"v2:k2:");
        PayloadCipher forgotten = new PayloadCipher("k2", Map.of("k2", NEW));
        assertThatThrownBy(() -> forgotten.open("pulled_dataset.fields", old))
                .hasMessageContaining("'k1'").hasMessageContaining("hub.encryption.previous-keys");
    }

    @Test
    void noErrorNamesTheRowAPayloadBelongsTo() {
        // A streamed dataset's row key is a subject's ID number: an error names the column only.
        String row = "dataset_record.fields|gongan-population:person:500101199001011234";
        PayloadCipher cipher = new PayloadCipher("k1", Map.of("k1", OLD));
        String sealed = cipher.seal(row, FORM);

        assertThatThrownBy(() -> cipher.open(row.replace("1234", "1235"), sealed))
                .hasMessageStartingWith("dataset_record.fields: the payload does not open").hasMessageNotContaining("5001011990");
        assertThatThrownBy(() -> cipher.open(row, FORM))
                .hasMessageStartingWith("dataset_record.fields is not sealed").hasMessageNotContaining("5001011990");
        assertThatThrownBy(() -> new PayloadCipher("k2", Map.of("k2", NEW)).open(row, sealed))
                .hasMessageStartingWith("dataset_record.fields was sealed with key 'k1'").hasMessageNotContaining("5001011990");
    }

    @Test
    void aPayloadIsBoundToItsRow() {
        PayloadCipher cipher = new PayloadCipher("k1", Map.of("k1", OLD));
        String sealed = cipher.seal("application.form|app-1", FORM);
        assertThat(cipher.open("application.form|app-1", sealed)).isEqualTo(FORM);
        assertThatThrownBy(() -> cipher.open("application.form|app-2", sealed)).hasMessageContaining("altered");
    }

    @Test
    void aClearPayloadIsRefusedUnlessAllowedAndCanAlwaysBeReadForResealing() {
        assertThatThrownBy(() -> new PayloadCipher("k1", Map.of("k1", OLD)).open("application.form|a", FORM))
                .hasMessageContaining("not sealed").hasMessageContaining("hub.encryption.allow-plaintext");
        assertThat(new PayloadCipher("k1", Map.of("k1", OLD), true).open("application.form|a", FORM)).isEqualTo(FORM);
        assertThat(new PayloadCipher("k1", Map.of("k1", OLD)).openEvenIfClear("application.form|a", FORM)).isEqualTo(FORM);
        assertThat(PayloadCipher.keyIdOf(FORM)).isNull();
        assertThat(PayloadCipher.keyIdOf(new PayloadCipher("k7", Map.of("k7", OLD)).seal("c|r", FORM))).isEqualTo("k7");
    }

    @Test
    void keysComeFromConfigurationAndAMissingOrBadOneStopsTheHub() {
        assertThatThrownBy(() -> keys(new MockEnvironment()))
                .hasMessageContaining("hub.encryption.key is not set").hasMessageContaining("HUB_ENCRYPTION_KEY");
        assertThatThrownBy(() -> keys(env("not base64!", "")))
                .hasMessageContaining("hub.encryption.key is not base64");
        assertThatThrownBy(() -> keys(env(Base64.getEncoder().encodeToString(new byte[16]), "")))
                .hasMessageContaining("128 bits");
        assertThatThrownBy(() -> keys(env(b64(NEW), "k1")))
                .hasMessageContaining("hub.encryption.previous-keys").hasMessageContaining("<key id>:<base64 key>");
        PayloadCipher cipher = keys(env(b64(NEW), "k0:" + b64(OLD)).withProperty("hub.encryption.key-id", "k9"));
        assertThat(cipher.activeKeyId()).isEqualTo("k9");
        String old = new PayloadCipher("k0", Map.of("k0", OLD)).seal("application.form", FORM);
        assertThat(cipher.open("application.form", old)).isEqualTo(FORM);
    }

    private static MockEnvironment env(String key, String previous) {
        return new MockEnvironment().withProperty("hub.encryption.key", key)
                .withProperty("hub.encryption.previous-keys", previous);
    }

    private static String b64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new String(key, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
    }

    /** The keys of hub.encryption.*, bound as the hub binds them. */
    private static PayloadCipher keys(Environment env) {
        return EncryptionKeys.from(Binder.get(env).bindOrCreate("hub.encryption", EncryptionProperties.class));
    }
}

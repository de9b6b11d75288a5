package gov.onceonly.hub.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The checkpoint key from a keystore, so that the key is not a value in every replica's environment: a PKCS#12 file
 * ({@code hub.evidence.key-store}), or an HSM through PKCS#11 ({@code hub.evidence.key-store-type=PKCS11}, the
 * key store being the SunPKCS11 configuration file). The password (the HSM's PIN) comes from the environment
 * variable {@code hub.evidence.key-store-password-env} names; the entry is {@code hub.evidence.key-alias}. Ed25519 in
 * a PKCS#12 file; ECDSA P-256 in either, and in an HSM only that, since the JDK's PKCS#11 provider signs no Ed25519.
 * Every error names the property to fix.
 */
public final class EvidenceKeyStore {

    /** The private key (in the HSM, a handle) and its public half, X.509 DER in base64, from the entry's certificate. */
    public record Entry(PrivateKey key, String publicKey) {
    }

    private EvidenceKeyStore() {
    }

    public static Entry load(String type, Path file, char[] password, String alias) {
        KeyStore store = "PKCS11".equalsIgnoreCase(type) ? pkcs11(file, password) : pkcs12(file, password);
        try {
            List<String> aliases = Collections.list(store.aliases());
            String entry = alias == null || alias.isBlank() ? (aliases.size() == 1 ? aliases.get(0) : null) : alias;
            Key key = entry == null ? null : store.getKey(entry, password);
            Certificate certificate = entry == null ? null : store.getCertificate(entry);
            if (!(key instanceof PrivateKey privateKey) || certificate == null) {
                throw new IllegalStateException("hub.evidence.key-alias: " + (entry == null ? "(not set)" : "'" + entry + "'")
                        + " names no private key with its certificate in " + file + "; it holds " + aliases);
            }
            boolean ed25519 = "EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm());
            boolean p256 = "EC".equals(key.getAlgorithm()) && certificate.getPublicKey() instanceof ECPublicKey ec
                    && ec.getParams().getCurve().getField().getFieldSize() == 256;
            if (!ed25519 && !p256) {
                throw new IllegalStateException("hub.evidence.key-store " + file + ": the key '" + entry + "' is "
                        + key.getAlgorithm() + "; checkpoints are signed with Ed25519 (keytool -keyalg Ed25519) or, in an "
                        + "HSM, ECDSA P-256 (keytool -keyalg EC -groupname secp256r1)");
            }
            return new Entry(privateKey, Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hub.evidence.key-store " + file + ": cannot read the key: " + e.getMessage(), e);
        }
    }

    private static KeyStore pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            String why = e.getCause() instanceof java.security.UnrecoverableKeyException || e.getMessage() != null
                    && e.getMessage().contains("password") ? "wrong password (hub.evidence.key-store-password-env)"
                    : e.getMessage();
            throw new IllegalStateException("hub.evidence.key-store " + file + ": cannot open it: " + why, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hub.evidence.key-store " + file + ": not a PKCS#12 keystore: " + e.getMessage(), e);
        }
    }

    /** The HSM's token, through the JDK's SunPKCS11 provider configured by {@code config}; installed for signing. */
    private static KeyStore pkcs11(Path config, char[] pin) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
            // Signing finds the token's provider among the installed ones: this instance, not an earlier one of the name.
            Security.removeProvider(provider.getName());
            Security.addProvider(provider);
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("hub.evidence.key-store " + config + " (PKCS#11): cannot log in to the token: "
                    + e.getMessage() + " (the PIN is hub.evidence.key-store-password-env's variable)", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("hub.evidence.key-store " + config + " (PKCS#11): cannot use the configuration: "
                    + e.getMessage(), e);
        }
    }
}

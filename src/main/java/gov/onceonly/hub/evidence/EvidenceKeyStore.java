package gov.onceonly.hub.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.List;

/**
 * The checkpoint key from a PKCS#12 keystore ({@code hub.evidence.key-store}, its password from the environment
 * variable {@code hub.evidence.key-store-password-env} names, the entry {@code hub.evidence.key-alias}), so that the
 * key is a file an operator provisions and protects, not a value in every replica's environment. Every error names
 * the property to fix.
 */
public final class EvidenceKeyStore {

    private EvidenceKeyStore() {
    }

    public static PrivateKey load(Path file, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            String why = e.getCause() instanceof java.security.UnrecoverableKeyException || e.getMessage() != null
                    && e.getMessage().contains("password") ? "wrong password (hub.evidence.key-store-password-env)"
                    : e.getMessage();
            throw new IllegalStateException("hub.evidence.key-store " + file + ": cannot open it: " + why, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hub.evidence.key-store " + file + ": not a PKCS#12 keystore: " + e.getMessage(), e);
        }
        try {
            List<String> aliases = Collections.list(store.aliases());
            String entry = alias == null || alias.isBlank() ? (aliases.size() == 1 ? aliases.get(0) : null) : alias;
            Key key = entry == null ? null : store.getKey(entry, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("hub.evidence.key-alias: " + (entry == null ? "(not set)" : "'" + entry + "'")
                        + " names no private key in " + file + "; it holds " + aliases);
            }
            if (!"EdDSA".equals(privateKey.getAlgorithm()) && !"Ed25519".equals(privateKey.getAlgorithm())) {
                throw new IllegalStateException("hub.evidence.key-store " + file + ": the key '" + entry + "' is "
                        + privateKey.getAlgorithm() + "; checkpoints are signed with Ed25519 (keytool -keyalg Ed25519)");
            }
            return privateKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hub.evidence.key-store " + file + ": cannot read the key: " + e.getMessage(), e);
        }
    }
}

package gov.onceonly.hub.security;

import gov.onceonly.hub.evidence.EvidenceProperties;
import gov.onceonly.hub.identity.IdentityProperties;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a hub outside the sandbox must have before it serves anyone: every secret set, at least 256 bits, no
 * placeholder, none shared with another, none published in the repository ({@link PublishedSecrets}); no clear
 * payloads at rest, the checkpoint key from a keystore or an HSM (never a value, never ephemeral), no published or
 * shared Ed25519 key, an identity provider to verify applicants' tokens against,
 * and no hot reload of route YAML (which is code) unless asked for by {@code hub.reload.allow-in-production}. {@link #problems} lists every finding at once, so one restart fixes all.
 */
public final class ProductionSafety {

    /** 256 bits: a clear-text secret needs at least this many bytes (UTF-8), a key exactly this many. */
    static final int MIN_SECRET_BYTES = 32;

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "change[-_ ]?me|changeit|replace[-_ ]?me|placeholder|example|sandbox|secret|password|<[^>]*>|\\$\\{",
            Pattern.CASE_INSENSITIVE);

    /** The two ways to give the checkpoint key outside the sandbox (docs/security.md, "Signed checkpoints and the key"). */
    private static final String EVIDENCE_KEY_WAYS = "give it as a PKCS#12 keystore, hub.evidence.key-store "
            + "(HUB_EVIDENCE_KEY_STORE, a file: keytool -genkeypair -keyalg Ed25519 -storetype PKCS12) with its password "
            + "in the variable hub.evidence.key-store-password-env names (HUB_EVIDENCE_KEY_STORE_PASSWORD), or in an HSM "
            + "through PKCS#11, hub.evidence.key-store-type=PKCS11 with hub.evidence.key-store the SunPKCS11 "
            + "configuration file and the PIN in that variable (docs/deployment.md)";

    /** One property to set or fix, and why. */
    public record Problem(String property, String reason) {
        @Override
        public String toString() {
            return property + ": " + reason;
        }
    }

    /**
     * What the checks read: the hub's configuration records, bound by config/ProductionModeGuard before anything
     * starts. Hot reload is given as its two switches ({@code hub.reload.enabled}, {@code .allow-in-production}): its
     * record is the reload package's, which depends on this one.
     */
    public record Settings(SecurityProperties security, ClientsProperties clients, EncryptionProperties encryption,
                           SigningProperties signing, EvidenceProperties evidence, IdentityProperties identity,
                           boolean hotReload, boolean hotReloadAllowedInProduction) {
    }

    private final PublishedSecrets published;

    public ProductionSafety(PublishedSecrets published) {
        this.published = published;
    }

    public List<Problem> problems(Settings settings) {
        List<Problem> problems = new ArrayList<>();
        secrets(settings.security(), settings.clients(), problems);
        encryption(settings.encryption(), problems);
        signingKeys(settings.evidence(), settings.signing(), problems);
        identityProvider(settings.identity(), problems);
        hotReload(settings, problems);
        return problems;
    }

    /** The passwords and client secrets: each set, strong, no placeholder, unpublished and its holder's own. */
    private void secrets(SecurityProperties security, ClientsProperties clients, List<Problem> problems) {
        Map<String, String> secrets = new LinkedHashMap<>();
        password("hub.security.operator.password (HUB_OPERATOR_PASSWORD)",
                orEmpty(security.operator().password()), secrets, problems);
        new TreeMap<>(security.accounts()).forEach((name, account) -> password("hub.security.accounts." + name + ".password",
                orEmpty(account.password()), secrets, problems));
        // By key, so that the message is the same on every start (the bound map keeps no order).
        new TreeMap<>(clients.clients()).forEach((key, client) -> secrets.put("hub.clients." + key + ".secret",
                orEmpty(client.secret()).strip()));
        secrets.forEach((property, value) -> checkSecret(property, value, problems));
        checkReuse(secrets, problems);
    }

    private void encryption(EncryptionProperties encryption, List<Problem> problems) {
        checkKey("hub.encryption.key (HUB_ENCRYPTION_KEY)", orEmpty(encryption.key()).strip(),
                "make one with `openssl rand -base64 32`", problems);
        for (String previous : orEmpty(encryption.previousKeys()).split(",")) {
            String[] idAndKey = previous.strip().split(":", 2);
            if (idAndKey.length == 2) {
                checkPublished("hub.encryption.previous-keys." + idAndKey[0].strip(), idAndKey[1].strip(), problems);
            }
        }
        if (encryption.allowPlaintext()) {
            problems.add(new Problem("hub.encryption.allow-plaintext",
                    "must be false: personal payloads are never stored or read in clear outside the sandbox"
                            + " (reseal an old database with POST /api/v1/ops/encryption/reseal in the sandbox first)"));
        }
    }

    /**
     * The evidence key from a keystore or an HSM, never a value (a keystore is checked as it is opened); the call
     * signing key Ed25519, not published, and not the evidence key.
     */
    private void signingKeys(EvidenceProperties evidence, SigningProperties signing, List<Problem> problems) {
        String evidenceKey = orEmpty(evidence.signingKey()).strip();
        if (!evidenceKey.isEmpty()) {
            problems.add(new Problem("hub.evidence.signing-key (HUB_EVIDENCE_SIGNING_KEY)", "is set: outside the sandbox "
                    + "the checkpoint key is never a value in the environment or the properties, which every replica "
                    + "holds and shows; " + EVIDENCE_KEY_WAYS));
        } else if (orEmpty(evidence.keyStore()).isBlank()) {
            problems.add(new Problem("hub.evidence.key-store (HUB_EVIDENCE_KEY_STORE)", "is not set: without it the "
                    + "checkpoint key would be ephemeral, dying with the process, and its checkpoints would prove nothing; "
                    + EVIDENCE_KEY_WAYS));
        }
        String callKey = orEmpty(signing.privateKey()).strip();
        checkEd25519Key("hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY)", callKey,
                "departments verify the hub's calls with its public half", problems);
        if (!callKey.isEmpty() && callKey.equals(evidenceKey)) {
            problems.add(new Problem("hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY)",
                    "is the evidence signing key: each key has one use"));
        }
    }

    private static void identityProvider(IdentityProperties identity, List<Problem> problems) {
        String jwks = orEmpty(identity.jwksUri()).strip();
        if (jwks.isEmpty()) {
            problems.add(new Problem("hub.identity.jwks-uri (HUB_IDENTITY_JWKS_URI)", "is not set: applicants' identities "
                    + "are proven by the identity provider's tokens, verified against its published keys"));
        } else if (!jwks.startsWith("https://") && !jwks.startsWith("http://127.0.0.1:")
                && !jwks.startsWith("http://localhost:")) {
            problems.add(new Problem("hub.identity.jwks-uri (HUB_IDENTITY_JWKS_URI)", "must be https (or loopback): the "
                    + "keys that prove every applicant's identity must come from the provider itself"));
        }
        if (orEmpty(identity.issuer()).isBlank()) {
            problems.add(new Problem("hub.identity.issuer (HUB_IDENTITY_ISSUER)", "is not set: the identity provider's "
                    + "issuer, which every token must name"));
        }
    }

    private static void hotReload(Settings settings, List<Problem> problems) {
        if (settings.hotReload() && !settings.hotReloadAllowedInProduction()) {
            problems.add(new Problem("hub.reload.enabled",
                    "must be false: hot reload runs route YAML, which is code, from a folder; set"
                            + " hub.reload.allow-in-production=true as well if that folder is as guarded as the jar"));
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A hash ({bcrypt}...) cannot show its strength, but a published one is still refused; clear text is a secret. */
    private void password(String property, String value, Map<String, String> secrets, List<Problem> problems) {
        if (value.strip().startsWith("{")) {
            checkPublished(property, value.strip(), problems);
        } else {
            secrets.put(property, value.strip());
        }
    }

    private void checkSecret(String property, String value, List<Problem> problems) {
        if (value.isEmpty()) {
            problems.add(new Problem(property, "is not set (make one with `openssl rand -base64 48`)"));
            return;
        }
        if (published.contains(value)) {
            problems.add(new Problem(property, "is a value published in the repository"));
        } else if (PLACEHOLDER.matcher(value).find()) {
            problems.add(new Problem(property, "is a placeholder, not a secret"));
        } else if (value.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add(new Problem(property, "is shorter than 256 bits (" + MIN_SECRET_BYTES + " bytes)"));
        }
    }

    private static void checkReuse(Map<String, String> secrets, List<Problem> problems) {
        Map<String, String> firstHolder = new LinkedHashMap<>();
        secrets.forEach((property, value) -> {
            if (value.isEmpty()) {
                return;
            }
            String first = firstHolder.putIfAbsent(value, property);
            if (first != null) {
                problems.add(new Problem(property, "is the same as " + first + ": each holder needs its own secret"));
            }
        });
    }

    private void checkKey(String property, String base64, String howToMake, List<Problem> problems) {
        if (base64.isEmpty()) {
            problems.add(new Problem(property, "is not set (" + howToMake + ")"));
            return;
        }
        if (published.contains(base64)) {
            problems.add(new Problem(property, "is a value published in the repository"));
            return;
        }
        try {
            if (Base64.getDecoder().decode(base64).length != MIN_SECRET_BYTES) {
                problems.add(new Problem(property, "must be 256 bits: 32 bytes in base64 (" + howToMake + ")"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(property, "is not base64 (" + howToMake + ")"));
        }
    }

    private void checkPublished(String property, String value, List<Problem> problems) {
        if (published.contains(value)) {
            problems.add(new Problem(property, "is a value published in the repository"));
        }
    }

    private void checkEd25519Key(String property, String base64, String why, List<Problem> problems) {
        if (base64.isEmpty()) {
            problems.add(new Problem(property, "is not set: " + why + " (make one as docs/deployment.md shows)"));
        } else if (published.contains(base64)) {
            problems.add(new Problem(property, "is a value published in the repository"));
        } else if (!isEd25519PrivateKey(base64)) {
            problems.add(new Problem(property,
                    "is not an Ed25519 private key (PKCS#8 DER in base64; docs/deployment.md shows how to make one)"));
        }
    }

    private static boolean isEd25519PrivateKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))) != null;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The one message a refused start prints: every property to set, one per line. */
    public static String describe(List<Problem> problems) {
        StringBuilder message = new StringBuilder("The hub runs in production mode (the sandbox profile is not active)"
                + " and refuses to start until these are set (docs/deployment.md lists every secret and how to make it):");
        problems.forEach(p -> message.append(System.lineSeparator()).append("  - ").append(p));
        return message.toString();
    }
}

package gov.onceonly.hub.security;

import gov.onceonly.hub.config.ProductionModeGuard;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSafetyTest {

    private final ProductionSafety safety = new ProductionSafety(PublishedSecrets.load());

    @Test
    void aHubConfiguredAsDocumentedForProductionHasNothingToFix() {
        assertThat(problems(safety, strong())).isEmpty();
    }

    @Test
    void theSandboxValuesAreEachRefusedInOneList() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("hub.security.operator.password", "sandbox-operator")
                .withProperty("hub.clients.sandbox-portal.role", "channel")
                .withProperty("hub.clients.sandbox-portal.secret", "sandbox-portal-secret")
                .withProperty("hub.signing.private-key", "MC4CAQAwBQYDK2VwBCIEIHOKz9xtJINKGt2t7AaJxMiy9ND0mGl7kuc30E9BpLcn")
                .withProperty("hub.encryption.key", "NlVF+937OslNZfXl2+gkOuMMrll3/QoehRgb/LQoLUU=")
                .withProperty("hub.encryption.allow-plaintext", "true")
                .withProperty("hub.evidence.signing-key", "MC4CAQAwBQYDK2VwBCIEILlNHDf22iyPJBcwwPRT99zOeWkRk0EyWQd2K9GiQkVW")
                .withProperty("hub.reload.enabled", "true");

        List<ProductionSafety.Problem> problems = problems(safety, env);

        assertThat(problems).extracting(ProductionSafety.Problem::property).containsExactly(
                "hub.security.operator.password (HUB_OPERATOR_PASSWORD)", "hub.clients.sandbox-portal.secret",
                "hub.encryption.key (HUB_ENCRYPTION_KEY)", "hub.encryption.allow-plaintext",
                "hub.evidence.signing-key (HUB_EVIDENCE_SIGNING_KEY)", "hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY)",
                "hub.identity.jwks-uri (HUB_IDENTITY_JWKS_URI)", "hub.identity.issuer (HUB_IDENTITY_ISSUER)",
                "hub.reload.enabled");
        assertThat(problems).filteredOn(p -> !p.property().startsWith("hub.encryption.allow")
                        && !p.property().startsWith("hub.reload") && !p.property().startsWith("hub.identity")
                        && !p.property().startsWith("hub.evidence"))
                .extracting(ProductionSafety.Problem::reason)
                .containsOnly("is a value published in the repository");
        assertThat(problems).filteredOn(p -> p.property().startsWith("hub.evidence")).extracting(ProductionSafety.Problem::reason)
                .singleElement().asString().startsWith("is set: outside the sandbox the checkpoint key is never a value");
    }

    @Test
    void missingSecretsAreListedWithHowToMakeThem() {
        List<ProductionSafety.Problem> problems = problems(safety, new MockEnvironment());

        assertThat(problems).extracting(ProductionSafety.Problem::property).containsExactly(
                "hub.security.operator.password (HUB_OPERATOR_PASSWORD)", "hub.encryption.key (HUB_ENCRYPTION_KEY)",
                "hub.evidence.key-store (HUB_EVIDENCE_KEY_STORE)", "hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY)",
                "hub.identity.jwks-uri (HUB_IDENTITY_JWKS_URI)", "hub.identity.issuer (HUB_IDENTITY_ISSUER)");
        assertThat(problems).allSatisfy(p -> assertThat(p.reason()).startsWith("is not set"));
        assertThat(ProductionSafety.describe(problems)).contains("openssl rand -base64 32", "docs/deployment.md");
    }

    @Test
    void aShortSecretAPlaceholderAndASharedSecretAreRefused() {
        String shared = random(48);
        MockEnvironment env = strong()
                .withProperty("hub.clients.portal.secret", "too-short-1234567")
                .withProperty("hub.clients.kiosk.role", "channel")
                .withProperty("hub.clients.kiosk.secret", "change-me-change-me-change-me-change-me")
                .withProperty("hub.clients.weijian.role", "department")
                .withProperty("hub.clients.weijian.department", "市卫生健康委")
                .withProperty("hub.clients.weijian.secret", shared)
                .withProperty("hub.security.operator.password", shared);

        assertThat(problems(safety, env)).extracting(ProductionSafety.Problem::toString).containsExactlyInAnyOrder(
                "hub.clients.portal.secret: is shorter than 256 bits (32 bytes)",
                "hub.clients.kiosk.secret: is a placeholder, not a secret",
                "hub.clients.weijian.secret: is the same as hub.security.operator.password (HUB_OPERATOR_PASSWORD): each "
                        + "holder needs its own secret");
    }

    @Test
    void anEncryptionKeyOfTheWrongLengthOrNotBase64IsRefused() {
        assertThat(problems(safety, strong().withProperty("hub.encryption.key", random(16))))
                .extracting(ProductionSafety.Problem::reason).containsExactly(
                        "must be 256 bits: 32 bytes in base64 (make one with `openssl rand -base64 32`)");
        assertThat(problems(safety, strong().withProperty("hub.encryption.key", "not base64!")))
                .extracting(ProductionSafety.Problem::reason).containsExactly(
                        "is not base64 (make one with `openssl rand -base64 32`)");
    }

    @Test
    void hotReloadServesOnlyWhenExplicitlyAllowed() {
        MockEnvironment env = strong().withProperty("hub.reload.enabled", "true");
        assertThat(problems(safety, env)).extracting(ProductionSafety.Problem::property).containsExactly("hub.reload.enabled");
        assertThat(problems(safety, env.withProperty("hub.reload.allow-in-production", "true"))).isEmpty();
    }

    @Test
    void everyAccountsPasswordIsASecretOfItsOwn() {
        MockEnvironment env = strong()
                .withProperty("hub.security.accounts.prometheus.role", "viewer")
                .withProperty("hub.security.accounts.prometheus.password", "sandbox-prometheus")
                .withProperty("hub.security.accounts.auditor.role", "viewer");
        env.withProperty("hub.security.accounts.auditor.password", env.getProperty("hub.security.operator.password"));

        assertThat(problems(safety, env)).extracting(ProductionSafety.Problem::toString).containsExactlyInAnyOrder(
                "hub.security.accounts.auditor.password: is the same as hub.security.operator.password "
                        + "(HUB_OPERATOR_PASSWORD): each holder needs its own secret",
                "hub.security.accounts.prometheus.password: is a value published in the repository");
    }

    @Test
    void aHashedOperatorPasswordIsAcceptedUnlessPublished() {
        assertThat(problems(safety, strong().withProperty("hub.security.operator.password",
                "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z7PZ8h4C1j6r9rO1Bq0o3eDe"))).isEmpty();
    }

    static MockEnvironment strong() {
        return new MockEnvironment()
                .withProperty("hub.security.operator.password", random(32))
                .withProperty("hub.clients.portal.role", "channel")
                .withProperty("hub.clients.portal.secret", random(48))
                .withProperty("hub.signing.private-key", ed25519())
                .withProperty("hub.encryption.key", random(32))
                .withProperty("hub.evidence.key-store", "/run/secrets/evidence.p12")
                .withProperty("hub.identity.jwks-uri", "https://idp.gov.example/jwks.json")
                .withProperty("hub.identity.issuer", "https://idp.gov.example");
    }

    @Test
    void theIdentityProvidersKeysComeOverHttps() {
        assertThat(problems(safety, strong().withProperty("hub.identity.jwks-uri", "http://idp.gov.example/jwks.json")))
                .extracting(ProductionSafety.Problem::toString).singleElement().asString()
                .startsWith("hub.identity.jwks-uri (HUB_IDENTITY_JWKS_URI): must be https");
    }

    /**
     * Outside the sandbox the checkpoint key comes from a PKCS#12 keystore or an HSM (PKCS#11), never as a value in
     * the environment or the properties, which every replica's environment, process listing and crash dump would hold.
     */
    @Test
    void theCheckpointKeyGivenAsAValueIsRefusedNamingTheTwoWaysToGiveIt() {
        for (MockEnvironment env : List.of(strong().withProperty("hub.evidence.signing-key", ed25519()),
                strong().withProperty("hub.evidence.signing-key", ed25519()).withProperty("hub.evidence.key-store", ""))) {
            List<ProductionSafety.Problem> problems = problems(safety, env);
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).property()).isEqualTo("hub.evidence.signing-key (HUB_EVIDENCE_SIGNING_KEY)");
            assertThat(problems.get(0).reason()).startsWith("is set: outside the sandbox the checkpoint key is never a value")
                    .contains("hub.evidence.key-store", "PKCS#12", "keytool -genkeypair -keyalg Ed25519 -storetype PKCS12",
                            "hub.evidence.key-store-password-env", "PKCS#11", "hub.evidence.key-store-type=PKCS11");
        }
        assertThat(problems(safety, strong().withProperty("hub.evidence.key-store", "")))
                .extracting(ProductionSafety.Problem::toString).singleElement().asString()
                .startsWith("hub.evidence.key-store (HUB_EVIDENCE_KEY_STORE): is not set")
                .contains("PKCS#12", "PKCS#11");
        assertThat(problems(safety, strong().withProperty("hub.evidence.key-store-type", "PKCS11")
                .withProperty("hub.evidence.key-store", "/etc/hub/softhsm.cfg"))).as("an HSM").isEmpty();
    }

    @Test
    void theCallSigningKeyIsAnEd25519KeyOfItsOwn() {
        String key = ed25519();
        MockEnvironment env = strong().withProperty("hub.evidence.signing-key", key).withProperty("hub.signing.private-key", key);
        assertThat(problems(safety, env)).extracting(ProductionSafety.Problem::toString).contains(
                "hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY): is the evidence signing key: each key has one use");
        assertThat(problems(safety, strong().withProperty("hub.signing.private-key", random(48))))
                .extracting(ProductionSafety.Problem::reason).singleElement().asString().startsWith("is not an Ed25519 private key");
    }

    static String ed25519() {
        try {
            return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                    .getPrivate().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    /** The checks as the hub makes them: on the records ProductionModeGuard binds from the environment. */
    static List<ProductionSafety.Problem> problems(ProductionSafety safety, Environment env) {
        return safety.problems(ProductionModeGuard.settings(env));
    }
}

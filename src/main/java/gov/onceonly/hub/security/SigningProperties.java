package gov.onceonly.hub.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The key the hub signs its http calls to departments with (hub.signing.*): RFC 9421 HTTP Message Signatures
 * and Ed25519 (DepartmentCallSigner). Departments verify with the public half, published at
 * /.well-known/jwks.json (docs/security.md).
 *
 * @param keyId the key's name in every signature
 * @param privateKey PKCS#8 DER, base64, from the environment (HUB_SIGNING_PRIVATE_KEY;
 *        openssl genpkey -algorithm ed25519 -outform DER | base64 -w0); empty, in the sandbox only, the hub
 *        makes one for its lifetime
 */
@Validated
@ConfigurationProperties("hub.signing")
public record SigningProperties(
        @DefaultValue("onceonly-hub") @NotBlank String keyId,
        @DefaultValue("") String privateKey) {
}

package gov.onceonly.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The hub's public signing key as JWKS, for departments to verify its calls: public, like any JWKS. */
@RestController
public class HubKeysController {

    private final DepartmentCallSigner signer;

    public HubKeysController(DepartmentCallSigner signer) {
        this.signer = signer;
    }

    @Operation(summary = "The hub's public signing keys (JWKS)")
    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    public Map<String, Object> jwks() {
        return signer.jwks();
    }
}

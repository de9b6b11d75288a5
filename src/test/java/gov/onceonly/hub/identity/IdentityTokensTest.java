package gov.onceonly.hub.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityTokensTest {

    @Test
    void aProviderWhoseKeysCannotBeFetchedIsUnavailableNotARefusal() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        IdentityTokens tokens = new IdentityTokens(() -> new IdentityProperties(
                "http://127.0.0.1:" + closed + "/jwks.json", "https://idp.example", "onceonly-hub", "", ""));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
                new JWTClaimsSet.Builder().issuer("https://idp.example").subject("500101199001011237")
                        .audience("onceonly-hub").expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate()));

        assertThatThrownBy(() -> tokens.verify(jwt.serialize())).isInstanceOf(IdentityTokens.Unavailable.class);
        assertThatThrownBy(() -> tokens.verify("not.a.token")).isInstanceOf(IdentityTokens.Rejected.class);
    }
}

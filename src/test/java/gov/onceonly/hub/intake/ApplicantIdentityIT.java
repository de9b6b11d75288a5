package gov.onceonly.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import gov.onceonly.hub.HubClient;
import gov.onceonly.hub.HubIntegrationTest;
import gov.onceonly.hub.sandbox.SandboxApplications;
import gov.onceonly.hub.sandbox.SandboxIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's identity is proven by the identity provider's token, not asserted by the channel: without one, with
 * a forged one, or with someone else's, nothing is accepted; for an enterprise the token is its agent's, and the
 * business registry must show that agent as its legal representative.
 */
class ApplicantIdentityIT extends HubIntegrationTest {

    @Autowired
    SandboxApplications applications;

    @Test
    void anApplicationWithoutTheApplicantsTokenIsRefused() throws Exception {
        var mother = familiesWithBirthRecords().get(191).mother();
        long before = count("application");

        HttpResponse<String> refused = hub.withoutIdentityToken().post("/api/v1/applications",
                HubClient.newborn(mother.idNumber(), mother.name()));

        assertRefused(refused, HubClient.APPLICANT_IDENTITY, "missing");
        assertThat(count("application")).isEqualTo(before);
    }

    @Test
    void aForgedOrAnotherPersonsTokenIsRefused() throws Exception {
        var mother = familiesWithBirthRecords().get(192).mother();
        var someoneElse = familiesWithBirthRecords().get(193).mother();
        long before = count("application");
        String application = HubClient.newborn(mother.idNumber(), mother.name());

        // Claims a provider would sign, signed by a key that is not the provider's.
        RSAPrivateKey notTheProvidersKey = (RSAPrivateKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("sandbox-idp").build(),
                new JWTClaimsSet.Builder().issuer(SandboxIdentityProvider.ISSUER).subject(mother.idNumber())
                        .audience("onceonly-hub").expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        forged.sign(new RSASSASigner(notTheProvidersKey));
        assertRefused(post(application, forged.serialize()), HubClient.APPLICANT_IDENTITY, "invalid");
        assertRefused(post(application, "not.a.token"), HubClient.APPLICANT_IDENTITY, "invalid");
        assertRefused(post(application, sandbox.identityProvider().tokenFor(someoneElse.idNumber())),
                HubClient.APPLICANT_IDENTITY, "subject");
        assertThat(count("application")).isEqualTo(before);

        assertThat(post(application, sandbox.identityProvider().tokenFor(mother.idNumber())).statusCode()).isEqualTo(202);
    }

    @Test
    void anEnterprisesAgentMustBeItsLegalRepresentativeInTheRegistry() throws Exception {
        ObjectNode application = (ObjectNode) json.readTree(applications.sample("business-startup").json());
        String representative = application.path("applicant").path("idNumber").asText();
        String stranger = familiesWithBirthRecords().get(194).mother().idNumber();
        ((ObjectNode) application.path("applicant")).put("idNumber", stranger);

        // The stranger's own token proves who they are, but not that they may act for the enterprise.
        HttpResponse<String> refused = post(application.toString(), sandbox.identityProvider().tokenFor(stranger));
        assertRefused(refused, "applicant.idNumber", "agent");

        ((ObjectNode) application.path("applicant")).put("idNumber", representative);
        assertThat(post(application.toString(), sandbox.identityProvider().tokenFor(representative)).statusCode())
                .isEqualTo(202);
    }

    private HttpResponse<String> post(String application, String token) throws Exception {
        var headers = HubClient.signature(HubClient.PORTAL_KEY, HubClient.PORTAL_SECRET, "POST",
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/applications"),
                application.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/applications"))
                .header("Content-Type", "application/json").header(HubClient.APPLICANT_IDENTITY, token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(application));
        headers.forEach(request::header);
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> response, String field, String rule) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = hub.body(response).path("errors").path(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("rule").asText()).isEqualTo(rule);
    }
}

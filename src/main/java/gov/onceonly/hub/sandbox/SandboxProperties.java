package gov.onceonly.hub.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated departments of the sandbox profile (hub.sandbox.*, SandboxConfiguration). SANDBOX
 * ONLY: its keys are published in application-sandbox.properties.
 *
 * @param departments false: this hub starts no departments of its own (a test's second hub uses the first's, through
 *        the addresses below)
 * @param families synthetic newborn families
 * @param reportStatus whether the departments' back-office systems decide what they receive (ACCEPTED, then DONE with
 *        the outputs the mapping declares, SandboxDecisions); false leaves every item DELIVERED until a
 *        department (or you, with curl) reports
 * @param port the departments' HTTP server; 0: a free one
 * @param kafkaBootstrapServers where the departments reach Kafka: the hub's brokers, maybe by another listener (as a
 *        department would)
 * @param identityProvider the sandbox's identity provider
 * @param witness the sandbox's witness of the ledger
 * @param url the departments' HTTP server, published by the sandbox once it is up (the connector files point at it)
 * @param postgresUrl the departments' database server, published by the sandbox
 * @param postgresUser the user of the departments' databases, published by the sandbox
 * @param dropDir where the departments' nightly file drops are, published by the sandbox
 */
@Validated
@ConfigurationProperties("hub.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean departments,
        @DefaultValue("200") @Positive int families,
        @DefaultValue("false") boolean reportStatus,
        @DefaultValue("18090") @PositiveOrZero int port,
        @NotBlank String kafkaBootstrapServers,
        @DefaultValue @Valid IdentityProvider identityProvider,
        @DefaultValue @Valid Witness witness,
        String url,
        String postgresUrl,
        String postgresUser,
        String dropDir) {

    /**
     * @param signingKey the RSA key (PKCS#8, base64) the sandbox's provider signs the applicants' identity tokens with
     */
    public record IdentityProvider(@NotBlank String signingKey) {
    }

    /**
     * @param signingKey the sandbox witness's Ed25519 key (PKCS#8 DER, base64)
     */
    public record Witness(@NotBlank String signingKey) {
    }
}

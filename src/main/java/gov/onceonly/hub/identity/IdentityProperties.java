package gov.onceonly.hub.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The identity provider whose tokens prove who an applicant is (hub.identity.*, docs/security.md). Production
 * sets the provider (HUB_IDENTITY_JWKS_URI, HUB_IDENTITY_ISSUER); outside the sandbox the hub refuses to start without
 * them (security/ProductionSafety).
 *
 * @param jwksUri where the provider publishes its keys (JWKS); https, or loopback
 * @param issuer the provider's issuer, which every token must name
 * @param audience the audience every token must name: this hub
 * @param enterpriseRegistry for an enterprise, the token is its agent's, whom this source dataset
 *        (<connector>/<dataset>, the business registry) must show as its legal representative or agent
 * @param enterpriseAgentFields the registry's fields (comma-separated) that name the enterprise's agents by ID number
 */
@Validated
@ConfigurationProperties("hub.identity")
public record IdentityProperties(
        @DefaultValue("") String jwksUri,
        @DefaultValue("") String issuer,
        @DefaultValue("onceonly-hub") String audience,
        @DefaultValue("scjg-enterprise-registry/enterprise") String enterpriseRegistry,
        @DefaultValue("legalRepIdNumber") String enterpriseAgentFields) {
}

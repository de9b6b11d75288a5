package gov.onceonly.hub.connector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The department connectors (hub.connectors.*).
 *
 * @param allowPlaintext outside the sandbox no department endpoint may be in clear (TransportSecurity): https,
 *        sslmode=verify-full (JDBC), Kafka over SSL or SASL_SSL; true only where a mesh or a tunnel encrypts
 *        below the hub
 */
@Validated
@ConfigurationProperties("hub.connectors")
public record ConnectorsProperties(@DefaultValue("false") boolean allowPlaintext) {
}

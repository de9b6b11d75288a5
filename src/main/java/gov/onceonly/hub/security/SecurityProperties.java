package gov.onceonly.hub.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * Who may call and how often (hub.security.*, docs/security.md): the operator and the other accounts
 * (OperatorAccount), the signed calls' time window and per-address limit (SignedRequestFilter), and
 * the failed-login throttle (LoginThrottle).
 *
 * @param operator the operator, an admin: the ops endpoints, Hawtio and Jolokia
 * @param accounts other accounts by name: hub.security.accounts.<name>.password (from the environment) and
 *        .role (viewer, operator or admin); Prometheus scrapes /actuator/prometheus as a viewer
 * @param signatureWindow a signed call's timestamp may be this far from the hub's clock; its nonce is kept twice as long
 * @param addressLimit each remote address's token bucket, checked before anything else of a signed call
 * @param loginThrottle failed logins (operator accounts, form or HTTP Basic)
 */
@Validated
@ConfigurationProperties("hub.security")
public record SecurityProperties(
        @DefaultValue @Valid Operator operator,
        Map<String, Account> accounts,
        @DefaultValue("5m") @DurationMin(millis = 1) Duration signatureWindow,
        @DefaultValue @Valid AddressLimit addressLimit,
        @DefaultValue @Valid LoginThrottle loginThrottle) {

    public SecurityProperties {
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
    }

    /**
     * The operator account.
     *
     * @param username its name
     * @param password clear text or {bcrypt}<hash>, from the environment (HUB_OPERATOR_PASSWORD)
     */
    public record Operator(@DefaultValue("operator") String username, @DefaultValue("") String password) {
    }

    /**
     * One more account.
     *
     * @param password clear text or {bcrypt}<hash>, from the environment
     * @param role viewer, operator or admin
     */
    public record Account(String password, String role) {
    }

    /**
     * A token bucket per remote address. Behind a reverse proxy every caller has the proxy's address: raise it there,
     * or let the proxy limit per caller.
     *
     * @param requestsPerSecond the bucket's refill rate
     * @param burst the bucket's size
     */
    public record AddressLimit(
            @DefaultValue("1000") @Positive double requestsPerSecond,
            @DefaultValue("2000") @Positive int burst) {
    }

    /**
     * Past this many failed logins per account, or per address, in the window, further logins are refused (429) until
     * the oldest failure leaves the window.
     *
     * @param perAccount failures allowed per account
     * @param perAddress failures allowed per remote address
     * @param window how long a failure counts
     */
    public record LoginThrottle(
            @DefaultValue("5") @Positive int perAccount,
            @DefaultValue("20") @Positive int perAddress,
            @DefaultValue("15m") @DurationMin(millis = 1) Duration window) {
    }
}

package gov.onceonly.hub.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operator who may use the ops endpoints, Hawtio and Jolokia. The password comes from configuration or the
 * environment ({@code HUB_OPERATOR_PASSWORD}); a value without an {@code {id}} prefix is hashed with bcrypt at
 * startup, so the clear text is never kept, and a value like {@code {bcrypt}$2a$...} is used as it is.
 */
public final class OperatorAccount {

    public static final String ROLE = "OPERATOR";

    private OperatorAccount() {
    }

    public static UserDetails of(String username, String password, PasswordEncoder encoder) {
        if (username == null || username.isBlank()) {
            throw new IllegalStateException("hub.security.operator.username is empty: the operator needs a name");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("hub.security.operator.password is empty: set HUB_OPERATOR_PASSWORD "
                    + "(clear text, or {bcrypt}<hash>) so that the ops endpoints, Hawtio and Jolokia can be reached");
        }
        String stored = password.startsWith("{") ? password : encoder.encode(password);
        return User.withUsername(username).password(stored).roles(ROLE).build();
    }

    public static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

package gov.onceonly.hub.config;

import gov.onceonly.hub.evidence.EvidenceProperties;
import gov.onceonly.hub.identity.IdentityProperties;
import gov.onceonly.hub.reload.ReloadProperties;
import gov.onceonly.hub.security.ClientsProperties;
import gov.onceonly.hub.security.EncryptionProperties;
import gov.onceonly.hub.security.ProductionSafety;
import gov.onceonly.hub.security.PublishedSecrets;
import gov.onceonly.hub.security.SecurityProperties;
import gov.onceonly.hub.security.SigningProperties;
import gov.onceonly.hub.security.UnsafeProductionConfigurationException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.ClassUtils;

import java.util.List;

/**
 * The hub runs in production mode unless the {@code sandbox} profile is active. In production mode it checks its
 * secrets and switches ({@link ProductionSafety}) before anything starts (the first initializer: no database, broker
 * or port is opened by a hub that will be refused), and refuses to start with the whole list.
 */
public class ProductionModeGuard implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    public static final String SANDBOX_PROFILE = "sandbox";
    /** Left out of the production build with the rest of the sandbox. */
    private static final String SANDBOX_MARKER = "gov.onceonly.hub.sandbox.SandboxConfiguration";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (env.acceptsProfiles(Profiles.of(SANDBOX_PROFILE))) {
            if (!ClassUtils.isPresent(SANDBOX_MARKER, context.getClassLoader())) {
                // A production jar (mvn package -Dproduction) has no sandbox to run: the profile would only skip the checks.
                throw new UnsafeProductionConfigurationException(List.of(new ProductionSafety.Problem("spring.profiles.active",
                        "names the sandbox profile, but this is the production build, which has no sandbox")));
            }
            return;
        }
        List<ProductionSafety.Problem> problems = new ProductionSafety(PublishedSecrets.load()).problems(settings(env));
        if (!problems.isEmpty()) {
            throw new UnsafeProductionConfigurationException(problems);
        }
    }

    /**
     * What {@link ProductionSafety} checks, bound from the environment into the same records the beans get later
     * (PropertiesConfiguration): this initializer runs before any bean exists. Binding is not validation: a value the
     * records' constraints refuse is reported when the context binds them.
     */
    public static ProductionSafety.Settings settings(Environment env) {
        Binder binder = Binder.get(env);
        ReloadProperties reload = binder.bindOrCreate("hub.reload", ReloadProperties.class);
        return new ProductionSafety.Settings(binder.bindOrCreate("hub.security", SecurityProperties.class),
                binder.bindOrCreate("hub", ClientsProperties.class),
                binder.bindOrCreate("hub.encryption", EncryptionProperties.class),
                binder.bindOrCreate("hub.signing", SigningProperties.class),
                binder.bindOrCreate("hub.evidence", EvidenceProperties.class),
                binder.bindOrCreate("hub.identity", IdentityProperties.class),
                reload.enabled(), reload.allowInProduction());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

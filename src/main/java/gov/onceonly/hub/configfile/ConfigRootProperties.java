package gov.onceonly.hub.configfile;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Where the configuration folders are (hub.config-root).
 *
 * @param configRoot the folder holding connectors/, mappings/ and routes/
 */
@Validated
@ConfigurationProperties("hub")
public record ConfigRootProperties(@DefaultValue(".") @NotBlank String configRoot) {

    /** #configRoot as a path. */
    public Path root() {
        return Path.of(configRoot);
    }
}

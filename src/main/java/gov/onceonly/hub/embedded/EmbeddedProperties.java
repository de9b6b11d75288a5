package gov.onceonly.hub.embedded;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL and Kafka (hub.embedded.*), started unless spring.datasource.url or
 * hub.kafka.bootstrap-servers name external ones (EmbeddedInfrastructure, which binds this record
 * before any bean exists). Left out of the production build with the rest of the package.
 *
 * @param enabled false: never start them, whatever is configured
 * @param dataDir where they keep their data (the sandbox's drops and witness state too)
 * @param postgres the embedded PostgreSQL
 * @param kafka the embedded KRaft broker
 */
@Validated
@ConfigurationProperties("hub.embedded")
public record EmbeddedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data") @NotBlank String dataDir,
        @DefaultValue @Valid Postgres postgres,
        @DefaultValue @Valid Kafka kafka) {

    /** #dataDir as a path. */
    public Path dataPath() {
        return Path.of(dataDir);
    }

    /**
     * @param port its port; 0: a free one
     * @param adminUser its superuser, published by the embedded PostgreSQL once it runs, for the sandbox to create its
     *        departments' databases with (the hub itself runs as hub_app)
     */
    public record Postgres(@DefaultValue("0") @PositiveOrZero int port, String adminUser) {
    }

    /**
     * @param port its port (the controller listens on the next one); 0: free ones
     * @param partitions partitions of every topic it creates
     */
    public record Kafka(@DefaultValue("0") @PositiveOrZero int port, @DefaultValue("4") @Positive int partitions) {
    }
}

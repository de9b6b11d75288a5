package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class TransportSecurityTest {

    @Test
    void eachKindSaysWhenItTravelsInClear() {
        assertThat(TransportSecurity.plaintext(ConnectorKind.HTTP, "https://gongan.gov.example/population", "")).isEmpty();
        assertThat(TransportSecurity.plaintext(ConnectorKind.HTTP, "http://gongan.gov.example/population", ""))
                .hasValue("http://gongan.gov.example/population is plain http: use https");
        assertThat(TransportSecurity.plaintext(ConnectorKind.HTTP, "http://127.0.0.1:18090/gongan", "")).as("loopback").isEmpty();

        assertThat(TransportSecurity.plaintext(ConnectorKind.JDBC,
                "jdbc:postgresql://db.gov.example:5432/births?sslmode=verify-full", "")).isEmpty();
        assertThat(TransportSecurity.plaintext(ConnectorKind.JDBC,
                "jdbc:mariadb://db.gov.example:3306/exchange?sslMode=verify-full", "")).isEmpty();
        assertThat(TransportSecurity.plaintext(ConnectorKind.JDBC, "jdbc:postgresql://db.gov.example:5432/births?sslmode=require", ""))
                .hasValueSatisfying(why -> assertThat(why).contains("sslmode=verify-full"));
        assertThat(TransportSecurity.plaintext(ConnectorKind.JDBC, "jdbc:postgresql://127.0.0.1:5432/births", "")).isEmpty();

        assertThat(TransportSecurity.plaintext(ConnectorKind.KAFKA, "kafka-1.gov.example:9093", "SASL_SSL")).isEmpty();
        assertThat(TransportSecurity.plaintext(ConnectorKind.KAFKA, "kafka-1.gov.example:9092", "PLAINTEXT"))
                .hasValueSatisfying(why -> assertThat(why).contains("hub.kafka.client.security.protocol"));
        assertThat(TransportSecurity.plaintext(ConnectorKind.KAFKA, "127.0.0.1:9092,localhost:9093", "PLAINTEXT")).isEmpty();
    }

    @Test
    void everyConnectorOfTheRepositoryIsCheckedWithItsFileAndPath() {
        ConnectorCatalog connectors = ConnectorCatalog.load(Path.of("."), Path.of("connectors"));
        // The connectors' defaults: the sandbox, as a hub without department addresses would resolve them elsewhere.
        MockEnvironment env = new MockEnvironment()
                .withProperty("hub.sandbox.url", "http://departments.example")
                .withProperty("hub.sandbox.postgres-url", "jdbc:postgresql://databases.example:5432")
                .withProperty("hub.kafka.bootstrap-servers", "kafka-1.example:9092")
                .withProperty("YBJ_KAFKA_BROKERS", "kafka.ybj.example:9092");

        List<ConfigProblem> inClear = problems(connectors, env);

        assertThat(inClear).extracting(ConfigProblem::path).contains("http.baseUrl", "jdbc.url", "kafka.brokers");
        assertThat(inClear).filteredOn(p -> p.path().equals("kafka.brokers")).as("only the department's own brokers")
                .allSatisfy(p -> assertThat(p.message()).contains("kafka.ybj.example"));
        assertThat(inClear).anySatisfy(p -> assertThat(p.file()).isEqualTo("connectors/gongan-population.yaml"));
        assertThat(problems(connectors, env
                .withProperty("hub.sandbox.url", "https://departments.example")
                .withProperty("hub.sandbox.postgres-url", "jdbc:postgresql://databases.example:5432")
                .withProperty("camel.component.kafka.security-protocol", "SSL")))
                .extracting(ConfigProblem::path).doesNotContain("http.baseUrl", "kafka.brokers");
    }

    /** As config/PipelineConfiguration asks: the hub's Kafka settings, and Camel's own protocol option. */
    public static List<ConfigProblem> problems(ConnectorCatalog connectors, Environment env) {
        return TransportSecurity.problems(connectors, env, Binder.get(env).bindOrCreate("hub.kafka", KafkaProperties.class),
                env.getProperty("camel.component.kafka.security-protocol"));
    }
}

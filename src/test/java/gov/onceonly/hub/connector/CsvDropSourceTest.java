package gov.onceonly.hub.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worked odd department: connectors/cqsw-water-accounts.yaml (kind route) instantiates the shipped template
 * routes/source-csv-drop.yaml, which answers lookups from the department's nightly CSV drop. Real Camel, real files.
 */
class CsvDropSourceTest {

    private static final Path ROOT = Path.of(".");
    private static final String ID = "110101199003070000";

    @TempDir
    Path drops;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        ConnectorCatalog all = ConnectorCatalog.load(ROOT, ROOT.resolve("connectors"));
        ConnectorCatalog connectors = ConnectorCatalog.of(all.entries().stream()
                .filter(e -> e.definition().id().equals("cqsw-water-accounts")).toList());
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("hub.sandbox.drop-dir", drops.toString())));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("sourceCalls", new SourceCalls(connectors, new ObjectMapper(),
                new SourceLimits(262144, 8192, SourceLimits.DEFAULT_MAX_DROP_BYTES)));
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveResource(camel, "file:routes/source-csv-drop.yaml"));
        new ConnectorRoutes(connectors, env, bind(env, "hub.kafka", gov.onceonly.hub.connector.KafkaProperties.class),
                bind(env, "hub.sources", gov.onceonly.hub.connector.SourcesProperties.class), new DepartmentDataSources(), new FeedProgress(),
                new org.springframework.boot.ssl.DefaultSslBundleRegistry()).addTo(camel);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aLookupFindsTheRowOfTheKeyAndKeepsOnlyDeclaredFields() throws Exception {
        drop("id_number,water_account_no,account_status\n"
                + "500101198001010011,CQSW000000001,正常\n"
                + ID + ",CQSW310000007,\"欠费, 已催缴\"\n");
        SourceAnswer answer = lookup(ID);
        assertThat(answer.outcome()).isEqualTo(SourceAnswer.Outcome.FOUND);
        assertThat(answer.fields()).isEqualTo(Map.of("waterAccountNo", "CQSW310000007"));
        assertThat(camel.getRoute("source-cqsw-water-accounts")).isNotNull();
    }

    @Test
    void aKeyNotInTheDropIsNotFoundAndTheNextDropIsRead() throws Exception {
        drop("id_number,water_account_no\n500101198001010011,CQSW000000001\n");
        assertThat(lookup(ID).outcome()).isEqualTo(SourceAnswer.Outcome.NOT_FOUND);
        drop("id_number,water_account_no\n" + ID + ",CQSW999\n");
        assertThat(lookup(ID).fields()).containsEntry("waterAccountNo", "CQSW999");
    }

    @Test
    void noDropYetIsAnOutageNotANotFound() {
        assertThatThrownBy(() -> lookup(ID)).isInstanceOf(CamelExecutionException.class)
                .hasCauseInstanceOf(SourceUnavailableException.class);
    }

    private SourceAnswer lookup(String key) {
        return producer.requestBody("direct:source-cqsw-water-accounts",
                new FetchRequest("app-1", "cqsw-water-accounts", "account", key), SourceAnswer.class);
    }

    private void drop(String csv) throws Exception {
        Path folder = Files.createDirectories(drops.resolve("cqsw"));
        Path partial = folder.resolve("water-accounts.csv.part");
        Files.writeString(partial, csv);
        Files.move(partial, folder.resolve("water-accounts.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A configuration record bound from the environment, as the hub binds it. */
    private static <T> T bind(org.springframework.core.env.Environment env, String prefix, Class<T> type) {
        return org.springframework.boot.context.properties.bind.Binder.get(env).bindOrCreate(prefix, type);
    }
}

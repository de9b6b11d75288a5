package gov.onceonly.hub.reload;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.catalog.BundleCatalog;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.connector.SourceCalls;
import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.connector.SourceLimits;
import gov.onceonly.hub.connector.TargetAnswers;
import gov.onceonly.hub.lint.ConfigLint;
import gov.onceonly.hub.lint.ConfigLintTest;
import gov.onceonly.hub.schema.ConfigSchemas;
import gov.onceonly.hub.security.DepartmentCallSigner;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reloader on real files in a temporary configuration root, with real catalogues and a real Camel context
 * holding the shipped http route templates: valid edits are swapped in, invalid ones rejected with the lint's
 * file:line:column while the old version serves, and an application's version stays findable.
 */
class ConfigReloaderTest {

    private static ConfigLint lint;

    @TempDir
    Path root;
    private CamelContext camel;
    private ConnectorCatalog connectors;
    private BundleCatalog bundles;
    private ConfigReloader reloader;

    @BeforeAll
    static void schemas() {
        lint = new ConfigLint(ConfigSchemas.shared());
    }

    @BeforeEach
    void start() throws Exception {
        write("connectors/dept-registry.yaml", ConfigLintTest.REGISTRY);
        write("connectors/dept-approval.yaml", ConfigLintTest.APPROVAL);
        write("mappings/sample.yaml", ConfigLintTest.SAMPLE);
        write("routes/source-http.yaml", Files.readString(Path.of("routes/source-http.yaml")));
        write("routes/target-http.yaml", Files.readString(Path.of("routes/target-http.yaml")));
        connectors = ConnectorCatalog.load(root, root.resolve("connectors"));
        bundles = BundleCatalog.load(root, root.resolve("mappings"), connectors);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("sourceCalls", new SourceCalls(connectors, new ObjectMapper(),
                new SourceLimits(65536, 8192, SourceLimits.DEFAULT_MAX_DROP_BYTES)));
        camel.getRegistry().bind("targetAnswers", new TargetAnswers(connectors, 65536));
        // The http templates' other bean: the hub's signature.
        camel.getRegistry().bind("departmentCallSigner", new DepartmentCallSigner("hub",
                Ed25519Keys.privateKey(Ed25519Keys.generate()), Clock.systemUTC()));
        for (String file : new String[] {"routes/source-http.yaml", "routes/target-http.yaml"}) {
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:" + root.resolve(file)));
        }
        ConnectorRoutes routes = new ConnectorRoutes(connectors, new StandardEnvironment(),
                bind(new StandardEnvironment(), "hub.kafka", gov.onceonly.hub.connector.KafkaProperties.class),
                bind(new StandardEnvironment(), "hub.sources", gov.onceonly.hub.connector.SourcesProperties.class),
                new DepartmentDataSources(), new FeedProgress(),
                new org.springframework.boot.ssl.DefaultSslBundleRegistry());
        routes.addTo(camel);
        camel.start();
        reloader = new ConfigReloader(root, true, () -> lint, connectors, bundles, routes, camel,
                gov.onceonly.hub.proposal.ProposalRules.of(java.util.List.of()));
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aValidMappingEditIsServedAndTheOldVersionStaysFindable() throws Exception {
        CompiledBundle before = bundles.find("sample").orElseThrow();
        write("mappings/sample.yaml", ConfigLintTest.SAMPLE.replace("      phone: { from: form.phone }\n",
                "      phone: { from: form.phone }\n      phoneAgain: { from: form.phone }\n"));

        assertThat(reloader.reload()).containsExactly("mappings/sample.yaml");

        CompiledBundle after = bundles.find("sample").orElseThrow();
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.items().get(0).demands()).extracting(CompiledBundle.CompiledDemand::name).contains("phoneAgain");
        assertThat(bundles.find("sample", before.version())).contains(before);
        assertThat(reloader.status().bundleVersions()).containsEntry("sample", after.version());
        assertThat(reloader.status().appliedFiles()).containsExactly("mappings/sample.yaml");
        assertThat(reloader.reload()).as("nothing changed since").isEmpty();
    }

    @Test
    void anInvalidEditIsRejectedWithTheLintMessageAndTheRunningVersionKeepsServing() throws Exception {
        String version = bundles.find("sample").orElseThrow().version();
        String broken = ConfigLintTest.SAMPLE.replace("person.name }", "person.fullName }");
        write("mappings/sample.yaml", broken);

        reloader.reload();

        ReloadStatus.RejectedChange rejected = reloader.status().rejected();
        assertThat(rejected).isNotNull();
        assertThat(rejected.files()).containsExactly("mappings/sample.yaml");
        int line = broken.lines().toList().indexOf(broken.lines().filter(l -> l.contains("fullName")).findFirst().orElseThrow()) + 1;
        assertThat(rejected.problems()).singleElement().asString()
                .startsWith("mappings/sample.yaml:" + line + ":").contains("unknown dataset field 'person.fullName'");
        assertThat(bundles.find("sample").orElseThrow().version()).isEqualTo(version);

        write("mappings/sample.yaml", ConfigLintTest.SAMPLE);
        reloader.reload();
        assertThat(reloader.status().rejected()).as("reverted").isNull();
        assertThat(bundles.find("sample").orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aChangedConnectorGetsItsRouteAgainAndAnUnchangedOneKeepsIt() throws Exception {
        Route registry = camel.getRoute("source-dept-registry");
        Route approval = camel.getRoute("target-dept-approval");
        write("connectors/dept-registry.yaml", ConfigLintTest.REGISTRY.replace("http://localhost/registry", "http://127.0.0.2/registry"));

        reloader.reload();

        assertThat(connectors.find("dept-registry").orElseThrow().http().baseUrl()).isEqualTo("http://127.0.0.2/registry");
        assertThat(camel.getRoute("source-dept-registry")).isNotNull().isNotSameAs(registry);
        assertThat(camel.getRoute("target-dept-approval")).isSameAs(approval);
        assertThat(camel.getEndpoints()).anyMatch(e -> e.getEndpointUri().contains("127.0.0.2"));
    }

    @Test
    void aChangedRouteTemplateIsInstantiatedAgain() throws Exception {
        Route registry = camel.getRoute("source-dept-registry");
        Route approval = camel.getRoute("target-dept-approval");
        write("routes/source-http.yaml", Files.readString(Path.of("routes/source-http.yaml"))
                .replace("                - setHeader:\n                    name: CamelHttpMethod",
                        "                - log:\n                    message: \"asking {{connectorId}}\"\n"
                                + "                    loggingLevel: DEBUG\n"
                                + "                - setHeader:\n                    name: CamelHttpMethod"));

        assertThat(reloader.reload()).containsExactly("routes/source-http.yaml");

        assertThat(reloader.status().rejected()).isNull();
        assertThat(camel.getRoute("source-dept-registry")).isNotNull().isNotSameAs(registry);
        assertThat(camel.getRoute("target-dept-approval")).isSameAs(approval);
    }

    @Test
    void aBrokenRouteFileIsRejectedAndTheRouteKeepsRunning() throws Exception {
        Route registry = camel.getRoute("source-dept-registry");
        write("routes/source-http.yaml", Files.readString(Path.of("routes/source-http.yaml"))
                .replace("- setHeader:\n                    name: CamelHttpMethod", "- setHeadr:\n                    name: CamelHttpMethod"));

        reloader.reload();

        assertThat(reloader.status().rejected().problems()).anySatisfy(p -> assertThat(p)
                .startsWith("routes/source-http.yaml:").contains("setHeadr"));
        assertThat(camel.getRoute("source-dept-registry")).isSameAs(registry);
    }

    private void write(String file, String content) throws Exception {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    /** A configuration record bound from the environment, as the hub binds it. */
    private static <T> T bind(org.springframework.core.env.Environment env, String prefix, Class<T> type) {
        return org.springframework.boot.context.properties.bind.Binder.get(env).bindOrCreate(prefix, type);
    }
}

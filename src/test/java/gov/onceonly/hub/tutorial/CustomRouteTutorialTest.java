package gov.onceonly.hub.tutorial;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.onceonly.hub.connector.ConnectorCatalog;
import gov.onceonly.hub.connector.ConnectorRoutes;
import gov.onceonly.hub.connector.DepartmentDataSources;
import gov.onceonly.hub.connector.FeedProgress;
import gov.onceonly.hub.connector.FetchRequest;
import gov.onceonly.hub.connector.SourceAnswer;
import gov.onceonly.hub.connector.SourceCalls;
import gov.onceonly.hub.connector.SourceLimits;
import gov.onceonly.hub.lint.LintCommand;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/tutorial-custom-route.md: its template and connector lint clean and answer lookups from its drop. */
class CustomRouteTutorialTest {

    @TempDir
    Path root;

    @Test
    void theTutorialWorksAsWritten() throws Exception {
        TutorialFiles.copyShippedConfig(root);
        TutorialFiles.of("tutorial-custom-route.md").writeTo(root, text -> text);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LintCommand.run(List.of(root.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 error(s), 0 warning(s)");

        Files.writeString(root.resolve("connectors/cdpf-subsidy-roster.yaml"), Files.readString(
                root.resolve("connectors/cdpf-subsidy-roster.yaml")).replace("json-drop-source", "json-drop-sorce"));
        out.reset();
        assertThat(LintCommand.run(List.of(root.toString()), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown route template 'json-drop-sorce'");
        Files.writeString(root.resolve("connectors/cdpf-subsidy-roster.yaml"), Files.readString(
                root.resolve("connectors/cdpf-subsidy-roster.yaml")).replace("json-drop-sorce", "json-drop-source"));

        ConnectorCatalog connectors = ConnectorCatalog.of(ConnectorCatalog.load(root, root.resolve("connectors")).entries()
                .stream().filter(e -> e.definition().id().equals("cdpf-subsidy-roster")).toList());
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("hub.config-root", root.toString())));
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.getRegistry().bind("sourceCalls", new SourceCalls(connectors, new ObjectMapper(),
                new SourceLimits(65536, 8192, SourceLimits.DEFAULT_MAX_DROP_BYTES)));
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveResource(camel, "file:" + root.resolve("routes/source-json-drop.yaml")));
            new ConnectorRoutes(connectors, env, bind(env, "hub.kafka", gov.onceonly.hub.connector.KafkaProperties.class),
                bind(env, "hub.sources", gov.onceonly.hub.connector.SourcesProperties.class), new DepartmentDataSources(), new FeedProgress(),
                new org.springframework.boot.ssl.DefaultSslBundleRegistry()).addTo(camel);
            camel.start();
            SourceAnswer answer = camel.createProducerTemplate().requestBody("direct:source-cdpf-subsidy-roster",
                    new FetchRequest("app-1", "cdpf-subsidy-roster", "recipient", "500103198802020000"), SourceAnswer.class);
            assertThat(answer.outcome()).isEqualTo(SourceAnswer.Outcome.FOUND);
            assertThat(answer.fields()).isEqualTo(Map.of("subsidyType", "困难残疾人生活补贴", "monthlyAmount", 120));
        } finally {
            camel.stop();
        }
    }

    /** A configuration record bound from the environment, as the hub binds it. */
    private static <T> T bind(org.springframework.core.env.Environment env, String prefix, Class<T> type) {
        return org.springframework.boot.context.properties.bind.Binder.get(env).bindOrCreate(prefix, type);
    }
}

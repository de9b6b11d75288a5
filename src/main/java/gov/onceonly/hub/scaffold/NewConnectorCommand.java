package gov.onceonly.hub.scaffold;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar hub.jar new connector --kind http --id veteran-records --department 市退役军人事务局}: writes
 * {@code connectors/<id>.yaml} pointing at its sandbox stand-in, and the stand-in's fixtures,
 * {@code connectors/fixtures/<id>.yaml}: a source with one dataset keyed by ID number and one field, or a target with
 * its path. A jdbc or kafka connector points at its stand-in's database or topics instead ({@link StandInConnectors}).
 * Exit 0 when written, 1 when a file exists, 2 on bad usage.
 */
@Command(name = "connector", sortOptions = false, usageHelpAutoWidth = true,
        description = "Writes connectors/<id>.yaml and its stand-in's fixtures, connectors/fixtures/<id>.yaml.")
public final class NewConnectorCommand implements Callable<Integer> {

    /** A sample ID number for the first fixture record; the sandbox's examples name the applicant to add instead. */
    static final String SAMPLE_ID_NUMBER = "500103199001010000";

    @Option(names = "--kind", required = true, description = "The connector's kind: http, jdbc or kafka, each with a "
            + "stand-in in the sandbox.")
    String kind;

    @Option(names = "--id", required = true, description = "The connector's id, also its file's name (lower case, dashes).")
    String id;

    @Option(names = "--department", required = true, description = "The department, as the list names it.")
    String department;

    @Option(names = "--system", description = "The system's name, as the department calls it; default: the id.")
    String system;

    @Option(names = "--role", defaultValue = "source", description = "source (the hub reads from it) or target (the hub "
            + "delivers to it); default: ${DEFAULT-VALUE}.")
    String role;

    @Option(names = "--dataset", defaultValue = "record", description = "A source's first dataset; default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--field", defaultValue = "status", description = "That dataset's first field; default: ${DEFAULT-VALUE}.")
    String field;

    @Option(names = "--root", defaultValue = ".", description = "The configuration root; default: the current folder.")
    Path root;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!List.of("http", "jdbc", "kafka").contains(kind)) {
            throw new ParameterException(spec.commandLine(), "--kind: http, jdbc or kafka, not " + kind
                    + "; for the other kinds see docs/adding-a-department.md");
        }
        if (!id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new ParameterException(spec.commandLine(), "--id: lower-case words joined by dashes, such as veteran-records");
        }
        if (!role.equals("source") && !role.equals("target")) {
            throw new ParameterException(spec.commandLine(), "--role: source or target, not " + role);
        }
        String connectorFile = "connectors/" + id + ".yaml";
        String fixturesFile = "connectors/fixtures/" + id + ".yaml";
        try {
            ScaffoldFiles.refuseExisting(root, List.of(connectorFile, fixturesFile));
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().println(e.getFile() + ": " + e.getReason());
            return 1;
        }
        ScaffoldFiles.write(root, connectorFile, connector());
        ScaffoldFiles.write(root, fixturesFile, fixtures());
        var out = spec.commandLine().getOut();
        out.println("wrote " + root.resolve(connectorFile));
        out.println("wrote " + root.resolve(fixturesFile));
        out.println("next: java -jar hub.jar lint " + root + (role.equals("source")
                ? "; then demand " + id + "/" + dataset + "." + field + " in a bundle (docs/adding-a-bundle.md)"
                : "; then name it as an item's target: java -jar hub.jar new bundle --target " + id + " ..."));
        return 0;
    }

    String connector() {
        if (!kind.equals("http")) {
            return StandInConnectors.connector(kind, role, id, department, system == null ? id : system, dataset, field);
        }
        Map<String, Object> http = new LinkedHashMap<>();
        // The variable production sets; without it, the stand-in the sandbox serves from the fixtures.
        String variable = id.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
        http.put("baseUrl", "${" + variable + ":${hub.sandbox.url}/stand-in/" + id + '}'); // a placeholder, not JSON
        if (role.equals("target")) {
            http.put("path", "/applications");
        }
        http.put("timeoutMillis", role.equals("source") ? 3000 : 5000);
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("id", id);
        file.put("department", department);
        file.put("system", system == null ? id : system);
        file.put("kind", "http");
        file.put("role", role);
        file.put("http", http);
        if (role.equals("source")) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("title", dataset);
            first.put("key", "idNumber");
            first.put("path", "/" + dataset + "/{key}");
            first.put("fields", Map.of(field, field));
            file.put("datasets", Map.of(dataset, first));
        }
        return ScaffoldFiles.yaml(List.of("yaml-language-server: $schema=../schemas/connector.json",
                department + " " + id + ": written by `java -jar hub.jar new connector`; in the sandbox its stand-in",
                "answers from connectors/fixtures/" + id + ".yaml (docs/adding-a-department.md, \"Stand-ins\")."), file);
    }

    String fixtures() {
        if (!kind.equals("http")) {
            return StandInConnectors.fixtures(kind, role, id, dataset, field);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("latencyMillis", 0);
        file.put("errorRate", 0.0);
        if (role.equals("source")) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put(field, "示例");
            file.put("datasets", Map.of(dataset, Map.of(SAMPLE_ID_NUMBER, record)));
        }
        return ScaffoldFiles.yaml(List.of("What the sandbox's stand-in of " + id + " answers (docs/adding-a-department.md, "
                + "\"Stand-ins\"):", role.equals("source")
                ? "records by dataset and key; read at each call, so an edit is served at once."
                : "a target keeps what it receives; latency and error rate apply to each call."), file);
    }
}

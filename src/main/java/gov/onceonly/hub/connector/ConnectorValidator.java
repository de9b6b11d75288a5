package gov.onceonly.hub.connector;

import gov.onceonly.hub.configfile.ConfigProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks one connector file beyond its YAML shape: the kind's block, its datasets, its delivery settings. */
public final class ConnectorValidator {

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConnectorValidator(String file) {
        this.file = file;
    }

    public static List<ConfigProblem> check(String file, String expectedId, ConnectorDefinition c) {
        ConnectorValidator v = new ConnectorValidator(file);
        v.checkIdentity(expectedId, c);
        if (c.kind() != null && c.role() != null) {
            v.checkBlocks(c);
            if (c.isSource()) {
                v.checkDatasets(c);
                v.checkResilience(c.resilience());
            } else {
                if (c.resilience() != null) {
                    v.problem("resilience", "only sources have resilience settings; deliveries use hub.dispatch.*");
                }
                v.checkTarget(c);
            }
        }
        return v.problems;
    }

    private void checkIdentity(String expectedId, ConnectorDefinition c) {
        require(c.id(), "id");
        if (c.id() != null && !c.id().equals(expectedId)) {
            problem("id", "must equal the file name '" + expectedId + "'");
        }
        require(c.department(), "department");
        if (c.kind() == null) {
            problem("kind", "is required (http, jdbc, kafka or route)");
        }
        if (c.role() == null) {
            problem("role", "is required (source or target)");
        }
    }

    private void checkBlocks(ConnectorDefinition c) {
        Map<ConnectorKind, Object> blocks = new java.util.EnumMap<>(ConnectorKind.class);
        if (c.http() != null) blocks.put(ConnectorKind.HTTP, c.http());
        if (c.jdbc() != null) blocks.put(ConnectorKind.JDBC, c.jdbc());
        if (c.kafka() != null) blocks.put(ConnectorKind.KAFKA, c.kafka());
        if (c.route() != null) blocks.put(ConnectorKind.ROUTE, c.route());
        blocks.keySet().stream().filter(k -> k != c.kind())
                .forEach(k -> problem(k.yamlName(), "does not belong to a connector of kind " + c.kind().yamlName()));
        switch (c.kind()) {
            case HTTP -> {
                if (c.http() == null) problem("http", "is required for kind http");
                else require(c.http().baseUrl(), "http.baseUrl");
            }
            case JDBC -> {
                if (c.jdbc() == null) problem("jdbc", "is required for kind jdbc");
                else require(c.jdbc().url(), "jdbc.url");
            }
            case KAFKA -> {
                if (c.kafka() == null && !c.isSource()) problem("kafka", "is required for a kafka target");
            }
            case ROUTE -> {
                if (c.route() == null) problem("route", "is required for kind route: the template in routes/ and its parameters");
                else require(c.route().template(), "route.template");
            }
        }
    }

    private void checkDatasets(ConnectorDefinition c) {
        if (c.datasets().isEmpty()) {
            problem("datasets", "a source must declare at least one dataset");
        }
        c.datasets().forEach((name, dataset) -> {
            String at = "datasets." + name;
            if (dataset == null) {
                problem(at, "is empty");
                return;
            }
            if (dataset.key() == null) problem(at + ".key", "is required (idNumber or creditCode)");
            if (dataset.fields().isEmpty()) problem(at + ".fields", "a dataset must declare its fields");
            switch (c.kind()) {
                case HTTP -> {
                    if (dataset.path() == null || !dataset.path().contains("{key}")) {
                        problem(at + ".path", "is required and must contain '{key}'");
                    }
                }
                case JDBC -> {
                    if (dataset.query() == null || !dataset.query().contains(":?key")) {
                        problem(at + ".query", "is required and must use the parameter ':?key' (never concatenated SQL)");
                    }
                }
                case KAFKA -> {
                    require(dataset.topic(), at + ".topic");
                    require(dataset.keyField(), at + ".keyField");
                }
                case ROUTE -> {
                    // The template answers however it likes; keyField is optional (it picks a row from a list).
                }
            }
        });
    }

    private void checkTarget(ConnectorDefinition c) {
        if (!c.datasets().isEmpty()) {
            problem("datasets", "a target has no datasets");
        }
        switch (c.kind()) {
            case HTTP -> { if (c.http() != null) require(c.http().path(), "http.path"); }
            case JDBC -> {
                if (c.jdbc() != null && (c.jdbc().insert() == null || !c.jdbc().insert().contains(":?idempotencyKey"))) {
                    problem("jdbc.insert", "is required and must store the parameter ':?idempotencyKey'");
                }
            }
            case KAFKA -> { if (c.kafka() != null) require(c.kafka().topic(), "kafka.topic"); }
            case ROUTE -> { }
        }
    }

    private void checkResilience(SourceResilience r) {
        if (r == null) {
            return;
        }
        positive(r.retries(), "resilience.retries", 0);
        positive(r.backoffMillis(), "resilience.backoffMillis", 1);
        if (r.breaker() != null) {
            positive(r.breaker().minimumCalls(), "resilience.breaker.minimumCalls", 1);
            positive(r.breaker().window(), "resilience.breaker.window", 1);
            positive(r.breaker().openSeconds(), "resilience.breaker.openSeconds", 1);
            Integer rate = r.breaker().failureRate();
            if (rate != null && (rate < 1 || rate > 100)) {
                problem("resilience.breaker.failureRate", "must be a percentage between 1 and 100");
            }
        }
    }

    private void positive(Integer value, String path, int min) {
        if (value != null && value < min) {
            problem(path, "must be at least " + min);
        }
    }

    private void require(String value, String path) {
        if (value == null || value.isBlank()) {
            problem(path, "is required");
        }
    }

    private void problem(String path, String message) {
        problems.add(new ConfigProblem(file, path, message));
    }
}

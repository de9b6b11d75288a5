package gov.onceonly.hub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A configuration root (hub.config-root) for the hub under test: the repository's routes/ as they are, and
 * generated connectors/ and mappings/ for the bench departments and bundles of a {@link BenchModel}.
 */
final class ConfigRoot {

    private ConfigRoot() {
    }

    static Path write(Path root, Path repository, BenchModel model, int departmentsPort) throws IOException {
        Files.createDirectories(root.resolve("connectors"));
        Files.createDirectories(root.resolve("mappings"));
        Files.createDirectories(root.resolve("routes"));
        try (Stream<Path> routes = Files.list(repository.resolve("routes"))) {
            routes.forEach(r -> copy(r, root.resolve("routes").resolve(r.getFileName())));
        }
        for (int s = 1; s <= model.maxSources(); s++) {
            Files.writeString(root.resolve("connectors/" + BenchModel.source(s) + ".yaml"), source(s, departmentsPort));
        }
        for (int t = 1; t <= model.maxItems(); t++) {
            Files.writeString(root.resolve("connectors/" + BenchModel.target(t) + ".yaml"), target(t, departmentsPort));
        }
        int sequence = 1;
        for (BenchModel.Bundle bundle : model.bundles()) {
            Files.writeString(root.resolve("mappings/" + bundle.id() + ".yaml"), mapping(bundle, sequence++));
        }
        return root;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String source(int n, int port) {
        return """
                id: %1$s
                department: 基准来源%2$d
                system: 基准数据源%2$d
                kind: http
                role: source
                http:
                  baseUrl: http://127.0.0.1:%3$d/src/%1$s
                  timeoutMillis: 5000
                datasets:
                  rec:
                    title: 基准数据集
                    key: idNumber
                    path: /r/{key}
                    fields:
                      f1: 字段一
                      f2: 字段二
                      f3: 字段三
                      f4: 字段四
                      blob: 载荷
                """.formatted(BenchModel.source(n), n, port);
    }

    static String target(int n, int port) {
        return """
                id: %1$s
                department: 基准部门%2$d
                system: 基准审批系统%2$d
                kind: http
                role: target
                http:
                  baseUrl: http://127.0.0.1:%3$d/tgt/%1$s
                  path: /applications
                  timeoutMillis: 5000
                """.formatted(BenchModel.target(n), n, port);
    }

    static String mapping(BenchModel.Bundle bundle, int sequence) {
        StringBuilder out = new StringBuilder("""
                id: %s
                name: 基准套餐%d
                type: personal
                stage: 基准阶段
                leadDepartment: 基准部门1
                coLeadDepartments: []
                batch: 优化提升
                sequence: %d
                completionMonth: 2023-05
                form:
                  phone:
                    title: 联系电话
                    pattern: "^1[3-9]\\\\d{9}$"
                    example: "13800138000"
                items:
                """.formatted(bundle.id(), sequence, sequence));
        for (BenchModel.Item item : bundle.items()) {
            out.append("  - id: ").append(item.id()).append('\n')
                    .append("    name: 基准事项").append(item.id()).append('\n')
                    .append("    department: ").append(item.department()).append('\n')
                    .append("    target: ").append(item.target()).append('\n')
                    .append("    demands:\n")
                    .append("      phone: { from: form.phone }\n");
            for (String source : item.sources()) {
                for (String field : BenchModel.FIELDS) {
                    out.append("      ").append(demand(source, field)).append(": { from: ").append(source)
                            .append("/rec.").append(field).append(" }\n");
                }
            }
        }
        return out.toString();
    }

    /** The item's field name for a source's field: each source's values stay apart. */
    static String demand(String source, String field) {
        return "s" + source.substring(source.lastIndexOf('-') + 1) + field;
    }
}

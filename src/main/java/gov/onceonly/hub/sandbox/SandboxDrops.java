package gov.onceonly.hub.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The departments that share by file: 重庆水务集团 drops a CSV export of its water accounts each night. The sandbox
 * writes it once at startup, the way the department does (a temporary name, then a rename), so that the hub's
 * custom route (routes/source-csv-drop.yaml) never reads half a file.
 */
final class SandboxDrops {

    private SandboxDrops() {
    }

    /** Writes every drop under {@code root} and returns it (published as {@code hub.sandbox.drop-dir}). */
    static Path write(Path root, SandboxRecords records) throws IOException {
        Path folder = Files.createDirectories(root.resolve("cqsw"));
        // account_status is not declared by the connector: the hub drops it, as it drops any undeclared column.
        StringBuilder csv = new StringBuilder("id_number,water_account_no,account_status\n");
        for (Map.Entry<String, Map<String, Object>> e : records.all("cqsw-water-accounts/account").entrySet()) {
            csv.append(e.getKey()).append(',').append(e.getValue().get("waterAccountNo")).append(',')
                    .append(quoted("正常")).append('\n');
        }
        Path partial = folder.resolve("water-accounts.csv.part");
        Files.writeString(partial, csv);
        Files.move(partial, folder.resolve("water-accounts.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return root.toAbsolutePath();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}

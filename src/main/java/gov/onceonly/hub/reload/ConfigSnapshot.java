package gov.onceonly.hub.reload;

import gov.onceonly.hub.evidence.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The content hash of every file in connectors/, mappings/, routes/, proposals/ and recommendations/, to see what
 * changed since the last look.
 */
record ConfigSnapshot(Map<String, String> hashes) {

    static final List<String> FOLDERS = List.of("connectors", "mappings", "routes", "proposals", "recommendations");

    static ConfigSnapshot of(Path root) {
        Map<String, String> hashes = new TreeMap<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                    hashes.put(folder + "/" + file.getFileName(), hash(Files.readAllBytes(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ConfigSnapshot(hashes);
    }

    /** Files added, changed or removed between {@code this} (older) and {@code newer}. */
    Set<String> changedIn(ConfigSnapshot newer) {
        Set<String> changed = new TreeSet<>();
        newer.hashes.forEach((file, hash) -> {
            if (!hash.equals(hashes.get(file))) changed.add(file);
        });
        hashes.keySet().stream().filter(f -> !newer.hashes.containsKey(f)).forEach(changed::add);
        return changed;
    }

    boolean has(String file) {
        return hashes.containsKey(file);
    }

    private static String hash(byte[] content) {
        return Sha256.hex(content);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

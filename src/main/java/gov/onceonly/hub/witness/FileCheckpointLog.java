package gov.onceonly.hub.witness;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An append-only file of witnessed checkpoints, one JSON line each ({@code {"size":…,"note":"…"}}), forced to disk
 * before the call returns. Put it where the hub may append but not rewrite (a WORM volume, an object store's
 * append-only bucket mounted as a file): {@code verify-evidence --witnessed} reads it.
 */
public final class FileCheckpointLog implements CheckpointLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public FileCheckpointLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void append(long size, String witnessedNote) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] line = (JSON.writeValueAsString(record(size, witnessedNote)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        }
    }

    private static Map<String, Object> record(long size, String witnessedNote) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("size", size);
        record.put("note", witnessedNote);
        return record;
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}

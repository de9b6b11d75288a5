package gov.onceonly.hub.scaffold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the scaffold's files: YAML written by Jackson (a name with a colon or a quote stays a name), under a header of
 * comments, never over an existing file.
 */
final class ScaffoldFiles {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS) // a phone number stays a string
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ScaffoldFiles() {
    }

    /** The comment lines, then the content as YAML. */
    static String yaml(List<String> header, Map<String, Object> content) {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append("# ").append(line.replaceAll("[\r\n]+", " ")).append('\n'));
        try {
            return text.append(YAML.writeValueAsString(content)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses before writing anything if one of the files exists, so that a refusal leaves no half scaffold. */
    static void refuseExisting(Path root, List<String> files) throws FileAlreadyExistsException {
        for (String file : files) {
            if (Files.exists(root.resolve(file))) {
                throw new FileAlreadyExistsException(root.resolve(file).toString(), null, "exists; the scaffold never overwrites a file");
            }
        }
    }

    static void write(Path root, String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardOpenOption.CREATE_NEW);
    }

    /** A connector's file under {@code root}, as a tree; empty if there is none. */
    static Optional<JsonNode> connector(Path root, String id) throws IOException {
        Path file = root.resolve("connectors").resolve(id + ".yaml");
        return Files.isRegularFile(file) ? Optional.ofNullable(YAML.readTree(file.toFile())) : Optional.empty();
    }
}

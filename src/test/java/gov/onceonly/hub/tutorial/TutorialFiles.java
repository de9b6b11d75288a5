package gov.onceonly.hub.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a tutorial in docs/ tells the reader to write: fenced blocks whose info string names them, as
 * {@code ```yaml file=connectors/x.yaml} (a new file) or {@code ```yaml append=mappings/y.yaml} (added at the end).
 * The tutorial tests write exactly these, so a page that drifts from what works fails the build.
 */
record TutorialFiles(List<Step> steps) {

    private static final Pattern BLOCK = Pattern.compile("```\\w+ (file|append)=(\\S+)\\n(.*?)```", Pattern.DOTALL);

    record Step(boolean append, String path, String content) {
    }

    static TutorialFiles of(String page) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(Path.of("docs", page)));
        List<Step> steps = new ArrayList<>();
        while (m.find()) {
            steps.add(new Step(m.group(1).equals("append"), m.group(2), m.group(3)));
        }
        if (steps.isEmpty()) {
            throw new AssertionError("docs/" + page + " names no files");
        }
        return new TutorialFiles(steps);
    }

    /** Writes every step under {@code root}, each file's content passed through {@code edit} first. */
    void writeTo(Path root, UnaryOperator<String> edit) throws IOException {
        for (Step step : steps) {
            Path target = root.resolve(step.path());
            Files.createDirectories(target.getParent());
            if (step.append()) {
                Files.writeString(target, Files.readString(target) + edit.apply(step.content()));
            } else {
                Files.writeString(target, edit.apply(step.content()));
            }
        }
    }

    List<String> newFiles() {
        return steps.stream().filter(s -> !s.append()).map(Step::path).toList();
    }

    /** A copy of the shipped configuration folders, to lint a tutorial's result without touching the tree. */
    static void copyShippedConfig(Path to) throws IOException {
        for (String folder : List.of("connectors", "mappings", "routes")) {
            Files.createDirectories(to.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
    }
}

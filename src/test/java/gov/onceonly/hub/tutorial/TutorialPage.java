package gov.onceonly.hub.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A tutorial page in docs/ as a sequence of fenced blocks, in the order the reader meets them, each with the
 * {@code ## } section it is in and the words of its info string after the language: flags ({@code ```bash run}) and
 * attributes ({@code ```yaml file=connectors/x.yaml}). A renderer shows only the language, so the markers cost the
 * reader nothing, and a test that walks the blocks follows the page as it is written.
 */
record TutorialPage(String name, List<Block> blocks) {

    record Block(String section, String language, Set<String> flags, Map<String, String> attributes, String content) {

        boolean is(String flag) {
            return flags.contains(flag);
        }

        String attribute(String key) {
            String value = attributes.get(key);
            if (value == null) {
                throw new AssertionError("the block " + describe() + " has no " + key + "=");
            }
            return value;
        }

        String describe() {
            return "```" + language + " " + String.join(" ", flags) + " " + attributes + " in \"" + section + "\"";
        }
    }

    static TutorialPage read(String page) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String section = "";
        List<String> lines = Files.readAllLines(Path.of("docs", page));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
            } else if (line.startsWith("```")) {
                String[] info = line.substring(3).trim().split("\\s+");
                StringBuilder content = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    content.append(lines.get(i)).append('\n');
                }
                Set<String> flags = new LinkedHashSet<>();
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int w = 1; w < info.length; w++) {
                    int eq = info[w].indexOf('=');
                    if (eq < 0) {
                        flags.add(info[w]);
                    } else {
                        attributes.put(info[w].substring(0, eq), info[w].substring(eq + 1));
                    }
                }
                blocks.add(new Block(section, info[0], Set.copyOf(flags), Map.copyOf(attributes), content.toString()));
            }
        }
        return new TutorialPage(page, List.copyOf(blocks));
    }

    /** The blocks from the section whose heading starts with {@code from} (inclusive) to the one that starts with {@code to}. */
    TutorialPage sections(String from, String to) {
        List<Block> part = new ArrayList<>();
        boolean in = false;
        for (Block block : blocks) {
            in = (in || block.section().startsWith(from)) && (to == null || !block.section().startsWith(to));
            if (in) {
                part.add(block);
            }
        }
        if (part.isEmpty()) {
            throw new AssertionError("docs/" + name + " has no blocks from \"" + from + "\" to \"" + to + "\"");
        }
        return new TutorialPage(name, List.copyOf(part));
    }

    /**
     * The blocks a reader acts on or compares with, in order: commands to run, files to write or compare, quoted
     * output. A plain block (an illustration, a command the test cannot run such as starting the hub) is skipped.
     */
    List<Block> steps() {
        return blocks.stream().filter(b -> b.is("run") || b.is("output") || !b.attributes().isEmpty()).toList();
    }

    /**
     * Writes a file block under {@code root} as the reader would, its content passed through {@code edit}: a new file
     * ({@code file=}), added at the end ({@code append=}), or lines added after the block's first line, which the file
     * has already (its first occurrence: {@code after=}).
     */
    static void write(Path root, Block block, UnaryOperator<String> edit) throws IOException {
        String content = edit.apply(block.content());
        if (block.attributes().containsKey("after")) {
            Path target = root.resolve(block.attribute("after"));
            String text = Files.readString(target);
            String anchor = content.substring(0, content.indexOf('\n') + 1);
            int at = text.indexOf(anchor);
            if (at < 0) {
                throw new AssertionError(target + " has no line " + anchor);
            }
            Files.writeString(target, text.substring(0, at) + content + text.substring(at + anchor.length()));
            return;
        }
        boolean append = block.attributes().containsKey("append");
        Path target = root.resolve(block.attribute(append ? "append" : "file"));
        Files.createDirectories(target.getParent());
        Files.writeString(target, (append ? Files.readString(target) : "") + content);
    }

    /**
     * The lint's output as the page quotes it, as a pattern: its findings exactly (file, line, column, message), its
     * summary line with any counts, since another bundle or connector changes them (the "29 dataset(s)" of fields no
     * bundle demands).
     */
    static Pattern lintOutput(String quoted) {
        StringBuilder regex = new StringBuilder();
        for (String line : quoted.strip().split("\n")) {
            if (!regex.isEmpty()) {
                regex.append("\n");
            }
            if (line.contains(" error(s), ")) {
                String[] parts = line.split("\\d+", -1);
                regex.append(Pattern.quote(parts[0]));
                for (int i = 1; i < parts.length; i++) {
                    regex.append("\\d+").append(Pattern.quote(parts[i]));
                }
            } else {
                regex.append(Pattern.quote(line));
            }
        }
        return Pattern.compile(regex.toString());
    }
}

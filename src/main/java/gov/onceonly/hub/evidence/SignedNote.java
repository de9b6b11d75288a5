package gov.onceonly.hub.evidence;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP signed note taken apart (c2sp.org/signed-note): the text, up to and with the newline before the blank line,
 * and the signature lines, each {@code — <key name> <base64>}. What checkpoints and witnesses' cosignatures share;
 * each checks its own signature type.
 */
record SignedNote(String body, List<Signature> signatures) {

    static final String PREFIX = "\u2014 ";

    /** One signature line: the key's name and the decoded bytes (key hash, then what the type puts there). */
    record Signature(String name, byte[] bytes) {
    }

    /** The note's parts, or empty for text that is no signed note; a line that does not decode is left out. */
    static Optional<SignedNote> parse(String note) {
        int blank = note == null ? -1 : note.indexOf("\n\n");
        if (blank < 0) {
            return Optional.empty();
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : note.substring(blank + 2).split("\n")) {
            int space = line.lastIndexOf(' ');
            if (line.startsWith(PREFIX) && space > PREFIX.length()) {
                try {
                    signatures.add(new Signature(line.substring(PREFIX.length(), space),
                            Base64.getDecoder().decode(line.substring(space + 1))));
                } catch (IllegalArgumentException e) {
                    // not a signature line: the note's other lines say nothing about this one
                }
            }
        }
        return Optional.of(new SignedNote(note.substring(0, blank + 1), signatures));
    }

    /** The first line of a note: a checkpoint's origin, which is also the name of the key that signs it. */
    static String firstLine(String note) {
        return note == null ? "" : note.substring(0, Math.max(0, note.indexOf('\n')));
    }

    /** The signature lines by {@code name}. */
    List<byte[]> by(String name) {
        return signatures.stream().filter(s -> s.name().equals(name)).map(Signature::bytes).toList();
    }

    static String line(String name, byte[] bytes) {
        return PREFIX + name + " " + Base64.getEncoder().encodeToString(bytes);
    }
}

package gov.onceonly.hub.rating;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Free text from applicants and departments (a rating's comment, a case's answer and callback note), kept as plain
 * text: whoever shows it later (a console, a department's system, a report) gets no markup, no control or invisible
 * formatting characters (bidi overrides, zero-width characters) and no runs of blank space. Line breaks are kept, at
 * most one blank line in a row. The length limit is checked on what the caller sent, before this cleaning.
 */
public final class FreeText {

    /** A tag, a comment or a declaration, also one left unclosed at the end (what a browser would still parse). */
    private static final Pattern MARKUP = Pattern.compile("<!--.*?(-->|$)|<[!/?]?[A-Za-z][^<>]*(>|$)", Pattern.DOTALL);
    /** Control (Cc) and format (Cf) characters, but the line break, which the text keeps. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n]]");
    private static final Pattern BLANKS = Pattern.compile("[\\p{Zs}\\t]+");
    private static final Pattern BLANK_LINES = Pattern.compile(" ?\\n ?(\\n ?)+");

    private FreeText() {
    }

    /** The plain text of {@code text}; null or nothing left is null. */
    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        String clean = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        clean = MARKUP.matcher(clean).replaceAll(" ");
        clean = clean.replace('\t', ' ');
        clean = INVISIBLE.matcher(clean).replaceAll("");
        clean = BLANKS.matcher(clean).replaceAll(" ");
        clean = BLANK_LINES.matcher(clean).replaceAll("\n\n");
        clean = clean.replaceAll(" ?\\n ?", "\n").strip();
        return clean.isEmpty() ? null : clean;
    }
}

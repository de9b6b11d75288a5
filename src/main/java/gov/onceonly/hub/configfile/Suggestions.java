package gov.onceonly.hub.configfile;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known name closest to a misspelt one, by edit distance. Close means at most two edits, and
 * fewer than a third of the name's letters, so that a short name is not "corrected" into an unrelated one.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest of {@code known} to {@code wrong}, if one is close enough (ties: the first in sorted order). */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        if (wrong == null || wrong.isEmpty()) {
            return Optional.empty();
        }
        int allowed = Math.min(2, Math.max(1, wrong.length() / 3));
        return known.stream().filter(k -> k != null && !k.equals(wrong)).sorted()
                .filter(k -> distance(wrong, k) <= allowed)
                .min(Comparator.comparingInt(k -> distance(wrong, k)));
    }

    /** {@code "; did you mean 'x'?"} to append to a message, or nothing when no known name is close. */
    public static String didYouMean(String wrong, Collection<String> known) {
        return closest(wrong, known).map(k -> "; did you mean '" + k + "'?").orElse("");
    }

    /** Levenshtein distance; a change of case alone (baseurl, baseUrl) counts as one edit, for the whole name. */
    static int distance(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return 1;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}

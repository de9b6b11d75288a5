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

    /**
     * Edit distance (Levenshtein, with two neighbours swapped counting as one edit: {@code phnoe}, {@code phone});
     * a change of case alone ({@code baseurl}, {@code baseUrl}) counts as one edit for the whole name.
     */
    static int distance(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return 1;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) {
            for (int j = 0; j <= y.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }
}

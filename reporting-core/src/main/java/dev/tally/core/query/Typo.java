package dev.tally.core.query;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Edit distance for mistyped names and values, and the known name a mistyped one was probably meant to be. */
final class Typo {
    private Typo() {
    }

    /**
     * The name of {@code known} nearest {@code name}, when it is one edit away (two for names of five characters or
     * more), an edit being a character added, removed or replaced, or two neighbours swapped ({@code cots} for
     * {@code cost}); otherwise empty, and the caller lists the known names instead.
     */
    static Optional<String> meant(String name, List<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        int allowed = lower.length() <= 4 ? 1 : 2;
        String nearest = known.stream().min(Comparator.comparingInt(k -> edits(lower, k))).orElse(null);
        return nearest != null && edits(lower, nearest) <= allowed ? Optional.of(nearest) : Optional.empty();
    }

    /** Edits from {@code a} to {@code b}: Levenshtein's, with a swap of two neighbours as one (optimal alignment). */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

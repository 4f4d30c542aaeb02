package org.neurite.core.internal;

import java.util.Collection;
import java.util.Optional;

/** Helpers for "did you mean …?" suggestions. */
public final class Names {
    private Names() {
    }

    /**
     * The candidate closest to {@code asked} by edit distance, if one is close enough to be a
     * plausible typo (at most a third of the longer name, and at least one edit allowed).
     */
    public static Optional<String> closest(String asked, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String a = asked.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(a, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(2, Math.max(a.length(), best.length()) / 3);
        boolean prefix = best.startsWith(a) || a.startsWith(best);
        return bestDistance <= allowed || prefix && !a.isEmpty() ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String s, String t) {
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[s.length()][t.length()];
    }

    /** {@code did you mean 'x'? } or the empty string. */
    public static String didYouMean(String asked, Collection<String> candidates) {
        return closest(asked, candidates).map(c -> "Did you mean '" + c + "'? ").orElse("");
    }
}

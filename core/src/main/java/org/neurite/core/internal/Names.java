package org.neurite.core.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * Helpers for messages about names: "did you mean …?" suggestions, and names or values
 * shortened so that a hostile input of millions of characters gives a short message quickly.
 */
public final class Names {
    /** The longest name or value a message repeats in full. */
    public static final int SHOWN = 64;
    /** The longest name compared for a suggestion: longer names are not typos of a plugin name. */
    public static final int COMPARED = 128;

    private Names() {
    }

    /**
     * {@code text} if it has at most {@link #SHOWN} characters, else its first characters, an
     * ellipsis and its full length: {@code "aaaa… (3000000 characters)"}. Control characters
     * are shown as hexadecimal escapes (backslash, u, four digits) so a message stays one readable line.
     */
    public static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        boolean cut = text.length() > SHOWN;
        String head = cut ? text.substring(0, SHOWN) : text;
        StringBuilder out = new StringBuilder(head.length() + 24);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (cut) {
            out.append("… (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * The candidate closest to {@code asked} by edit distance, if one is close enough to be a
     * plausible typo (at most a third of the longer name, and at least one edit allowed). Only
     * names of plausible length are compared, so the work is bounded whatever {@code asked} is:
     * a name longer than {@link #COMPARED} characters gets no suggestion, and a candidate whose
     * length differs from it by more than the edits allowed is skipped.
     */
    public static Optional<String> closest(String asked, Collection<String> candidates) {
        if (asked.length() > COMPARED) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String a = asked.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            if (c.length() > COMPARED) {
                continue;
            }
            boolean prefix = !a.isEmpty() && (c.startsWith(a) || a.startsWith(c));
            if (!prefix && Math.abs(c.length() - a.length()) > Math.max(2, Math.max(a.length(), c.length()) / 3)) {
                continue;
            }
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
        return closest(asked, candidates).map(c -> "Did you mean '" + shorten(c) + "'? ").orElse("");
    }
}

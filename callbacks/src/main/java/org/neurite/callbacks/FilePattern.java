package org.neurite.callbacks;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names with Keras's placeholders: {@code {epoch}}, {@code {epoch:02d}}, {@code {loss}},
 * {@code {val_accuracy:.4f}}: a logged quantity, optionally with a Python-style format of
 * {@code [0][width]d} for whole numbers or {@code [width].precisionf} for decimals.
 */
final class FilePattern {
    private static final Pattern FIELD = Pattern.compile("\\{([a-z_][a-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern FORMAT = Pattern.compile("(0?)(\\d*)(?:\\.(\\d+))?([df])");

    private FilePattern() {
    }

    /**
     * {@code pattern} with its fields filled from {@code epoch} (counted from 1, as Keras
     * names files) and {@code logs}; with {@code check}, only validates the pattern.
     *
     * @throws IllegalArgumentException for a bad format, or a quantity that is not logged
     */
    static String format(String pattern, int epoch, Map<String, Double> logs, boolean check) {
        Matcher m = FIELD.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String spec = m.group(2);
            String javaFormat = "%s";
            if (spec != null) {
                Matcher f = FORMAT.matcher(spec);
                if (!f.matches()) {
                    throw new IllegalArgumentException("the format '" + spec + "' of {" + key + "} is not "
                            + "one of [0][width]d or [width].precisionf, such as 02d or .4f");
                }
                javaFormat = "%" + f.group(1) + f.group(2) + (f.group(3) == null ? "" : "." + f.group(3)) + f.group(4);
            }
            if (check) {
                continue;
            }
            Object value;
            if (key.equals("epoch")) {
                value = javaFormat.endsWith("f") ? (Object) (double) epoch : (Object) epoch;
            } else {
                Double logged = logs.get(key);
                if (logged == null) {
                    throw new IllegalArgumentException("the file name uses {" + key + "}, which is not logged; "
                            + "logged: " + logs.keySet());
                }
                value = javaFormat.endsWith("d") ? (Object) Math.round(logged) : (Object) logged;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.format(Locale.ROOT, javaFormat, value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package org.neurite.core.io;

import org.neurite.core.tensor.Matrix;

/** How parameter and state names become archive entries, and the shape each array is saved in. */
final class EntryNames {
    private EntryNames() {
    }

    /**
     * {@code name} if it is a safe relative entry path: segments separated by {@code /}, none
     * empty, {@code .} or {@code ..}, and no backslashes or control characters (so extracting
     * the archive can never write outside its directory).
     *
     * @throws IllegalArgumentException otherwise, naming the problem
     */
    static String check(String name) {
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("cannot save the array '" + name + "': a name used as "
                        + "a file path must not have empty, '.' or '..' segments. Rename the layer.");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                throw new IllegalArgumentException("cannot save the array '" + name + "': a name used as "
                        + "a file path must not contain backslashes or control characters. Rename the layer.");
            }
        }
        return name;
    }

    /**
     * The numpy shape {@code m} is saved in: {@code (units,)} for a one-row bias (a name ending
     * in {@code /bias}, as Keras's {@code get_weights()} and its optimizer slots have it),
     * {@code (rows, cols)} otherwise.
     */
    static int[] shape(String name, Matrix m) {
        return name.endsWith("/bias") && m.rows() == 1 ? new int[] {m.cols()} : new int[] {m.rows(), m.cols()};
    }
}

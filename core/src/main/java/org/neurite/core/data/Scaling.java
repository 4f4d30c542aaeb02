package org.neurite.core.data;

import org.neurite.core.tensor.Matrix;

/** Linear rescaling of features to [0, 1] from a known range, such as pixel values 0 to 255. */
public final class Scaling {
    private Scaling() {
    }

    /**
     * {@code (x − min) / (max − min)} for every element, as a new matrix: values in
     * {@code [min, max]} land in {@code [0, 1]}; values outside are mapped by the same line, not
     * clipped.
     *
     * @throws IllegalArgumentException unless {@code min < max}, both finite
     */
    public static Matrix toUnitRange(Matrix x, double min, double max) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("a scale range needs finite min < max, got [" + min + ", " + max + "]");
        }
        double width = max - min;
        Matrix out = new Matrix(x.rows(), x.cols());
        float[] in = x.data();
        float[] o = out.data();
        for (int i = 0; i < in.length; i++) {
            o[i] = (float) ((in[i] - min) / width);
        }
        return out;
    }
}

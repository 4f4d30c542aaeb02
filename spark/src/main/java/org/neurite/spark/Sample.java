package org.neurite.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.neurite.core.data.Dataset;

/**
 * One training sample as Spark ships it: the input row and the target row (one-hot, or a
 * single class index for sparse losses). Arrays are not copied; equality is by content.
 *
 * @param x the inputs, as many as the network takes
 * @param y the targets, as many as the loss needs
 */
public record Sample(float[] x, float[] y) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Sample {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
    }

    /** The rows of {@code data}, in order, as samples. */
    public static List<Sample> of(Dataset data) {
        int in = data.x().cols();
        int out = data.y().cols();
        float[] xs = data.x().data();
        float[] ys = data.y().data();
        List<Sample> samples = new ArrayList<>(data.size());
        for (int r = 0; r < data.size(); r++) {
            samples.add(new Sample(Arrays.copyOfRange(xs, r * in, (r + 1) * in),
                    Arrays.copyOfRange(ys, r * out, (r + 1) * out)));
        }
        return samples;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Sample[x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + "]";
    }
}

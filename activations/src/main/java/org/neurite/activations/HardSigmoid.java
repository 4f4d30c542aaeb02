package org.neurite.activations;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;

/**
 * {@code hard_sigmoid}: {@code clip(slope·z + offset, 0, 1)}. The defaults, {@code slope = 1/6}
 * and {@code offset = 0.5}, are Keras 3's {@code relu6(z + 3)/6}; Keras 2 and tf.keras used
 * {@code slope = 0.2}, {@code offset = 0.5} ({@code clip(0.2z + 0.5, 0, 1)}), which a Keras 2
 * model's import asks for explicitly. The derivative is {@code slope} where
 * {@code 0 < slope·z + offset < 1} and 0 elsewhere.
 */
public final class HardSigmoid implements Activation {
    /** Keras 3's slope, 1/6. */
    public static final double DEFAULT_SLOPE = 1.0 / 6.0;
    /** The offset of every Keras version, 0.5. */
    public static final double DEFAULT_OFFSET = 0.5;
    /** Keras 2's (and tf.keras's) slope, 0.2. */
    public static final double KERAS_2_SLOPE = 0.2;

    private static final String NAME = "hard_sigmoid";
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("slope", DEFAULT_SLOPE).atLeast(0),
            Hyperparameter.number("offset", DEFAULT_OFFSET));

    private final double slope;
    private final double offset;

    /** Keras 3's {@code hard_sigmoid}; the instance ServiceLoader creates. */
    public HardSigmoid() {
        this(DEFAULT_SLOPE, DEFAULT_OFFSET);
    }

    /**
     * {@code clip(slope·z + offset, 0, 1)}.
     *
     * @throws HyperparameterException if {@code slope} is negative or either is not finite
     */
    public HardSigmoid(double slope, double offset) {
        Hyperparameters.resolve("activation '" + NAME + "'", HYPERPARAMETERS,
                Map.of("slope", slope, "offset", offset));
        this.slope = slope;
        this.offset = offset;
    }

    /** The slope of the linear part. */
    public double slope() {
        return slope;
    }

    /** The value at {@code z = 0}. */
    public double offset() {
        return offset;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Activation configure(Hyperparameters values) {
        return new HardSigmoid(values.number("slope"), values.number("offset"));
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        Shapes.forward(NAME, z, a);
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            double y = slope * in[i] + offset;
            out[i] = (float) (y < 0 ? 0 : y > 1 ? 1 : y);
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        Shapes.backward(NAME, z, a, gradA, gradZ);
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            double y = slope * in[i] + offset;
            out[i] = y > 0 && y < 1 ? (float) (slope * g[i]) : 0f;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HardSigmoid other && Double.compare(other.slope, slope) == 0
                && Double.compare(other.offset, offset) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(slope) + Double.hashCode(offset);
    }

    @Override
    public String toString() {
        return NAME + "(slope=" + slope + ", offset=" + offset + ")";
    }
}

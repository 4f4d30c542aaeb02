package org.neurite.core.init;

import java.util.random.RandomGenerator;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/**
 * Keras's {@code VarianceScaling}: draws with variance {@code scale / n}, where {@code n} is
 * the fan-in, the fan-out or their mean. Uniform draws use the limit {@code sqrt(3·scale/n)};
 * normal draws a normal truncated at two standard deviations, its stddev corrected by
 * {@value #TRUNCATION_CORRECTION} so the truncated variance is {@code scale/n}, as Keras does.
 */
abstract class VarianceScaling implements Initializer {
    /** Stddev of a unit normal truncated to [−2, 2]. */
    static final double TRUNCATION_CORRECTION = 0.87962566103423978;

    enum Mode { FAN_IN, FAN_OUT, FAN_AVG }

    private final double scale;
    private final Mode mode;
    private final boolean uniform;

    VarianceScaling(double scale, Mode mode, boolean uniform) {
        this.scale = scale;
        this.mode = mode;
        this.uniform = uniform;
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        double n = switch (mode) {
            case FAN_IN -> fanIn;
            case FAN_OUT -> fanOut;
            case FAN_AVG -> (fanIn + fanOut) / 2.0;
        };
        double variance = scale / Math.max(1.0, n);
        float[] d = target.data();
        if (uniform) {
            double limit = Math.sqrt(3.0 * variance);
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (limit * (2 * random.nextDouble() - 1));
            }
        } else {
            double stddev = Math.sqrt(variance) / TRUNCATION_CORRECTION;
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (stddev * truncatedNormal(random));
            }
        }
    }

    /** A standard normal draw, redrawn until it lies within two standard deviations. */
    static double truncatedNormal(RandomGenerator random) {
        double x;
        do {
            x = random.nextGaussian();
        } while (Math.abs(x) > 2);
        return x;
    }
}

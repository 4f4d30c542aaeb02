package org.neurite.core.init;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** {@code random_uniform}: U(minval, maxval), Keras defaults −0.05 and 0.05. */
public final class RandomUniform implements Initializer {
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("minval", -0.05), Hyperparameter.number("maxval", 0.05));

    private final double min;
    private final double max;

    /** The Keras default range, [−0.05, 0.05). */
    public RandomUniform() {
        this(-0.05, 0.05);
    }

    private RandomUniform(double min, double max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public String name() {
        return "random_uniform";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Initializer configure(Hyperparameters values) {
        double lo = values.number("minval");
        double hi = values.number("maxval");
        if (!(lo < hi)) {
            throw new HyperparameterException("maxval", "initializer 'random_uniform': minval = "
                    + lo + " must be less than maxval = " + hi);
        }
        if (!(Math.abs(lo) <= Float.MAX_VALUE && Math.abs(hi) <= Float.MAX_VALUE && hi - lo <= Double.MAX_VALUE)) {
            throw new HyperparameterException(Math.abs(lo) > Float.MAX_VALUE ? "minval" : "maxval",
                    "initializer 'random_uniform': minval = " + lo + " and maxval = " + hi + " must both lie "
                    + "within float range (±" + Float.MAX_VALUE + ")");
        }
        return new RandomUniform(lo, hi);
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        float[] d = target.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (min + (max - min) * random.nextDouble());
        }
    }
}

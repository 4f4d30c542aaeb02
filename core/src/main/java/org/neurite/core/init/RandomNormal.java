package org.neurite.core.init;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** {@code random_normal}: N(mean, stddev²), Keras defaults mean 0 and stddev 0.05. */
public final class RandomNormal implements Initializer {
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("mean", 0.0), Hyperparameter.number("stddev", 0.05).greaterThan(0));

    private final double mean;
    private final double stddev;

    /** The Keras default, N(0, 0.05²). */
    public RandomNormal() {
        this(0.0, 0.05);
    }

    private RandomNormal(double mean, double stddev) {
        this.mean = mean;
        this.stddev = stddev;
    }

    @Override
    public String name() {
        return "random_normal";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Initializer configure(Hyperparameters values) {
        return new RandomNormal(values.number("mean"), values.number("stddev"));
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        float[] d = target.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (mean + stddev * random.nextGaussian());
        }
    }
}

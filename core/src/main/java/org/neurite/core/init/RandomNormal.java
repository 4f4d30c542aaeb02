package org.neurite.core.init;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** {@code random_normal}: N(mean, stddev²), Keras defaults mean 0 and stddev 0.05. */
public final class RandomNormal implements Initializer {
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("mean", 0.0), Hyperparameter.number("stddev", 0.05).greaterThan(0));

    /** How many standard deviations from the mean a draw is allowed to reach, with margin. */
    static final double SPREAD = 16;

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
        double mean = values.number("mean");
        double stddev = values.number("stddev");
        // nextGaussian stays within about 9 standard deviations; every draw must be a finite float.
        if (!(Math.abs(mean) + SPREAD * stddev <= Float.MAX_VALUE)) {
            throw new HyperparameterException(Math.abs(mean) > Float.MAX_VALUE / 2 ? "mean" : "stddev",
                    "initializer 'random_normal': mean = " + mean + " and stddev = " + stddev + " would draw "
                    + "weights beyond float range (|mean| + " + (int) SPREAD + "·stddev must be at most "
                    + Float.MAX_VALUE + ")");
        }
        return new RandomNormal(mean, stddev);
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        float[] d = target.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (mean + stddev * random.nextGaussian());
        }
    }
}

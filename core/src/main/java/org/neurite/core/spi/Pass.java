package org.neurite.core.spi;

import java.util.random.RandomGenerator;

/**
 * What a forward pass is for: training (dropout drops, batch normalization uses and updates
 * batch statistics) or inference, and, in training, the step's random source.
 *
 * <p>The random source is seeded from the run's seed and the step, so a seeded run is
 * bit-identical; layers draw from it in network order. An inference pass has none.
 */
public final class Pass {
    private static final Pass INFERENCE = new Pass(false, null);

    private final boolean training;
    private final RandomGenerator random;

    private Pass(boolean training, RandomGenerator random) {
        this.training = training;
        this.random = random;
    }

    /** An inference pass: deterministic, and layers leave their state untouched. */
    public static Pass inference() {
        return INFERENCE;
    }

    /** A training pass drawing from {@code random}. */
    public static Pass training(RandomGenerator random) {
        return new Pass(true, java.util.Objects.requireNonNull(random, "random"));
    }

    /** {@code true} in training, {@code false} in inference. */
    public boolean training() {
        return training;
    }

    /**
     * The step's random source.
     *
     * @throws IllegalStateException in an inference pass, which has none
     */
    public RandomGenerator random() {
        if (random == null) {
            throw new IllegalStateException("an inference pass has no random source: layers draw "
                    + "random numbers only in training");
        }
        return random;
    }

    @Override
    public String toString() {
        return training ? "training" : "inference";
    }
}

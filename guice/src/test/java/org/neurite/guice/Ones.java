package org.neurite.guice;

import java.util.random.RandomGenerator;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** A test initializer, discovered through META-INF/services: fills with 1. */
public final class Ones implements Initializer {
    @Override
    public String name() {
        return "test_ones";
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        target.fill(1f);
    }
}

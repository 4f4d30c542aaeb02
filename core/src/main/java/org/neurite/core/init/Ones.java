package org.neurite.core.init;

import java.util.random.RandomGenerator;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** {@code ones}: every value 1. */
public final class Ones implements Initializer {
    @Override
    public String name() {
        return "ones";
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        target.fill(1f);
    }
}

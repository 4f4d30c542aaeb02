package org.neurite.core.init;

import java.util.random.RandomGenerator;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** {@code zeros}: every value 0; Keras's default bias initializer. */
public final class Zeros implements Initializer {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        target.fill(0f);
    }
}

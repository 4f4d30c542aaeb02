package org.neurite.losses;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;
import org.neurite.testkit.LossContract;

/** The plugin contract on probability rows, fused with softmax. */
class SparseCategoricalCrossentropyContractTest extends LossContract {
    @Override
    protected Loss loss() {
        return new SparseCategoricalCrossentropy();
    }

    @Override
    protected Matrix predictions(RandomGenerator random, int rows, int cols) {
        return normaliseRows(super.predictions(random, rows, cols));
    }

    /**
     * One class index in {@code [0, cols)} per row. The kit's default draws 0 or 1 when there is
     * a single column, and 1 is not a class of a one-column output.
     */
    @Override
    protected Matrix targets(RandomGenerator random, int rows, int cols) {
        Matrix labels = new Matrix(rows, 1);
        for (int r = 0; r < rows; r++) {
            labels.set(r, 0, random.nextInt(cols));
        }
        return labels;
    }

    @Override
    protected Optional<Activation> fusionPartner() {
        return Optional.of(new ReferenceSoftmax());
    }
}

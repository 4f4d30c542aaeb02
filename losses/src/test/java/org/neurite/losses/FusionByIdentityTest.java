package org.neurite.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.SigmoidActivation;
import org.neurite.core.spi.SoftmaxActivation;
import org.neurite.core.tensor.Matrix;

/**
 * Losses fuse with an output activation by what it is (the {@link SoftmaxActivation} and
 * {@link SigmoidActivation} markers), not by its name: a softmax under another name fuses, an
 * unrelated activation that calls itself {@code softmax} does not.
 */
class FusionByIdentityTest {

    /** A softmax under a layer's name, as the softmax layer type provides it. */
    private static final class RenamedSoftmax implements SoftmaxActivation {
        private final ReferenceSoftmax softmax = new ReferenceSoftmax();

        @Override
        public String name() {
            return "softmax_layer_output";
        }

        @Override
        public void forward(Matrix z, Matrix a) {
            softmax.forward(z, a);
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            softmax.backward(z, a, gradA, gradZ);
        }
    }

    /** Not a softmax, whatever its name says. */
    private static final class Impostor implements Activation {
        private final String name;

        Impostor(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void forward(Matrix z, Matrix a) {
            a.copyFrom(z);
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            gradZ.copyFrom(gradA);
        }
    }

    @Test
    void categoricalCrossentropiesFuseWithAnyMarkedSoftmaxAndNotWithTheName() {
        assertTrue(new CategoricalCrossentropy().fusedWith(new RenamedSoftmax()).isPresent());
        assertTrue(new SparseCategoricalCrossentropy().fusedWith(new RenamedSoftmax()).isPresent());
        assertTrue(new CategoricalCrossentropy().fusedWith(new Impostor("softmax")).isEmpty());
        assertTrue(new SparseCategoricalCrossentropy().fusedWith(new Impostor("softmax")).isEmpty());
    }

    @Test
    void binaryCrossentropyFusesWithAMarkedSigmoidAndNotWithTheName() {
        assertTrue(new BinaryCrossentropy().fusedWith(new ReferenceSigmoid()).isPresent());
        assertTrue(new BinaryCrossentropy().fusedWith(new Impostor("sigmoid")).isEmpty());
        assertTrue(new BinaryCrossentropy().fusedWith(new RenamedSoftmax()).isEmpty());
    }
}

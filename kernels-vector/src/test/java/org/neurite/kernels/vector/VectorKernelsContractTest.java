package org.neurite.kernels.vector;

import org.junit.jupiter.api.Nested;
import org.neurite.core.tensor.Kernels;
import org.neurite.testkit.KernelsContract;

/**
 * The vector kernels pass the kernels contract with the CPU's tile and with each tile height
 * (runs with --add-modules jdk.incubator.vector, see the POM).
 */
class VectorKernelsContractTest extends KernelsContract {
    @Override
    protected Kernels kernels() {
        return new VectorKernels();
    }

    /** The tile for 32 vector registers (AVX-512, AArch64), whatever this JVM has. */
    @Nested
    class EightByThreeTiles extends KernelsContract {
        @Override
        protected Kernels kernels() {
            return new VectorKernels(1, VectorProduct.TILE_8X3);
        }
    }

    /** The tile for 16 vector registers (AVX2), whatever this JVM has. */
    @Nested
    class SixByTwoTiles extends KernelsContract {
        @Override
        protected Kernels kernels() {
            return new VectorKernels(1, VectorProduct.TILE_6X2);
        }
    }
}

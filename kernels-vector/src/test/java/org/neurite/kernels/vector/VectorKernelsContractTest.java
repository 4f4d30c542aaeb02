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

    /** The tile of CPUs with 32 vector registers (AVX-512). */
    @Nested
    class EightRowTiles extends KernelsContract {
        @Override
        protected Kernels kernels() {
            return new VectorKernels(1, 8);
        }
    }

    /** The tile of CPUs with 16 vector registers (AVX2). */
    @Nested
    class FourRowTiles extends KernelsContract {
        @Override
        protected Kernels kernels() {
            return new VectorKernels(1, 4);
        }
    }
}

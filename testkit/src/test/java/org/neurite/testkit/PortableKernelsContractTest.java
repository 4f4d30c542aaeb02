package org.neurite.testkit;

import org.junit.jupiter.api.Nested;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.PortableKernelsWithoutFma;

/** Core's portable kernels pass the kernels contract, with and without fused multiply-add. */
class PortableKernelsContractTest extends KernelsContract {
    @Override
    protected Kernels kernels() {
        return Kernels.portable();
    }

    /** The multiply-then-add path that CPUs without FMA (or {@code -XX:-UseFMA}) take. */
    @Nested
    class WithoutFusedMultiplyAdd extends KernelsContract {
        @Override
        protected Kernels kernels() {
            return PortableKernelsWithoutFma.create();
        }
    }
}

package org.neurite.core.tensor;

/**
 * The portable kernels as a CPU without fused multiply-add runs them (a multiply and an add
 * per term), for {@code PortableKernelsContractTest}. It lives in core's package, on the test
 * class path only, because that configuration has no public constructor: the JVM picks it.
 */
public final class PortableKernelsWithoutFma {
    private PortableKernelsWithoutFma() {
    }

    /** New portable kernels on one thread that never use {@link Math#fma(float, float, float)}. */
    public static Kernels create() {
        return new PortableKernels(1, false);
    }
}

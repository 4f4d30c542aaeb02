package org.neurite.core.tensor;

import java.lang.management.ManagementFactory;

/**
 * Whether {@link Math#fma(float, float, float)} runs as one hardware instruction. Without it
 * (a CPU without FMA, or {@code -XX:-UseFMA}) the JDK emulates it with {@code BigDecimal}, a
 * hundred times slower than a multiply and an add, so the portable kernels use those instead.
 * Asked once, on the first blocked product (it loads the management classes, ~15 ms).
 */
final class FusedMultiplyAdd {
    static final boolean FAST = detect();

    private FusedMultiplyAdd() {
    }

    private static boolean detect() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm == null || Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            // Not HotSpot, or no java.management: such JVMs intrinsify fma where the CPU has it.
            return true;
        }
    }
}

package org.neurite.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/**
 * What the vector kernels promise beyond {@link VectorKernelsContractTest}'s contract. Runs with
 * --add-modules jdk.incubator.vector (see the POM).
 */
class VectorKernelsTest {
    /** Also run with -XX:MaxVectorSize=16 and -XX:UseAVX=2 (see the POM): the choice follows the width. */
    @Test
    void theVectorKernelsAreTheBestWhenTheModuleIsPresentAndVectorsHoldEightFloats() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        if (VectorProduct.L >= 8) {
            assertInstanceOf(VectorKernels.class, Kernels.best());
            assertEquals("vector", Kernels.best().name());
            assertTrue(Kernels.best().priority() > Kernels.portable().priority());
        } else {
            assertSame(Kernels.portable(), Kernels.best());
            assertTrue(new VectorKernels().priority() < Kernels.portable().priority());
        }
    }

    /** The tile follows the register file: 8×3 vectors with 32 registers, 6×2 with 16. */
    @Test
    void theTileFitsTheRegistersTheJvmReports() {
        int expected = VectorProduct.REGISTERS >= 32 ? VectorProduct.TILE_8X3 : VectorProduct.TILE_6X2;
        assertEquals(expected, VectorProduct.DEFAULT_TILE);
        int accumulators = VectorProduct.rows(expected) * VectorProduct.columns(expected) / VectorProduct.L;
        int bVectors = VectorProduct.columns(expected) / VectorProduct.L;
        assertTrue(accumulators + bVectors + 1 <= VectorProduct.REGISTERS,
                accumulators + " accumulators, " + bVectors + " vectors of B and a broadcast in "
                        + VectorProduct.REGISTERS + " registers");
        String avx = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("UseAVX").getValue();
        if (System.getProperty("os.arch").equals("amd64")) {
            assertEquals(Integer.parseInt(avx) >= 3 ? 32 : 16, VectorProduct.REGISTERS, "UseAVX=" + avx);
        }
    }

    @Test
    void theDefaultThreadCountIsThePortableKernelsOne() {
        assertEquals(Kernels.portable().threads(), new VectorKernels().threads());
        Kernels two = new VectorKernels().withThreads(2);
        assertEquals(2, two.threads());
        assertSame(two, two.withThreads(2));
        assertEquals("vector", two.name());
    }

    /** One rounded addition per element, whether in a vector lane or not. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 77})
    void addRowVectorMatchesThePortableKernelsExactly(int cols) {
        Matrix m = random(5, cols, 1);
        Matrix row = random(1, cols, 2);
        Matrix expected = m.copy();
        Kernels.portable().addRowVector(expected, row);
        new VectorKernels().addRowVector(m, row);
        assertEquals(expected, m);
    }

    /** Both add the rows in order, column by column, so the sums agree to the bit. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 16, 77})
    void sumRowsMatchesThePortableKernelsExactly(int cols) {
        Matrix m = random(9, cols, 3);
        Matrix expected = new Matrix(1, cols);
        Kernels.portable().sumRows(m, expected);
        Matrix out = new Matrix(1, cols).fill(Float.NaN);
        new VectorKernels().sumRows(m, out);
        assertEquals(expected, out);
    }

    /** A rows×cols matrix of uniform values in [-1, 1), from an explicit seed. */
    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return m;
    }
}

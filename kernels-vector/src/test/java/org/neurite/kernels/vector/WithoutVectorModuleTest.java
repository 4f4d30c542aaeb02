package org.neurite.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/** Runs in a JVM without jdk.incubator.vector (a surefire execution of its own, see the POM). */
class WithoutVectorModuleTest {
    @Test
    void theKernelsLoadStepAsideAndSayHowToEnableThem() {
        assertFalse(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "this test must run without --add-modules jdk.incubator.vector");
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        Kernels best;
        try {
            best = Kernels.best();
        } finally {
            System.setErr(original);
        }
        assertSame(Kernels.portable(), best);
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(l -> l.contains("'vector'")).count(), text);
        assertTrue(text.contains("The 'vector' kernels (" + VectorKernels.class.getName()
                + ") cannot run in this JVM; to use them, run the JVM with --add-modules"
                + " jdk.incubator.vector."), text);
    }

    @Test
    void usingThemAnywayFailsWithTheFix() {
        VectorKernels kernels = new VectorKernels();
        assertFalse(kernels.isAvailable());
        Matrix a = new Matrix(64, 64);
        var e = assertThrows(IllegalStateException.class, () -> kernels.multiply(a, a, new Matrix(64, 64)));
        assertEquals("the vector kernels need the jdk.incubator.vector module, which this JVM has not"
                + " loaded: run the JVM with --add-modules jdk.incubator.vector, or compute with"
                + " Kernels.best(), which falls back to the portable kernels", e.getMessage());
    }
}

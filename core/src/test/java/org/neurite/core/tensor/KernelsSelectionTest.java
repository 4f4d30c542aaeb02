package org.neurite.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelsSelectionTest {
    @TempDir
    Path services;

    /** Selects with a class loader that sees exactly the given providers. */
    private Kernels select(Class<?>... providers) throws IOException {
        Path file = services.resolve("META-INF/services/" + Kernels.class.getName());
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(file, lines);
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {services.toUri().toURL()},
                getClass().getClassLoader())) {
            return KernelsSelection.select(loader);
        }
    }

    private static String stderrOf(Supplier<Kernels> action, Kernels[] result) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            result[0] = action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutProvidersThePortableKernelsAreUsed() throws IOException {
        assertSame(Kernels.portable(), select());
    }

    @Test
    void theAvailableProviderWithTheHighestPriorityWins() throws IOException {
        assertInstanceOf(FastKernels.class, select(SlowKernels.class, FastKernels.class));
        assertInstanceOf(FastKernels.class, select(FastKernels.class, SlowKernels.class));
    }

    @Test
    void anUnavailableProviderIsLoggedWithHowToEnableItAndSkipped() {
        Kernels[] chosen = new Kernels[1];
        String log = stderrOf(() -> {
            try {
                return select(UnavailableKernels.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, chosen);
        assertSame(Kernels.portable(), chosen[0]);
        assertEquals(1, log.lines().filter(l -> l.contains("'unavailable'")).count(), log);
        assertTrue(log.contains("The 'unavailable' kernels (" + UnavailableKernels.class.getName()
                + ") cannot run in this JVM; to use them, run the JVM with --add-modules jdk.incubator.vector."), log);
        assertTrue(log.contains("Using the 'portable' kernels with "), log);
    }

    /** Test provider: available, priority 1. */
    public static final class SlowKernels extends Delegate {
        @Override
        public int priority() {
            return 1;
        }
    }

    /** Test provider: available, priority 2. */
    public static final class FastKernels extends Delegate {
        @Override
        public int priority() {
            return 2;
        }
    }

    /** Test provider that cannot run, like the vector kernels without their module. */
    public static final class UnavailableKernels extends Delegate {
        @Override
        public String name() {
            return "unavailable";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public String howToEnable() {
            return "run the JVM with --add-modules jdk.incubator.vector";
        }
    }

    /** Computes with the portable kernels. */
    abstract static class Delegate implements Kernels {
        @Override
        public String name() {
            return getClass().getSimpleName();
        }

        @Override
        public void multiply(Matrix a, Matrix b, Matrix c) {
            Kernels.portable().multiply(a, b, c);
        }

        @Override
        public void multiplyTransposeA(Matrix a, Matrix b, Matrix c) {
            Kernels.portable().multiplyTransposeA(a, b, c);
        }

        @Override
        public void multiplyTransposeB(Matrix a, Matrix b, Matrix c) {
            Kernels.portable().multiplyTransposeB(a, b, c);
        }
    }
}

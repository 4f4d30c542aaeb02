package org.neurite.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/**
 * GFLOP/s of the products, every available back end side by side in one JVM (so the ratios
 * share the machine's load), on the square sizes and the Fashion-MNIST training shapes: the
 * forward product 64×784 · 784×256, its gradients 784×64ᵀ·64×256 (weights) and
 * 64×256 · (784×256)ᵀ (inputs). Median of several timed rounds per shape, after warm-up; the
 * back ends take their rounds in turn (round r starts with back end r mod count), so a
 * machine whose speed drifts from second to second slows them alike and their ratio holds.
 * With one thread each figure is also given per second of the thread's CPU time, which stays
 * close to the quiet machine's figure while other processes share the cores (the thread is
 * not charged for the time it waits for a core).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/neurite-benchmarks.jar \
 *     org.neurite.benchmarks.ProductThroughput [--threads 1] [--rounds 7] [--kernels portable,vector]
 * </pre>
 */
public final class ProductThroughput {
    /** A product: name, op (0 a·b, 1 aᵀ·b, 2 a·bᵀ) and the result's m×n with inner k. */
    private record Shape(String name, int op, int m, int k, int n) {
        double gflop() {
            return 2.0 * m * k * n / 1e9;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("256³ a·b", 0, 256, 256, 256),
            new Shape("512³ a·b", 0, 512, 512, 512),
            new Shape("1024³ a·b", 0, 1024, 1024, 1024),
            new Shape("64×784·784×256 (forward)", 0, 64, 784, 256),
            new Shape("784×64ᵀ·64×256 (weights' gradient)", 1, 784, 64, 256),
            new Shape("64×256·(784×256)ᵀ (inputs' gradient)", 2, 64, 256, 784));

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private ProductThroughput() {
    }

    public static void main(String[] args) {
        int threads = 1;
        int rounds = 7;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--kernels" -> only = List.of(args[++i].split(","));
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: ProductThroughput [--threads N] [--rounds N]"
                            + " [--kernels portable,vector]");
                    System.exit(2);
                }
            }
        }
        List<Kernels> backends = new ArrayList<>();
        for (Kernels k : Backends.all()) {
            if (only != null && !only.contains(k.name())) {
                continue;
            }
            if (k.isAvailable()) {
                backends.add(k.withThreads(threads));
            } else {
                System.out.printf("%s not available: %s%n", k.name(), k.howToEnable());
            }
        }
        System.out.println("best: " + Kernels.best());
        for (Kernels k : backends) {
            System.out.println("  " + k);
        }
        for (Shape shape : SHAPES) {
            Matrix a = shape.op == 1 ? random(shape.k, shape.m, 1) : random(shape.m, shape.k, 1);
            Matrix b = shape.op == 2 ? random(shape.n, shape.k, 2) : random(shape.k, shape.n, 2);
            Matrix c = new Matrix(shape.m, shape.n);
            double[][] rates = measure(backends, shape, a, b, c, rounds);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s", shape.name));
            for (int i = 0; i < backends.size(); i++) {
                line.append(String.format(Locale.ROOT, "  %s %6.1f", backends.get(i).name(), rates[i][0]));
                if (threads == 1) {
                    line.append(String.format(Locale.ROOT, " (cpu %6.1f)", rates[i][1]));
                }
            }
            System.out.println(line.append("  GFLOP/s (median)"));
        }
    }

    /**
     * Per back end, the median GFLOP/s of {@code rounds} rounds of about 0.2 s each, taken in
     * turn after one warm-up second each: per second of wall time and per second of this
     * thread's CPU time.
     */
    private static double[][] measure(List<Kernels> backends, Shape shape, Matrix a, Matrix b, Matrix c,
                                      int rounds) {
        // about 0.2 s a round at 50 GFLOP/s
        int reps = Math.max(1, (int) (0.2 * 50 / shape.gflop()));
        int count = backends.size();
        for (Kernels k : backends) {
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                run(k, shape.op, a, b, c, reps);
            }
        }
        double[][] wall = new double[count][rounds];
        double[][] cpu = new double[count][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int turn = 0; turn < count; turn++) {
                int i = (r + turn) % count;
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                run(backends.get(i), shape.op, a, b, c, reps);
                wall[i][r] = reps * shape.gflop() / ((System.nanoTime() - start) / 1e9);
                cpu[i][r] = reps * shape.gflop() / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
        }
        double[][] medians = new double[count][];
        for (int i = 0; i < count; i++) {
            Arrays.sort(wall[i]);
            Arrays.sort(cpu[i]);
            medians[i] = new double[] {wall[i][rounds / 2], cpu[i][rounds / 2]};
        }
        return medians;
    }

    private static void run(Kernels k, int op, Matrix a, Matrix b, Matrix c, int reps) {
        for (int i = 0; i < reps; i++) {
            switch (op) {
                case 0 -> k.multiply(a, b, c);
                case 1 -> k.multiplyTransposeA(a, b, c);
                default -> k.multiplyTransposeB(a, b, c);
            }
        }
    }

    private static Matrix random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (random.nextDouble() - 0.5);
        }
        return m;
    }
}

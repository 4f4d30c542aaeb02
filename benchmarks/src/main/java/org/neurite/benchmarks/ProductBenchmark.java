package org.neurite.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three products of n×n matrices and of the training shapes, per back end and thread count. Besides products per
 * second, JMH reports the secondary result {@code product:gflops}: GFLOP/s, 2n³ per product.
 *
 * <pre>
 * java -jar benchmarks/target/neurite-benchmarks.jar ProductBenchmark -p shape=512 -p backend=vector
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ProductBenchmark {
    /**
     * The result's m×k×n (inner dimension k), or one number for n×n×n. The training shapes of the
     * Fashion-MNIST network's first layer, batch 64: 64x784x256 (forward, with a·b), 784x64x256
     * (the weights' gradient, with aT·b) and 64x256x784 (the inputs' gradient, with a·bT).
     */
    @Param({"64", "128", "256", "512", "1024", "64x784x256", "784x64x256", "64x256x784"})
    public String shape;

    /** {@code a·b}, {@code aT·b} or {@code a·bT}: the forward pass and the two gradients. */
    @Param({"a·b", "aT·b", "a·bT"})
    public String product;

    /** The kernels' name. */
    @Param({"portable", "vector"})
    public String backend;

    @Param({"1", "2"})
    public int threads;

    private Kernels kernels;
    private int op;
    private Matrix a;
    private Matrix b;
    private Matrix c;
    private double gflopPerProduct;

    /** Floating-point work done, in GFLOP; JMH turns it into GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflops;

        @Setup(Level.Iteration)
        public void reset() {
            gflops = 0;
        }
    }

    @Setup
    public void setUp() {
        kernels = Backends.named(backend, threads);
        op = switch (product) {
            case "a·b" -> 0;
            case "aT·b" -> 1;
            case "a·bT" -> 2;
            default -> throw new IllegalArgumentException("unknown product " + product
                    + "; use a·b, aT·b or a·bT");
        };
        String[] dims = shape.split("x");
        int m = Integer.parseInt(dims[0]);
        int k = dims.length == 3 ? Integer.parseInt(dims[1]) : m;
        int n = dims.length == 3 ? Integer.parseInt(dims[2]) : m;
        a = op == 1 ? random(k, m, 1) : random(m, k, 1);
        b = op == 2 ? random(n, k, 2) : random(k, n, 2);
        c = new Matrix(m, n);
        gflopPerProduct = 2.0 * m * n * k / 1e9;
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

    @Benchmark
    public Matrix product(Flops flops) {
        switch (op) {
            case 0 -> kernels.multiply(a, b, c);
            case 1 -> kernels.multiplyTransposeA(a, b, c);
            default -> kernels.multiplyTransposeB(a, b, c);
        }
        flops.gflops += gflopPerProduct;
        return c;
    }
}

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
 * The three products of n×n matrices, per back end and thread count. Besides products per
 * second, JMH reports the secondary result {@code product:gflops}: GFLOP/s, 2n³ per product.
 *
 * <pre>
 * java -jar benchmarks/target/neurite-benchmarks.jar ProductBenchmark -p n=512 -p backend=vector
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ProductBenchmark {
    /** Matrices are n×n. */
    @Param({"64", "128", "256", "512", "1024"})
    public int n;

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
        a = random(n, 1);
        b = random(n, 2);
        c = new Matrix(n, n);
        gflopPerProduct = 2.0 * n * n * n / 1e9;
    }

    private static Matrix random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = new Matrix(n, n);
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

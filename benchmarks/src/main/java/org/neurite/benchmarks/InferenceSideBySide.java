package org.neurite.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.OnnxExport;
import org.neurite.onnx.OnnxExporters;

/**
 * Inference of the Fashion-MNIST network (784 → 256 relu → 128 relu → 10 softmax) in Neurite
 * and, exported with {@link OnnxExport}, in ONNX Runtime, in one JVM, each on one thread:
 * latency of one sample (median and p99 µs per call) and throughput on batches of 64 and 1024
 * (samples/s, median of the timed rounds). Each call takes a float matrix and gives one: for ONNX
 * Runtime that includes wrapping the input in a tensor and copying the output out. Prints the
 * largest difference between the two outputs too.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/neurite-benchmarks.jar \
 *     org.neurite.benchmarks.InferenceSideBySide [--seconds 3]
 * </pre>
 */
public final class InferenceSideBySide {
    private static final String CONFIG = """
            input_shape: [784]
            layers:
              - {type: dense, units: 256, activation: relu}
              - {type: dense, units: 128, activation: relu}
              - {type: dense, units: 10, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            training: {seed: 42}
            """;

    private InferenceSideBySide() {
    }

    /** One way of running the network on a batch. */
    private interface Runner {
        float[] run(Matrix x) throws OrtException;
    }

    public static void main(String[] args) throws Exception {
        double seconds = 3;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[++i]);
            } else {
                System.err.println("unknown argument " + args[i] + "; usage: InferenceSideBySide [--seconds S]");
                System.exit(2);
            }
        }
        Plugins plugins = Plugins.discover();
        Kernels kernels = Kernels.best().withThreads(1);
        Model model = new ModelAssembler(plugins, kernels).assemble(new ConfigReader(plugins).parse(CONFIG, "fashion"));
        byte[] onnx = OnnxExport.toBytes(model, OnnxExporters.discover());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(onnx, options)) {
                System.out.println("Java " + System.getProperty("java.version") + ", Neurite kernels: " + kernels
                        + ", ONNX Runtime " + env.getVersion() + " (CPU, 1 intra-op thread), load average "
                        + String.format(Locale.ROOT, "%.2f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                Runner neurite = x -> model.predict(x).data();
                Runner ort = x -> runOrt(env, session, x);
                for (int batch : new int[] {1, 64, 1024}) {
                    Matrix x = FashionMnistShape.syntheticData(batch, 11).x();
                    float diff = maxDifference(neurite.run(x), ort.run(x));
                    for (String name : new String[] {"Neurite", "ONNX Runtime"}) {
                        Runner r = name.equals("Neurite") ? neurite : ort;
                        long[] nanos = time(r, x, seconds);
                        long median = nanos[nanos.length / 2];
                        if (batch == 1) {
                            System.out.printf(Locale.ROOT, "batch %4d  %-12s  latency median %8.1f µs  p99 %8.1f µs"
                                    + "  (%d calls)%n", batch, name, median / 1e3,
                                    nanos[(int) (nanos.length * 0.99)] / 1e3, nanos.length);
                        } else {
                            System.out.printf(Locale.ROOT, "batch %4d  %-12s  %10.0f samples/s  (median %8.1f µs per "
                                    + "batch, %d calls)%n", batch, name, batch * 1e9 / median, median / 1e3,
                                    nanos.length);
                        }
                    }
                    System.out.printf(Locale.ROOT, "batch %4d  largest difference between the outputs: %.2e%n",
                            batch, diff);
                }
            }
        }
    }

    private static float[] runOrt(OrtEnvironment env, OrtSession session, Matrix x) throws OrtException {
        FloatBuffer in = ByteBuffer.allocateDirect(x.size() * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        in.put(x.data()).rewind();
        try (OnnxTensor t = OnnxTensor.createTensor(env, in, new long[] {x.rows(), x.cols()});
             OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, t))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] y = new float[out.remaining()];
            out.get(y);
            return y;
        }
    }

    /** Per-call times after a warm-up of a third of the budget, for about {@code seconds}. */
    private static long[] time(Runner r, Matrix x, double seconds) throws OrtException {
        long budget = (long) (seconds * 1e9);
        long warmEnd = System.nanoTime() + budget / 3;
        float sink = 0;
        while (System.nanoTime() < warmEnd) {
            sink += r.run(x)[0];
        }
        long[] nanos = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + budget;
        while (n < nanos.length && (System.nanoTime() < end || n < 5)) {
            long start = System.nanoTime();
            sink += r.run(x)[0];
            nanos[n++] = System.nanoTime() - start;
        }
        if (sink == 42) {
            System.out.print("");
        }
        long[] taken = Arrays.copyOf(nanos, n);
        Arrays.sort(taken);
        return taken;
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return a.length == b.length ? max : Float.NaN;
    }
}

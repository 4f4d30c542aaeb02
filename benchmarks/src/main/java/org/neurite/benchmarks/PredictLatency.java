package org.neurite.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.neurite.core.data.Dataset;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/**
 * Inference latency of the Fashion-MNIST network (784 → 256 relu → 128 relu → 10 softmax):
 * {@link Network#predict} on 1 sample and on small batches, µs per call, median and p99 over
 * many calls after warm-up, with the best kernels on 1 thread.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/neurite-benchmarks.jar \
 *     org.neurite.benchmarks.PredictLatency [--calls 20000]
 * </pre>
 */
public final class PredictLatency {
    private static final int[] BATCHES = {1, 8, 32, 64};

    private PredictLatency() {
    }

    public static void main(String[] args) {
        int calls = 20_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--calls")) {
                calls = Integer.parseInt(args[++i]);
            } else {
                System.err.println("unknown argument " + args[i] + "; usage: PredictLatency [--calls N]");
                System.exit(2);
            }
        }
        Plugins plugins = Plugins.discover();
        Kernels kernels = Kernels.best().withThreads(1);
        Network network = FashionMnistShape.network(plugins, kernels, 42);
        System.out.println("kernels: " + kernels);
        for (int batch : BATCHES) {
            Dataset data = FashionMnistShape.syntheticData(batch, 11);
            Matrix x = data.x();
            long[] nanos = new long[calls];
            float sink = 0;
            for (int i = 0; i < calls; i++) {
                sink += network.predict(x).get(0, 0);
            }
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                sink += network.predict(x).get(0, 0);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "predict, batch %2d: median %8.1f µs  p99 %8.1f µs  (%d calls; %s)%n",
                    batch, nanos[calls / 2] / 1e3, nanos[(int) (calls * 0.99)] / 1e3, calls,
                    sink == 0 ? "" : "ok");
        }
    }
}

package org.neurite.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.Trainer;

/**
 * Samples per second of training the Fashion-MNIST network (784 → 256 relu → 128 relu → 10
 * softmax, categorical cross-entropy, SGD 0.1, batch 64) on synthetic data of Fashion-MNIST's
 * size, for every available back end with 1 and 2 threads: one warm-up epoch each, then timed
 * epochs taken in turn (epoch e starts with run e mod count), so that the ratios hold on a
 * machine whose speed drifts from minute to minute.
 * With one thread the rate is also given per second of the training thread's CPU time, which
 * stays close to the quiet machine's rate while other processes share the cores.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks/target/neurite-benchmarks.jar \
 *     org.neurite.benchmarks.TrainingThroughput [--samples 60000] [--epochs 3] [--threads 1,2] \
 *     [--kernels portable,vector]
 * </pre>
 */
public final class TrainingThroughput {
    private TrainingThroughput() {
    }

    public static void main(String[] args) {
        int samples = 60_000;
        int epochs = 3;
        int[] threadCounts = {1, 2};
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--threads" -> threadCounts = Arrays.stream(args[++i].split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--kernels" -> only = List.of(args[++i].split(","));
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: TrainingThroughput [--samples N] [--epochs N] [--threads 1,2]"
                            + " [--kernels portable,vector]");
                    System.exit(2);
                }
            }
        }
        Plugins plugins = Plugins.discover();
        Dataset data = FashionMnistShape.syntheticData(samples, 2024);
        System.out.printf(Locale.ROOT, "Training %d×784 synthetic samples, batch %d, %d timed epoch(s)"
                + " after one warm-up epoch; %d processors%n", samples, FashionMnistShape.BATCH, epochs,
                Runtime.getRuntime().availableProcessors());
        List<Run> runs = new ArrayList<>();
        for (Kernels backend : Backends.all()) {
            if (only != null && !only.contains(backend.name())) {
                continue;
            }
            if (!backend.isAvailable()) {
                System.out.printf("%-9s not available: %s%n", backend.name(), backend.howToEnable());
                continue;
            }
            for (int threads : threadCounts) {
                runs.add(new Run(plugins, backend.withThreads(threads), epochs));
            }
        }
        for (Run run : runs) {
            run.epoch(data); // warm-up
        }
        // The runs take their epochs in turn, so a drift in the machine's speed slows them alike.
        for (int e = 0; e < epochs; e++) {
            for (int turn = 0; turn < runs.size(); turn++) {
                Run run = runs.get((e + turn) % runs.size());
                double seconds = run.timed(data, e);
                System.out.printf(Locale.ROOT, "%-9s %d thread%s  epoch %d: %6.2f s  %,9.0f samples/s  loss %.4f%n",
                        run.kernels.name(), run.kernels.threads(), run.kernels.threads() == 1 ? " " : "s", e + 1,
                        seconds, run.rates[e], run.loss);
            }
        }
        System.out.println();
        for (Run run : runs) {
            int threads = run.kernels.threads();
            System.out.printf(Locale.ROOT, "%-9s %d thread%s  %,9.0f samples/s (median)%s%n",
                    run.kernels.name(), threads, threads == 1 ? " " : "s", median(run.rates),
                    threads == 1 ? String.format(Locale.ROOT, ", cpu %,9.0f", median(run.cpuRates)) : "");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One back end and thread count: its own network and trainer, and its epochs' rates. */
    private static final class Run {
        private static final java.lang.management.ThreadMXBean CPU =
                java.lang.management.ManagementFactory.getThreadMXBean();

        private static final FitOptions ONE_EPOCH = FitOptions.builder().epochs(1)
                .batchSize(FashionMnistShape.BATCH).shuffle(true).seed(7L).verbose(0).build();

        final Kernels kernels;
        final Trainer trainer;
        /** Samples/s per timed epoch: per wall second and per CPU second of this thread. */
        final double[] rates;
        final double[] cpuRates;
        double loss;

        Run(Plugins plugins, Kernels kernels, int epochs) {
            this.kernels = kernels;
            this.trainer = FashionMnistShape.trainer(plugins, FashionMnistShape.network(plugins, kernels, 42));
            this.rates = new double[epochs];
            this.cpuRates = new double[epochs];
        }

        void epoch(Dataset data) {
            loss = trainer.fit(data, ONE_EPOCH).last("loss");
        }

        /** Trains timed epoch {@code e}; returns its seconds. */
        double timed(Dataset data, int e) {
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            epoch(data);
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[e] = data.size() / seconds;
            cpuRates[e] = data.size() / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            return seconds;
        }
    }
}

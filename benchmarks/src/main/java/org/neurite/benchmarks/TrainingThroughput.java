package org.neurite.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.Trainer;

/**
 * Samples per second of training the Fashion-MNIST network (784 → 256 relu → 128 relu → 10
 * softmax, categorical cross-entropy, SGD 0.1, batch 64) on synthetic data of Fashion-MNIST's
 * size, for every available back end with 1 and 2 threads: one warm-up epoch, then timed epochs.
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
        List<String> summary = new ArrayList<>();
        for (Kernels backend : Backends.all()) {
            if (only != null && !only.contains(backend.name())) {
                continue;
            }
            if (!backend.isAvailable()) {
                System.out.printf("%-9s not available: %s%n", backend.name(), backend.howToEnable());
                continue;
            }
            for (int threads : threadCounts) {
                double[] median = measure(plugins, backend.withThreads(threads), data, epochs);
                summary.add(String.format(Locale.ROOT, "%-9s %d thread%s  %,9.0f samples/s (median)%s",
                        backend.name(), threads, threads == 1 ? " " : "s", median[0],
                        threads == 1 ? String.format(Locale.ROOT, ", cpu %,9.0f", median[1]) : ""));
            }
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    /** Median samples/s over the timed epochs: per wall second and per CPU second of this thread. */
    private static double[] measure(Plugins plugins, Kernels kernels, Dataset data, int epochs) {
        Network network = FashionMnistShape.network(plugins, kernels, 42);
        Trainer trainer = FashionMnistShape.trainer(plugins, network);
        FitOptions oneEpoch = FitOptions.builder().epochs(1).batchSize(FashionMnistShape.BATCH)
                .shuffle(true).seed(7L).verbose(0).build();
        trainer.fit(data, oneEpoch);
        double[] rates = new double[epochs];
        double[] cpuRates = new double[epochs];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int e = 0; e < epochs; e++) {
            long cpuStart = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            var logs = trainer.fit(data, oneEpoch);
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[e] = data.size() / seconds;
            cpuRates[e] = data.size() / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            System.out.printf(Locale.ROOT, "%-9s %d thread%s  epoch %d: %6.2f s  %,9.0f samples/s  loss %.4f%n",
                    kernels.name(), kernels.threads(), kernels.threads() == 1 ? " " : "s", e + 1, seconds,
                    rates[e], logs.last("loss"));
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        return new double[] {rates[epochs / 2], cpuRates[epochs / 2]};
    }
}

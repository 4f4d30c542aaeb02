package org.neurite.examples.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;
import org.neurite.spark.Sample;
import org.neurite.spark.SparkData;
import org.neurite.spark.SparkTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark throughput benchmark: training samples per second of local {@code model.fit}
 * against {@link SparkTrainer} on 1, 2, 4… partitions, synchronous and with parameter
 * averaging, on one network and one synthetic data set. Each figure is the median epoch after
 * a warm-up epoch, so data caching and JIT compilation are left out.
 */
@Command(name = "neurite-spark-throughput", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Training throughput on Spark against local training.")
public final class SparkThroughput implements Callable<Integer> {

    @Option(names = "--spark", paramLabel = "MASTER", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master = "local[2]";

    @Option(names = "--layers", paramLabel = "N,N,…", split = ",",
            description = "Input width, hidden widths and classes (default: 784,256,128,10).")
    int[] layers = {784, 256, 128, 10};

    @Option(names = "--samples", paramLabel = "N", description = "Training samples (default: ${DEFAULT-VALUE}).")
    int samples = 8192;

    @Option(names = "--batch-size", paramLabel = "N", description = "Global batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = 128;

    @Option(names = "--epochs", paramLabel = "N", description = "Timed epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs = 3;

    @Option(names = "--partitions", paramLabel = "N,N,…", split = ",",
            description = "Partition counts to run (default: 1,2,4).")
    int[] partitions = {1, 2, 4};

    @Option(names = "--average-every", paramLabel = "K",
            description = "Also run parameter averaging every K steps (default: ${DEFAULT-VALUE}; 0 skips it).")
    int averageEvery = 8;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        Logging.quietUnlessConfigured();
        System.exit(new CommandLine(new SparkThroughput()).execute(args));
    }

    @Override
    public Integer call() {
        Plugins plugins = Plugins.discover(SparkThroughput.class.getClassLoader());
        ModelAssembler assembler = new ModelAssembler(plugins);
        ConfigReader reader = new ConfigReader(plugins);
        Dataset data = data();
        out.printf(Locale.ROOT, "Network %s, %d samples, batches of %d, %d timed epochs after a warm-up epoch, "
                        + "%d cores, Spark master %s%n%n", Arrays.toString(layers), samples, batchSize, epochs,
                Runtime.getRuntime().availableProcessors(), master);
        out.println("run                       partitions   samples/s   ms/epoch   vs local");
        EpochTimer local = new EpochTimer();
        Model model = assembler.assemble(reader.parse(config(), "benchmark.yaml"));
        model.fit(data, options(model, local));
        double base = local.samplesPerSecond();
        row("local fit", "-", base, local.median(), base);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("neurite-spark-throughput")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            List<Integer> averaging = new ArrayList<>(List.of(0));
            if (averageEvery > 0) {
                averaging.add(averageEvery);
            }
            for (int k : averaging) {
                for (int p : partitions) {
                    JavaRDD<Sample> rdd = SparkData.parallelize(sc, data, p);
                    EpochTimer timer = new EpochTimer();
                    Model m = assembler.assemble(reader.parse(config(), "benchmark.yaml"));
                    SparkTrainer.Builder b = SparkTrainer.builder(sc);
                    if (k > 0) {
                        b.averageEvery(k);
                    }
                    b.build().fit(m, rdd, options(m, timer));
                    row(k == 0 ? "spark synchronous" : "spark averaging k=" + k, String.valueOf(p),
                            timer.samplesPerSecond(), timer.median(), base);
                }
            }
        }
        return 0;
    }

    private void row(String run, String parts, double perSecond, double ms, double base) {
        out.printf(Locale.ROOT, "%-25s %10s %11.0f %10.0f %9.2fx%n", run, parts, perSecond, ms, perSecond / base);
    }

    private FitOptions options(Model model, EpochTimer timer) {
        timer.samples = samples;
        return model.fitOptions().epochs(epochs + 1).verbose(0).listener(timer).build();
    }

    private String config() {
        StringBuilder yaml = new StringBuilder("input_shape: [" + layers[0] + "]\nlayers:\n");
        for (int i = 1; i < layers.length; i++) {
            yaml.append("  - {type: dense, units: ").append(layers[i]).append(", activation: ")
                    .append(i == layers.length - 1 ? "softmax" : "relu").append("}\n");
        }
        return yaml.append("loss: categorical_crossentropy\noptimizer: {name: sgd, learning_rate: 0.05}\n")
                .append("metrics: [accuracy]\ntraining: {batch_size: ").append(batchSize)
                .append(", shuffle: true, seed: 1, verbose: 0}\n").toString();
    }

    /** Uniform inputs, labelled by the largest of a fixed random projection: learnable, like images. */
    private Dataset data() {
        int in = layers[0];
        int classes = layers[layers.length - 1];
        SplittableRandom random = new SplittableRandom(42);
        float[] projection = new float[in * classes];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) random.nextGaussian();
        }
        Matrix x = new Matrix(samples, in);
        Matrix y = new Matrix(samples, classes);
        for (int r = 0; r < samples; r++) {
            double[] score = new double[classes];
            for (int c = 0; c < in; c++) {
                float v = (float) random.nextDouble();
                x.set(r, c, v);
                for (int k = 0; k < classes; k++) {
                    score[k] += (v - 0.5) * projection[c * classes + k];
                }
            }
            int best = 0;
            for (int k = 1; k < classes; k++) {
                best = score[k] > score[best] ? k : best;
            }
            y.set(r, best, 1);
        }
        return new Dataset(x, y);
    }

    /** Times each epoch after the first. */
    private static final class EpochTimer implements TrainingListener {
        private final List<Double> millis = new ArrayList<>();
        private long start;
        private boolean warm;
        int samples;

        @Override
        public void onEpochBegin(Training training, int epoch) {
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
            if (warm) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
            warm = true;
        }

        double median() {
            List<Double> sorted = millis.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double samplesPerSecond() {
            return samples / (median() / 1000);
        }
    }
}

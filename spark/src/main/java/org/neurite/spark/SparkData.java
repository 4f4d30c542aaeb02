package org.neurite.spark;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.DataSpec;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.DataLoader;
import org.neurite.core.data.Dataset;

/**
 * Samples as RDDs: from a data set in the driver's memory, or read by the executors themselves
 * from the files a configuration's {@code data} section names.
 *
 * <pre>{@code
 * ModelConfig config = new ConfigReader(plugins).read(Path.of("fashion-mnist.yaml"));
 * JavaRDD<Sample> train = SparkData.train(sc, config, 8);   // each executor reads its slices
 * JavaRDD<Sample> small = SparkData.parallelize(sc, dataset, 4);
 * }</pre>
 */
public final class SparkData {
    // One read per executor JVM and data section, whatever the number of its partitions; soft,
    // since the trainer caches the partitions it builds from them.
    private static final Map<String, SoftReference<Dataset>> READ = new HashMap<>();

    private SparkData() {
    }

    /**
     * The rows of {@code data} in {@code partitions} slices of nearly equal size, in order: for
     * data sets that fit in the driver. The data travel once to each executor, as a broadcast
     * that lives as long as the context; unlike {@code sc.parallelize(list)}, whose partitions
     * carry their samples inside every task that reads them, or any RDD derived from them,
     * which for training means every step.
     */
    public static JavaRDD<Sample> parallelize(JavaSparkContext sc, Dataset data, int partitions) {
        requirePartitions(partitions);
        int n = data.size();
        int inputs = data.x().cols();
        int targets = data.y().cols();
        Broadcast<float[][]> arrays = sc.broadcast(new float[][] {data.x().data(), data.y().data()});
        List<Integer> slices = IntStream.range(0, partitions).boxed().toList();
        return sc.parallelize(slices, partitions).flatMap(p -> {
            int from = (int) ((long) p * n / partitions);
            int to = (int) ((long) (p + 1) * n / partitions);
            float[][] xy = arrays.value();
            List<Sample> out = new ArrayList<>(to - from);
            for (int r = from; r < to; r++) {
                out.add(new Sample(Arrays.copyOfRange(xy[0], r * inputs, (r + 1) * inputs),
                        Arrays.copyOfRange(xy[1], r * targets, (r + 1) * targets)));
            }
            return out.iterator();
        });
    }

    /**
     * The training data of {@code config}'s {@code data} section, read on the executors: only
     * the configuration travels, each executor reads the files (once per JVM) from a path
     * every executor can see, prepares them as {@link DataLoader} does, and keeps the rows of
     * its partitions. Partition {@code p} of {@code P} holds rows {@code [p·n/P, (p+1)·n/P)}.
     *
     * @throws IllegalArgumentException if the configuration has no {@code data} section
     */
    public static JavaRDD<Sample> train(JavaSparkContext sc, ModelConfig config, int partitions) {
        return read(sc, config, partitions, false);
    }

    /**
     * The test data of {@code config}'s {@code data} section, read on the executors like
     * {@link #train} (standardised with the training data's statistics, if so configured).
     *
     * @throws IllegalArgumentException if the section names no test files
     */
    public static JavaRDD<Sample> test(JavaSparkContext sc, ModelConfig config, int partitions) {
        if (config.data() != null && !config.data().hasTestData()) {
            throw new IllegalArgumentException("the configuration's data section names no test files; "
                    + "add test: {...} to it");
        }
        return read(sc, config, partitions, true);
    }

    private static JavaRDD<Sample> read(JavaSparkContext sc, ModelConfig config, int partitions, boolean test) {
        Objects.requireNonNull(config, "config");
        requirePartitions(partitions);
        if (config.data() == null) {
            throw new IllegalArgumentException("the configuration has no data section to read; add one "
                    + "(format, train, ...) or build the samples with SparkData.parallelize");
        }
        String json = ConfigWriter.toJson(config);
        List<Integer> slices = IntStream.range(0, partitions).boxed().toList();
        return sc.parallelize(slices, partitions)
                .mapPartitions(it -> slice(json, test, it, partitions));
    }

    private static Iterator<Sample> slice(String json, boolean test, Iterator<Integer> slices, int partitions) {
        List<Sample> out = new ArrayList<>();
        while (slices.hasNext()) {
            int p = slices.next();
            Dataset all = load(json, test);
            int n = all.size();
            int from = (int) ((long) p * n / partitions);
            int to = (int) ((long) (p + 1) * n / partitions);
            out.addAll(Sample.of(all.rows(from, to)));
        }
        return out.iterator();
    }

    private static Dataset load(String json, boolean test) {
        String key = (test ? "test:" : "train:") + json;
        synchronized (READ) {
            Dataset cached = READ.containsKey(key) ? READ.get(key).get() : null;
            if (cached != null) {
                return cached;
            }
            DataSpec spec = new ConfigReader(Workers.plugins()).parse(json, "data section.json").data();
            Dataset data = test ? DataLoader.load(spec, Workers.plugins()).test()
                    : DataLoader.load(spec.withoutTestFiles(), Workers.plugins()).train();
            READ.clear();
            READ.put(key, new SoftReference<>(data));
            return data;
        }
    }

    private static void requirePartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("the number of partitions must be at least 1, got " + partitions);
        }
    }
}

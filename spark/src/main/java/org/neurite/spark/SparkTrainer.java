package org.neurite.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.LayerSpec;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.Dataset;
import org.neurite.core.model.Model;
import org.neurite.core.spi.MetricType;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;

/**
 * Trains a {@link Model} on a Spark cluster, data-parallel: the samples stay in their
 * partitions, cached on the executors; the driver keeps the model, its optimizer state and
 * its history, so the trained model saves and loads like any other.
 *
 * <p><b>Synchronous SGD</b> (the default): for each global batch the driver broadcasts the
 * parameters, each partition computes the gradient of its share of the batch with the ordinary
 * Neurite trainer, {@code treeAggregate} sums them, and the driver divides by the batch size
 * and calls the configured optimizer's {@code step()}. With {@link BatchOrder#GLOBAL} this is
 * the arithmetic of {@code model.fit} on the same samples in the same order, up to float
 * rounding: same batches, same optimizer, same history.
 *
 * <p><b>Parameter averaging</b> ({@link Builder#averageEvery(int) averageEvery(k)}): one Spark
 * job per k batches instead of one per batch. Each partition takes k optimizer steps on its
 * shares of those batches, starting from the broadcast parameters and optimizer state, then
 * parameters and state are averaged, weighted by the rows each partition trained on. For
 * k = 1 and plain or momentum SGD this equals synchronous SGD; larger k trades exactness for
 * fewer jobs, for when the per-job overhead dominates the computation.
 *
 * <pre>{@code
 * Model model = new ModelAssembler(plugins).assemble(new ConfigReader(plugins).read(config));
 * JavaRDD<Sample> train = SparkData.train(sc, model.config(), 8);
 * History history = SparkTrainer.builder(sc).build().fit(model, train);
 * model.save(Path.of("model.neurite"));
 * }</pre>
 *
 * <p>Make the samples with {@link SparkData} or from files the executors read: a partition of
 * {@code sc.parallelize(list)} carries its samples inside every task that reads it or any RDD
 * derived from it, which here means every step.
 *
 * <p>Executors build their own copy of the network from the model's configuration, finding
 * the plugins by name, so the plugin jars must be on their class path (in the application jar
 * given to {@code spark-submit}). A NaN or infinite loss or gradient in any partition stops
 * training with a {@link org.neurite.core.train.TrainingDivergedException} naming the epoch,
 * the batch and the partition; a failed task is retried by Spark and recomputes the same
 * result. Not thread-safe: train one model at a time per trainer.
 */
public final class SparkTrainer {
    private final JavaSparkContext sc;
    private final int averageEvery;
    private final BatchOrder batchOrder;
    private final int treeDepth;
    private final TaskHook hook;

    private SparkTrainer(Builder b) {
        this.sc = b.sc;
        this.averageEvery = b.averageEvery;
        this.batchOrder = b.batchOrder;
        this.treeDepth = b.treeDepth;
        this.hook = b.hook;
    }

    /** A builder for a trainer on {@code sc}: synchronous SGD, {@link BatchOrder#GLOBAL}. */
    public static Builder builder(JavaSparkContext sc) {
        return new Builder(sc);
    }

    /** Trains with the model configuration's settings (epochs, batch size, seed, …). */
    public History fit(Model model, JavaRDD<Sample> data) {
        return fit(model, data, null, model.fitOptions().build());
    }

    /** Trains with explicit settings; {@code options}' validation data are evaluated on the driver. */
    public History fit(Model model, JavaRDD<Sample> data, FitOptions options) {
        return fit(model, data, null, options);
    }

    /**
     * Trains on {@code data}, evaluating {@code validation} (may be {@code null}) on the cluster
     * after each epoch, and appends each epoch to the model's history.
     *
     * @return the history of this call's epochs
     * @throws org.neurite.core.train.TrainingDivergedException at the first NaN or infinite
     *         loss or gradient; the model keeps the parameters from before that step
     */
    public History fit(Model model, JavaRDD<Sample> data, JavaRDD<Sample> validation, FitOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        if (validation != null && (options.validation() != null || options.validationSplit() > 0)) {
            throw new IllegalArgumentException("give validation data as an RDD, in the fit options or as a "
                    + "validation split, not several");
        }
        requireSupported(model);
        List<JavaRDD<?>> cached = new ArrayList<>();
        Broadcast<String> config = sc.broadcast(architecture(model.config()));
        try {
            JavaRDD<Block> all = cache(blocks(model, data), cached);
            List<Integer> sizes = all.map(b -> b.rows).collect();
            long n = sizes.stream().mapToLong(Integer::longValue).sum();
            JavaRDD<Block> train = all;
            JavaRDD<Block> held = validation == null ? null : cache(blocks(model, validation), cached);
            if (options.validationSplit() > 0) {
                long kept = n - Dataset.validationRows(n, options.validationSplit());
                train = cache(all.map(b -> b.slice(0, kept)), cached);
                held = cache(all.map(b -> b.slice(kept, Long.MAX_VALUE)), cached);
                n = kept;
            }
            if (n == 0) {
                throw new IllegalArgumentException("cannot train on an empty data set");
            }
            SparkRun run = new SparkRun(this, model, config, train, n, sizes.size(), held, options);
            return run.execute();
        } finally {
            cached.forEach(r -> r.unpersist(false));
            config.destroy();
        }
    }

    /** The loss and metrics of {@code model} on {@code data}, computed on the cluster. */
    public Map<String, Double> evaluate(Model model, JavaRDD<Sample> data) {
        requireSampleMeans(model);
        Broadcast<String> config = sc.broadcast(architecture(model.config()));
        try {
            return evaluate(model, config, blocks(model, data), model.config().training().batchSize());
        } finally {
            config.destroy();
        }
    }

    /** Loss and metrics of the model's current parameters on {@code blocks}. */
    Map<String, Double> evaluate(Model model, Broadcast<String> config, JavaRDD<Block> blocks, int batchSize) {
        Broadcast<float[]> parameters = sc.broadcast(Vectors.values(model.network().parameters(), null));
        try {
            List<String> names = model.metrics();
            Partials sums = blocks.treeAggregate(new Partials(1, names.size()),
                    new EvaluateTask(config, parameters, batchSize), Partials::merge, treeDepth);
            Map<String, Double> logs = new LinkedHashMap<>();
            long rows = sums.rows[0];
            logs.put("loss", rows == 0 ? Double.NaN : sums.loss[0] / rows);
            for (int m = 0; m < names.size(); m++) {
                logs.put(names.get(m), rows == 0 ? Double.NaN : sums.metrics[m] / rows);
            }
            return logs;
        } finally {
            parameters.destroy();
        }
    }

    /**
     * Refuses what this trainer cannot yet compute as local training does: layers with state
     * (batch normalization's moving statistics live on the executors) and metrics that are not
     * sample means (precision, AUC: per-partition results do not combine by averaging).
     */
    private static void requireSupported(Model model) {
        if (!model.network().state().isEmpty()) {
            throw new IllegalArgumentException("the Spark trainer cannot train layers with state yet: "
                    + model.network().state().keySet() + " would be updated on the executors and lost; "
                    + "train this model locally with Model.fit");
        }
        requireSampleMeans(model);
    }

    private static void requireSampleMeans(Model model) {
        for (MetricType m : model.trainer().metrics()) {
            if (!m.isSampleMean()) {
                throw new IllegalArgumentException("the Spark trainer reports only metrics that are means over "
                        + "samples; '" + m.name() + "' is not (its parts do not combine by averaging): "
                        + "evaluate it locally with Model.evaluate");
            }
        }
    }

    JavaSparkContext context() {
        return sc;
    }

    int averageEvery() {
        return averageEvery;
    }

    BatchOrder batchOrder() {
        return batchOrder;
    }

    int treeDepth() {
        return treeDepth;
    }

    TaskHook hook() {
        return hook;
    }

    /** Each partition's samples as one block, checked against the model's widths. */
    private static JavaRDD<Block> blocks(Model model, JavaRDD<Sample> data) {
        int inputs = model.network().inputSize();
        int targets = model.loss().targetColumns(model.network().outputSize());
        return data.zipWithIndex().mapPartitionsWithIndex(
                (p, it) -> List.of(Block.of(p, it, inputs, targets)).iterator(), true);
    }

    private static <T> JavaRDD<T> cache(JavaRDD<T> rdd, List<JavaRDD<?>> cached) {
        cached.add(rdd);
        return rdd.persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * The configuration the executors build their networks from: the model's, without its
     * data section and explicit initial weights (the parameters come in every broadcast).
     */
    static String architecture(ModelConfig c) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : c.layers()) {
            layers.add(new LayerSpec(l.type(), l.name(), l.hyperparameters(), l.components(), Map.of()));
        }
        return ConfigWriter.toJson(new ModelConfig(c.inputSize(), layers, c.loss(), c.optimizer(),
                c.metrics(), c.training(), null, c.weightedMetrics()));
    }

    /** Builds a {@link SparkTrainer}. */
    public static final class Builder {
        private final JavaSparkContext sc;
        private int averageEvery;
        private BatchOrder batchOrder = BatchOrder.GLOBAL;
        private int treeDepth = 2;
        private TaskHook hook = TaskHook.NONE;

        private Builder(JavaSparkContext sc) {
            this.sc = Objects.requireNonNull(sc, "sc");
        }

        /** Synchronous SGD: one Spark job and one optimizer step per global batch (the default). */
        public Builder synchronous() {
            this.averageEvery = 0;
            return this;
        }

        /**
         * Parameter averaging: each partition takes {@code k} local optimizer steps, then
         * parameters and optimizer state are averaged; one Spark job per {@code k} batches.
         */
        public Builder averageEvery(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("averageEvery needs k ≥ 1 local steps between averages, got " + k);
            }
            this.averageEvery = k;
            return this;
        }

        /** How global batches are formed (default {@link BatchOrder#GLOBAL}). */
        public Builder batchOrder(BatchOrder order) {
            this.batchOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /** The depth of {@code treeAggregate}'s reduction tree (default 2). */
        public Builder treeDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("the tree depth must be at least 1, got " + depth);
            }
            this.treeDepth = depth;
            return this;
        }

        /** Tests only: called in every training task, before it computes. */
        Builder hook(TaskHook hook) {
            this.hook = Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** The trainer with these settings. */
        public SparkTrainer build() {
            return new SparkTrainer(this);
        }
    }
}

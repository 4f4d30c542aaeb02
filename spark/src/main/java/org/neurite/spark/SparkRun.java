package org.neurite.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.neurite.core.model.Model;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.train.EpochLoop;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to {@link SparkTrainer#fit}: the batches of the shared {@link EpochLoop} (listeners,
 * history, validation, divergence messages), each step a Spark job.
 */
final class SparkRun implements EpochLoop.Steps {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private final SparkTrainer trainer;
    private final Model model;
    private final Broadcast<String> config;
    private final JavaRDD<Block> train;
    private final long samples;
    private final int partitions;
    private final JavaRDD<Block> validation;
    private final FitOptions options;
    private final int batchSize;
    private final int batches;
    private final int perJob;
    private final List<Parameter> parameters;
    private final Optimizer.Updater updater;
    private final EpochLoop loop;
    private final List<String> metrics;
    private final float[] classWeights;
    private double[] metricSums;
    private double[] metricWeights;
    private JavaRDD<Batches> arranged;

    SparkRun(SparkTrainer trainer, Model model, Broadcast<String> config, JavaRDD<Block> train, long samples,
             int partitions, JavaRDD<Block> validation, FitOptions options) {
        this.trainer = trainer;
        this.model = model;
        this.config = config;
        this.train = train;
        this.samples = samples;
        this.partitions = partitions;
        this.validation = validation;
        this.options = options;
        if (trainer.batchOrder() == BatchOrder.GLOBAL && options.shuffle() && samples > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot shuffle " + samples + " samples as the local trainer does: "
                    + "its permutation holds at most " + (Integer.MAX_VALUE - 8) + "; use BatchOrder.PER_PARTITION");
        }
        this.batchSize = (int) Math.min(options.batchSize(), samples);
        this.batches = Math.toIntExact((samples + batchSize - 1) / batchSize);
        this.perJob = trainer.averageEvery() == 0 ? 1 : trainer.averageEvery();
        this.parameters = model.network().parameters();
        this.updater = model.trainer().updater();
        this.metrics = model.metrics();
        this.classWeights = options.classWeight().isEmpty() ? null : model.trainer().classWeightTable(options);
        this.loop = new EpochLoop(model.trainer(), options, batches, samples,
                new Progress(options.out(), options.logEvery(), samples, partitions));
    }

    History execute() {
        LOG.info("Training {} epochs on {} samples in {} partitions, batches of {}, {}, seed {}",
                options.epochs(), samples, partitions, batchSize, trainer.averageEvery() == 0
                        ? "synchronous SGD" : "parameter averaging every " + perJob + " steps", loop.seed());
        try {
            return loop.run(this);
        } finally {
            if (arranged != null) {
                arranged.unpersist(false);
            }
        }
    }

    @Override
    public void beginEpoch(int epoch) {
        if (arranged == null || options.shuffle()) {
            // Without shuffling every epoch has the same batches: arrange them once.
            if (arranged != null) {
                arranged.unpersist(false);
            }
            EpochPlan plan = new EpochPlan(samples, batchSize, options.shuffle(), loop.seed(), epoch,
                    trainer.batchOrder());
            arranged = train.map(plan::arrange).persist(StorageLevel.MEMORY_ONLY());
        }
        metricSums = new double[metrics.size()];
        metricWeights = new double[metrics.size()];
    }

    /** The driver's constant learning rate for the workers' local steps, or NaN for a schedule. */
    private double constantLearningRate() {
        return model.optimizer().settings().schedule() != null ? Double.NaN : updater.learningRate();
    }

    /** One Spark job: batches {@code [first, first + count)}, then the update on the driver. */
    @Override
    public int train(int epoch, int first) {
        int count = Math.min(perJob, batches - first);
        for (int b = first; b < first + count; b++) {
            loop.batchBegin(epoch, b);
        }
        boolean averaging = trainer.averageEvery() > 0;
        Broadcast<float[]> start = trainer.context().broadcast(
                Vectors.values(parameters, averaging ? updater.state() : null));
        Partials p;
        try {
            p = arranged.treeAggregate(new Partials(count, metrics.size()),
                    new PartitionStep(config, start, epoch, first, count, averaging, updater.iterations(),
                            constantLearningRate(), trainer.hook(), classWeights),
                    Partials::merge, trainer.treeDepth());
        } finally {
            start.destroy();
        }
        String kept = averaging ? "those before this averaging round (batches " + (first + 1) + " to "
                + (first + count) + ")" : "those before this batch's update";
        if (p.failedPartition >= 0) {
            throw loop.diverged(epoch, p.failedBatch, "partition " + p.failedPartition + " reports that "
                    + p.failure, kept);
        }
        float[] mean = Vectors.divide(p.sum, p.weight);
        if (averaging) {
            for (int i = 0; i < mean.length; i++) {
                if (!Float.isFinite(mean[i])) {
                    throw loop.diverged(epoch, first + count - 1, "the averaged parameters or optimizer state"
                            + " contain NaN or infinite values", kept);
                }
            }
            Vectors.setState(updater.state(), mean, Vectors.setValues(parameters, mean, 0));
            updater.setIterations(updater.iterations() + count);
        } else {
            Vectors.setGradients(parameters, mean, 0);
            for (Parameter param : parameters) {
                if (!param.gradient().isFinite()) {
                    throw loop.diverged(epoch, first, "the gradient of " + param.name()
                            + " summed over the partitions contains NaN or infinite values", kept);
                }
            }
            updater.step();
        }
        for (int m = 0; m < metricSums.length; m++) {
            metricSums[m] += p.metrics[m];
            metricWeights[m] += p.metricWeights[m];
        }
        for (int j = 0; j < count; j++) {
            loop.batchEnd(epoch, first + j, p.loss[j] / p.rows[j], p.rows[j]);
        }
        return count;
    }

    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> logs = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            logs.put(metrics.get(m), metricSums[m] / metricWeights[m]);
        }
        return logs;
    }

    @Override
    public Map<String, Double> validate() {
        if (validation != null) {
            return trainer.evaluate(model, config, validation, options.batchSize());
        }
        return options.validation() == null ? Map.of()
                : model.trainer().evaluate(options.validation(), options.batchSize());
    }
}

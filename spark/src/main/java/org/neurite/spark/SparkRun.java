package org.neurite.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.neurite.core.model.Model;
import org.neurite.core.network.Network;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingDivergedException;
import org.neurite.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to {@link SparkTrainer#fit}: the driver's epoch loop. Mirrors the local trainer's
 * loop (listeners, history, divergence checks), with each step a Spark job.
 */
final class SparkRun implements Training {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrainer.class);

    private final SparkTrainer trainer;
    private final Model model;
    private final Broadcast<String> config;
    private final JavaRDD<Block> train;
    private final long samples;
    private final int partitions;
    private final JavaRDD<Block> validation;
    private final FitOptions options;
    private final long seed;
    private final int batchSize;
    private final int batches;
    private final int perJob;
    private final List<Parameter> parameters;
    private final Optimizer.Updater updater;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private double[] sums;
    private double lastFinite = Double.NaN;
    private boolean stopRequested;

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
        this.seed = options.seed() != null ? options.seed() : new SplittableRandom().nextLong();
        if (trainer.batchOrder() == BatchOrder.GLOBAL && options.shuffle() && samples > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot shuffle " + samples + " samples as the local trainer does: "
                    + "its permutation holds at most " + (Integer.MAX_VALUE - 8) + "; use BatchOrder.PER_PARTITION");
        }
        this.batchSize = (int) Math.min(options.batchSize(), samples);
        this.batches = Math.toIntExact((samples + batchSize - 1) / batchSize);
        this.perJob = trainer.averageEvery() == 0 ? 1 : trainer.averageEvery();
        this.parameters = model.network().parameters();
        this.updater = model.trainer().updater();
        if (options.verbose() > 0) {
            listeners.add(new Progress(options.out(), options.logEvery(), samples, partitions));
        }
        listeners.addAll(options.listeners());
    }

    @Override
    public Network network() {
        return model.network();
    }

    @Override
    public int epochs() {
        return options.epochs();
    }

    @Override
    public int batchesPerEpoch() {
        return batches;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public boolean higherIsBetter(String key) {
        return model.trainer().higherIsBetter(key);
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    History execute() {
        LOG.info("Training {} epochs on {} samples in {} partitions, batches of {}, {}, seed {}",
                options.epochs(), samples, partitions, batchSize, trainer.averageEvery() == 0
                        ? "synchronous SGD" : "parameter averaging every " + perJob + " steps", seed);
        History thisCall = new History();
        History history = model.history();
        List<String> metrics = model.metrics();
        listeners.forEach(l -> l.onTrainBegin(this));
        JavaRDD<Batches> arranged = null;
        try {
            for (int e = 0; e < options.epochs() && !stopRequested; e++) {
                int epoch = history.epochs();
                for (TrainingListener l : listeners) {
                    l.onEpochBegin(this, epoch);
                }
                if (arranged == null || options.shuffle()) {
                    // Without shuffling every epoch has the same batches: arrange them once.
                    if (arranged != null) {
                        arranged.unpersist(false);
                    }
                    EpochPlan plan = new EpochPlan(samples, batchSize, options.shuffle(), seed, epoch,
                            trainer.batchOrder());
                    arranged = train.map(plan::arrange).persist(StorageLevel.MEMORY_ONLY());
                }
                sums = new double[metrics.size() + 1];
                for (int first = 0; first < batches; first += perJob) {
                    step(arranged, epoch, first, Math.min(perJob, batches - first));
                }
                Map<String, Double> logs = new LinkedHashMap<>();
                logs.put("loss", sums[0] / samples);
                for (int m = 0; m < metrics.size(); m++) {
                    logs.put(metrics.get(m), sums[m + 1] / samples);
                }
                if (validation != null) {
                    trainer.evaluate(model, config, validation, options.batchSize())
                            .forEach((k, v) -> logs.put("val_" + k, v));
                } else if (options.validation() != null) {
                    model.trainer().evaluate(options.validation(), options.batchSize())
                            .forEach((k, v) -> logs.put("val_" + k, v));
                }
                history.append(logs);
                thisCall.append(logs);
                for (TrainingListener l : listeners) {
                    l.onEpochEnd(this, epoch, logs);
                }
            }
        } finally {
            if (arranged != null) {
                arranged.unpersist(false);
            }
        }
        for (TrainingListener l : listeners) {
            l.onTrainEnd(this, thisCall);
        }
        return thisCall;
    }

    /** One Spark job: batches {@code [first, first + count)}, then the update on the driver. */
    private void step(JavaRDD<Batches> arranged, int epoch, int first, int count) {
        for (int b = first; b < first + count; b++) {
            for (TrainingListener l : listeners) {
                l.onBatchBegin(this, epoch, b);
            }
        }
        boolean averaging = trainer.averageEvery() > 0;
        Broadcast<float[]> start = trainer.context().broadcast(
                Vectors.values(parameters, averaging ? updater.state() : null));
        Partials p;
        try {
            p = arranged.treeAggregate(new Partials(count, sums.length - 1),
                    new PartitionStep(config, start, epoch, first, count, averaging, updater.iterations(),
                            trainer.hook()),
                    Partials::merge, trainer.treeDepth());
        } finally {
            start.destroy();
        }
        if (p.failedPartition >= 0) {
            throw diverged(epoch, p.failedBatch, "partition " + p.failedPartition + " reports that "
                    + p.failure);
        }
        float[] mean = Vectors.divide(p.sum, p.weight);
        if (averaging) {
            for (int i = 0; i < mean.length; i++) {
                if (!Float.isFinite(mean[i])) {
                    throw diverged(epoch, first + count - 1, "the averaged parameters or optimizer state"
                            + " contain NaN or infinite values");
                }
            }
            Vectors.setState(updater.state(), mean, Vectors.setValues(parameters, mean, 0));
            updater.setIterations(updater.iterations() + count);
        } else {
            Vectors.setGradients(parameters, mean, 0);
            for (Parameter param : parameters) {
                if (!param.gradient().isFinite()) {
                    throw diverged(epoch, first, "the gradient of " + param.name()
                            + " summed over the partitions contains NaN or infinite values");
                }
            }
            updater.step();
        }
        for (int m = 1; m < sums.length; m++) {
            sums[m] += p.metrics[m - 1];
        }
        for (int j = 0; j < count; j++) {
            double loss = p.loss[j] / p.rows[j];
            sums[0] += p.loss[j];
            lastFinite = loss;
            for (TrainingListener l : listeners) {
                l.onBatchEnd(this, epoch, first + j, loss);
            }
        }
    }

    private TrainingDivergedException diverged(int epoch, int batch, String what) {
        String last = Double.isNaN(lastFinite) ? "no finite loss was computed before it"
                : "the last finite loss was " + lastFinite;
        String kept = trainer.averageEvery() == 0 ? "this batch's update"
                : "this averaging round (batches " + (batch / perJob * perJob + 1) + " to "
                        + Math.min(batches, batch / perJob * perJob + perJob) + ")";
        return new TrainingDivergedException("Training diverged at epoch " + (epoch + 1) + ", batch "
                + (batch + 1) + " of " + batches + ": " + what + "; " + last + ". The parameters are those"
                + " before " + kept + ". Lower the learning rate, scale the inputs, or check the data for"
                + " NaN/Inf.", epoch + 1, batch + 1);
    }
}

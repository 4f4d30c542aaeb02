package org.neurite.spark;

import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.neurite.core.train.ClassWeights;
import org.neurite.core.train.Trainer;

/**
 * The work of one partition in one step, as {@code treeAggregate}'s sequence operation. With
 * {@code localSteps} off (synchronous SGD), it sets the broadcast parameters, computes the
 * gradient of its share of one global batch with the ordinary Neurite trainer and adds it,
 * weighted by its rows (so the sum over partitions is the batch's gradient sum). With
 * {@code localSteps} on (parameter averaging), it also sets the broadcast optimizer state, step
 * count and constant learning rate (which {@code reduce_lr_on_plateau} may have changed), takes one optimizer step per batch of the round on its share, and adds its
 * parameters and optimizer state weighted by the rows it trained on.
 */
final class PartitionStep implements Function2<Partials, Batches, Partials> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<String> config;
    private final Broadcast<float[]> start;
    private final int epoch;
    private final int firstBatch;
    private final int batches;
    private final boolean localSteps;
    private final long iterations;
    /** The driver's constant learning rate, or NaN when it is a schedule (the workers compute it). */
    private final double learningRate;
    private final TaskHook hook;
    private final float[] classWeights;

    /**
     * @param classWeights the weight of each class index ({@code ClassWeights.table}), or
     *                     {@code null} to train without weights
     */
    PartitionStep(Broadcast<String> config, Broadcast<float[]> start, int epoch, int firstBatch, int batches,
                  boolean localSteps, long iterations, double learningRate, TaskHook hook, float[] classWeights) {
        this.config = config;
        this.start = start;
        this.epoch = epoch;
        this.firstBatch = firstBatch;
        this.batches = batches;
        this.localSteps = localSteps;
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.hook = hook;
        this.classWeights = classWeights;
    }

    @Override
    public Partials call(Partials acc, Batches part) {
        hook.beforeTask(epoch, firstBatch, part.block.partition);
        int total = 0;
        for (int j = 0; j < batches; j++) {
            total += part.rows(firstBatch + j);
        }
        if (total == 0) {
            return acc;
        }
        Workers.Worker worker = Workers.borrow(config.value());
        try {
            List<Parameter> parameters = worker.parameters();
            Optimizer.Updater updater = worker.model().trainer().updater();
            float[] values = start.value();
            int offset = Vectors.setValues(parameters, values, 0);
            if (localSteps) {
                Vectors.setState(updater.state(), values, offset);
                updater.setIterations(iterations);
                if (!Double.isNaN(learningRate)) {
                    updater.setLearningRate(learningRate);
                }
            }
            long trained = 0;
            for (int j = 0; j < batches; j++) {
                int rows = part.rows(firstBatch + j);
                if (rows == 0) {
                    continue;
                }
                String problem = batch(worker, part, firstBatch + j, rows, acc, j, classWeights);
                if (problem != null) {
                    acc.fail(part.block.partition, firstBatch + j, problem);
                    return acc;
                }
                if (localSteps) {
                    updater.step();
                }
                trained += rows;
            }
            if (localSteps) {
                acc.add(parameters, false, Vectors.state(updater.state()), trained);
            } else {
                acc.add(parameters, true, null, trained);
            }
            return acc;
        } finally {
            Workers.release(worker);
        }
    }

    /** Forward, metrics, backward on this partition's share of {@code batch}; a problem or null. */
    private static String batch(Workers.Worker worker, Batches part, int batch, int rows, Partials acc, int j,
                                float[] classWeights) {
        Matrix x = new Matrix(rows, part.block.inputs);
        Matrix y = new Matrix(rows, part.block.targets);
        part.gather(batch, x, y);
        Matrix w = classWeights == null ? null : ClassWeights.sampleWeights(classWeights, y);
        // Every metric here is a (weighted) sample mean (SparkTrainer checks), so batch shares
        // combine by their rows, or by their weights for a weighted metric.
        Trainer trainer = worker.model().trainer();
        List<Metric> metrics = trainer.startMetrics();
        double loss = trainer.computeGradients(x, y, w, metrics);
        double weightSum = 0;
        if (w != null) {
            for (float v : w.data()) {
                weightSum += v;
            }
        }
        for (int m = 0; m < metrics.size(); m++) {
            double share = w != null && trainer.isWeighted(m) ? weightSum : rows;
            if (share > 0) {
                acc.metrics[m] += metrics.get(m).result() * share;
                acc.metricWeights[m] += share;
            }
        }
        for (Parameter p : worker.parameters()) {
            if (!p.gradient().isFinite()) {
                return "the gradient of " + p.name() + " on its " + rows + " rows of the batch contains NaN"
                        + " or infinite values (the loss on them is " + loss + ")";
            }
        }
        if (!Double.isFinite(loss)) {
            return "the loss on its " + rows + " rows of the batch is " + loss;
        }
        acc.loss[j] += loss * rows;
        acc.rows[j] += rows;
        return null;
    }
}

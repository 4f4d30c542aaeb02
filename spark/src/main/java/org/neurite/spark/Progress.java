package org.neurite.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;

/**
 * The local trainer's progress lines for training on Spark: a header, then one line per logged
 * epoch ({@code Epoch 3/10 - 812ms - loss: 0.1234 - accuracy: 0.9500}). No in-place bar: the
 * driver's console is usually a log.
 */
final class Progress implements TrainingListener {
    private final PrintStream out;
    private final int logEvery;
    private final long samples;
    private final int partitions;
    private int firstEpoch = -1;
    private long epochStart;

    Progress(PrintStream out, int logEvery, long samples, int partitions) {
        this.out = out;
        this.logEvery = logEvery;
        this.samples = samples;
        this.partitions = partitions;
    }

    @Override
    public void onTrainBegin(Training training) {
        out.printf(Locale.ROOT, "Training %d epochs on Spark: %d samples in %d partitions, %d batches each, seed %d%n",
                training.epochs(), samples, partitions, training.batchesPerEpoch(), training.seed());
    }

    @Override
    public void onEpochBegin(Training training, int epoch) {
        if (firstEpoch < 0) {
            firstEpoch = epoch;
        }
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        int index = epoch - firstEpoch + 1;
        if (logEvery > 1 && index != 1 && index % logEvery != 0 && index != training.epochs()) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %d/%d - %.0fms", epoch + 1,
                firstEpoch + training.epochs(), (System.nanoTime() - epochStart) / 1e6));
        logs.forEach((k, v) -> line.append(String.format(Locale.ROOT, " - %s: %.4f", k, v)));
        out.println(line);
    }
}

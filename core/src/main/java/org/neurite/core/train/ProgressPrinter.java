package org.neurite.core.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras-style progress output. Verbose 2 prints one line per logged epoch; verbose 1 on a
 * terminal also redraws a progress bar within the epoch (at most ten times a second), and
 * elsewhere behaves like verbose 2. With {@code logEvery > 1} only every {@code logEvery}-th
 * epoch, the first and the last are printed.
 */
final class ProgressPrinter implements TrainingListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean inPlace;
    private final int logEvery;
    private long epochStart;
    private long lastDraw;
    private int firstEpoch;

    ProgressPrinter(PrintStream out, int verbose, int logEvery) {
        this.out = out;
        this.inPlace = verbose == 1 && out == System.out && System.console() != null;
        this.logEvery = logEvery;
    }

    @Override
    public void onTrainBegin(Training training) {
        firstEpoch = -1;
        out.printf(Locale.ROOT, "Training %d epochs, %d batches each, seed %d%n",
                training.epochs(), training.batchesPerEpoch(), training.seed());
    }

    @Override
    public void onEpochBegin(Training training, int epoch) {
        if (firstEpoch < 0) {
            firstEpoch = epoch;
        }
        epochStart = System.nanoTime();
    }

    @Override
    public void onBatchEnd(Training training, int epoch, int batch, double loss) {
        if (!inPlace || !shouldPrint(training, epoch)) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && batch + 1 < training.batchesPerEpoch()) {
            return;
        }
        lastDraw = now;
        int done = batch + 1;
        int total = training.batchesPerEpoch();
        int width = 30;
        int filled = (int) ((long) width * done / total);
        out.printf(Locale.ROOT, "\rEpoch %d/%d %d/%d [%s%s] - loss: %.4f",
                epoch + 1, firstEpoch + training.epochs(), done, total,
                "=".repeat(filled), ".".repeat(width - filled), loss);
        out.flush();
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        if (!shouldPrint(training, epoch)) {
            return;
        }
        StringBuilder line = new StringBuilder(inPlace ? "\r" : "");
        line.append(String.format(Locale.ROOT, "Epoch %d/%d - %.0fms", epoch + 1,
                firstEpoch + training.epochs(), (System.nanoTime() - epochStart) / 1e6));
        // Keras's progress bar: four decimals, or four significant digits for small values (a learning rate).
        logs.forEach((k, v) -> line.append(String.format(Locale.ROOT, Math.abs(v) > 1e-3 || v == 0 ? " - %s: %.4f"
                : " - %s: %.4e", k, v)));
        if (inPlace) {
            line.append(" ".repeat(10));
        }
        out.println(line);
    }

    private boolean shouldPrint(Training training, int epoch) {
        int index = epoch - firstEpoch + 1;
        return logEvery == 1 || index == 1 || index % logEvery == 0 || index == training.epochs();
    }
}

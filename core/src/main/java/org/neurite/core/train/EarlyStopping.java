package org.neurite.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Stops training when a monitored quantity has stopped improving, like Keras's
 * {@code EarlyStopping}: once {@code patience} epochs in a row bring no improvement larger than
 * {@code minDelta}. The direction of improvement is the monitored metric's own
 * ({@link Training#higherIsBetter}): upward for accuracy, downward for a loss.
 * With {@code restoreBestWeights}, stopping puts back the parameters of the best epoch (as in
 * Keras, a run that is not stopped keeps its last parameters).
 */
public final class EarlyStopping implements TrainingListener {
    private final String monitor;
    private final double minDelta;
    private final int patience;
    private final boolean restoreBestWeights;
    private boolean maximize;

    private double best;
    private int wait;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private List<Matrix> bestWeights;

    /**
     * @param monitor            the log key to watch, such as {@code val_loss}
     * @param minDelta           the smallest change that counts as an improvement (≥ 0)
     * @param patience           epochs without improvement before stopping (≥ 0)
     * @param restoreBestWeights put back the best epoch's parameters when training ends
     */
    public EarlyStopping(String monitor, double minDelta, int patience, boolean restoreBestWeights) {
        this.monitor = Objects.requireNonNull(monitor);
        if (minDelta < 0 || patience < 0) {
            throw new IllegalArgumentException("min_delta and patience must not be negative, got "
                    + minDelta + " and " + patience);
        }
        this.minDelta = minDelta;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
    }

    @Override
    public void onTrainBegin(Training training) {
        maximize = training.higherIsBetter(monitor);
        best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalArgumentException("early stopping monitors '" + monitor
                    + "', which is not logged; logged: " + logs.keySet());
        }
        boolean improved = maximize ? value - minDelta > best : value + minDelta < best;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                saveWeights(training.network().parameters());
            }
        } else if (++wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            training.stop();
        }
    }

    @Override
    public void onTrainEnd(Training training, History history) {
        if (restoreBestWeights && stoppedEpoch >= 0 && bestWeights != null) {
            List<Parameter> params = training.network().parameters();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).value().copyFrom(bestWeights.get(i));
            }
        }
    }

    private void saveWeights(List<Parameter> params) {
        if (bestWeights == null) {
            bestWeights = new ArrayList<>();
            for (Parameter p : params) {
                bestWeights.add(p.value().copy());
            }
        } else {
            for (int i = 0; i < params.size(); i++) {
                bestWeights.get(i).copyFrom(params.get(i).value());
            }
        }
    }

    /** The epoch (from 0) with the best monitored value, or −1 before any. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch (from 0) after which training was stopped, or −1 if it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}

package org.neurite.core.train;

import org.neurite.core.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neurite.core.network.Network;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a network with a loss and an optimizer, Keras's {@code fit}/{@code evaluate}.
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(network, losses.get("categorical_crossentropy"),
 *         optimizers.create("sgd", Map.of("learning_rate", 0.1)), List.of("accuracy"));
 * History history = trainer.fit(new Dataset(x, y), FitOptions.builder().epochs(1000).seed(42L).build());
 * }</pre>
 *
 * <p>Semantics follow Keras: the loss is the batch mean, plus the regularization penalties of
 * the network's layers (in training and in evaluation; metrics leave them out); an epoch's logged loss and metrics are
 * sample-weighted averages over its batches, each computed with the parameters before that
 * batch's update; a softmax (or sigmoid) output feeding a cross-entropy is fused and computed
 * from the logits. The optimizer state lives in this trainer: calling {@code fit} again
 * continues where the last call stopped. Once its buffers exist, a training step allocates
 * nothing. Not thread-safe.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Network network;
    private final Loss loss;
    private final Loss fusedLoss;
    private final List<MetricType> metricTypes;
    private final int unweighted;
    private final List<String> metricNames;
    private final Optimizer.Updater updater;
    private final History history = new History();
    private final SlotCache trainingSlots = new SlotCache();
    private final StepRandom stepRandom = new StepRandom();
    private final Pass trainingPass = Pass.training(stepRandom);
    private final boolean regularized;
    private Matrix lastOutput;

    /**
     * @param network   the network to train
     * @param loss      the loss of its output
     * @param optimizer the optimizer; its per-run state is created here
     * @param metrics   the metrics to report, each started for the network's output and the
     *                  loss's targets (so {@code accuracy} resolves as Keras resolves it)
     * @throws IllegalArgumentException if a metric does not apply to this network's outputs
     */
    public Trainer(Network network, Loss loss, Optimizer optimizer, List<MetricType> metrics) {
        this(network, loss, optimizer, metrics, List.of());
    }

    /**
     * A trainer that also reports {@code weightedMetrics}, Keras's {@code weighted_metrics}:
     * computed with the sample (or class) weights, where {@code metrics} ignore them. Each is
     * logged under its name, or {@code weighted_<name>} if a metric of {@code metrics} has it.
     *
     * @throws IllegalArgumentException if a metric does not apply to this network's outputs, or
     *                                  two would be logged under one name
     */
    public Trainer(Network network, Loss loss, Optimizer optimizer, List<MetricType> metrics,
                   List<MetricType> weightedMetrics) {
        this.network = Objects.requireNonNull(network, "network");
        this.loss = Objects.requireNonNull(loss, "loss");
        Optional<Loss> fused = network.outputActivation() == null ? Optional.empty()
                : loss.fusedWith(network.outputActivation());
        this.fusedLoss = fused.orElse(null);
        List<MetricType> all = new ArrayList<>(metrics);
        all.addAll(weightedMetrics);
        this.metricTypes = List.copyOf(all);
        this.unweighted = metrics.size();
        List<String> logged = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < metricTypes.size(); i++) {
            String name = metricTypes.get(i).name();
            if (i >= unweighted && names.contains(name)) {
                name = "weighted_" + name;   // Keras 3's CompileMetrics names the weighted twin so
            }
            if (!names.add(name) || name.equals("loss")) {
                throw new IllegalArgumentException("two metrics would be logged as '" + name + "'");
            }
            logged.add(name);
        }
        this.metricNames = List.copyOf(logged);
        startMetrics();
        this.regularized = network.hasRegularizers();
        this.updater = optimizer.start(network.parameters());
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    /** The optimizer's state for this training run. */
    public Optimizer.Updater updater() {
        return updater;
    }

    /** Every epoch trained so far, over all calls to {@link #fit}. */
    public History history() {
        return history;
    }

    /**
     * The metrics this trainer reports, in the order they are logged: the unweighted ones, then
     * the weighted ones.
     */
    public List<MetricType> metrics() {
        return metricTypes;
    }

    /** The name each of {@link #metrics()} is logged under, in order. */
    public List<String> metricNames() {
        return metricNames;
    }

    /** Whether metric {@code index} of {@link #metrics()} is weighted by the sample weights. */
    public boolean isWeighted(int index) {
        return index >= unweighted;
    }

    /**
     * Whether a larger value of the logged quantity {@code key} is better: {@code loss} and
     * {@code val_loss} improve downward, a metric (or {@code val_} metric) as it declares.
     *
     * @throws IllegalArgumentException if nothing is logged under {@code key}
     */
    public boolean higherIsBetter(String key) {
        String base = key.startsWith("val_") ? key.substring(4) : key;
        if (base.equals("loss")) {
            return false;
        }
        for (int m = 0; m < metricTypes.size(); m++) {
            if (metricNames.get(m).equals(base)) {
                return metricTypes.get(m).higherIsBetter();
            }
        }
        List<String> logged = new ArrayList<>(List.of("loss", "val_loss"));
        metricNames.forEach(m -> {
            logged.add(m);
            logged.add("val_" + m);
        });
        throw new IllegalArgumentException("'" + key + "' is not logged; logged: " + String.join(", ", logged));
    }

    /** {@code true} if the loss is computed from the logits of the output activation. */
    public boolean isFused() {
        return fusedLoss != null;
    }

    /**
     * Trains for {@code options.epochs()} epochs, continuing the epoch count, optimizer state
     * and shuffling sequence of earlier calls.
     *
     * @return the history of this call's epochs
     * @throws TrainingDivergedException at the first NaN or infinite loss, gradient or updated
     *                                   parameter; the parameters and optimizer state are then
     *                                   those before that batch's update
     * @throws IllegalArgumentException  if the data do not fit the network and loss, or hold
     *                                   NaN or infinite values
     */
    public History fit(Dataset data, FitOptions options) {
        Dataset train = data;
        Dataset validation = options.validation();
        if (options.validationSplit() > 0) {
            Dataset[] parts = data.splitLast(options.validationSplit());
            train = parts[0];
            validation = parts[1];
        }
        checkShapes(train, "training data");
        if (validation != null) {
            checkShapes(validation, "validation data");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty data set");
        }
        if (!options.classWeight().isEmpty()) {
            if (train.sampleWeights() != null) {
                throw new IllegalArgumentException("give class weights or sample weights, not both (Keras: \"You "
                        + "cannot `class_weight` and `sample_weight` at the same time\")");
            }
            train = train.withSampleWeights(ClassWeights.sampleWeights(classWeightTable(options), train.y()));
        }
        int batchSize = Math.min(options.batchSize(), train.size());
        int batches = (train.size() + batchSize - 1) / batchSize;
        EpochLoop loop = new EpochLoop(this, options, batches, train.size());
        // The progress printer shows the seed when verbose; silent runs still log it.
        if (options.verbose() == 0) {
            LOG.info("Training {} epochs on {} samples in batches of {}, seed {}",
                    options.epochs(), train.size(), batchSize, loop.seed());
        }
        return loop.run(new LocalSteps(loop, train, validation, options, batchSize));
    }

    /**
     * The weight of each class index under {@code options}' class weights, for this network.
     *
     * @throws IllegalArgumentException naming the class index or weight that does not fit
     */
    public float[] classWeightTable(FitOptions options) {
        int classes = loss.classes(network.outputSize());
        return ClassWeights.table(options.classWeight(), classes);
    }

    /**
     * The loss and metrics of {@code data}, in batches of {@code batchSize}, without training;
     * weighted by the data set's sample weights if it has them, as Keras weighs
     * {@code validation_data} given with weights.
     */
    public Map<String, Double> evaluate(Dataset data, int batchSize) {
        checkShapes(data, "evaluation data");
        List<Metric> metrics = startMetrics();
        double lossSum = 0;
        int n = data.size();
        int step = Math.max(1, Math.min(batchSize, n));
        // Its own buffers on each call: evaluation may run on several threads at once.
        Matrix weights = data.sampleWeights();
        Slot full = new Slot(step, data.x().cols(), data.y().cols(), network.outputSize());
        for (int start = 0; start < n; start += step) {
            int rows = Math.min(step, n - start);
            Slot slot = rows == step ? full : new Slot(rows, data.x().cols(), data.y().cols(), network.outputSize());
            gather(data.x(), null, start, rows, slot.x);
            gather(data.y(), null, start, rows, slot.y);
            Matrix w = weights == null ? null : gather(weights, null, start, rows, slot.w);
            Network.Forward out = network.infer(slot.x);
            double batchLoss = fusedLoss != null ? lossOf(fusedLoss, out.logits(), slot.y, w, slot.losses)
                    : lossOf(loss, out.output(), slot.y, w, slot.losses);
            // As Keras's evaluate: the loss includes the regularization penalties, the metrics do not.
            lossSum += (regularized ? batchLoss + out.penalty() : batchLoss) * rows;
            updateMetrics(metrics, out.output(), slot.y, w);
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", n == 0 ? Double.NaN : lossSum / n);
        for (int m = 0; m < metrics.size(); m++) {
            logs.put(metricNames.get(m), metrics.get(m).result());
        }
        return logs;
    }

    /**
     * Forward and backward over one batch without updating anything: sets every parameter's
     * gradient to that of the batch's mean loss (fused where the loss fuses) plus the network's
     * regularization penalties, adds the batch to {@code metrics}, and returns that loss (with
     * the penalties). For trainers that combine gradients from several
     * places before one optimizer step. Allocates nothing once buffers for this batch size exist.
     */
    public double computeGradients(Matrix x, Matrix y, List<Metric> metrics) {
        return computeGradients(x, y, null, metrics);
    }

    /**
     * {@link #computeGradients(Matrix, Matrix, List)} for a batch of weighted samples: the loss
     * is {@code Σ wᵢ·lᵢ / n} (Keras 3's reduction), its gradient likewise, and the weighted
     * metrics take the weights.
     *
     * @param weights n×1 sample weights, or {@code null} for weight 1 each
     */
    public double computeGradients(Matrix x, Matrix y, Matrix weights, List<Metric> metrics) {
        if (x.cols() != network.inputSize() || y.cols() != loss.targetColumns(network.outputSize())
                || x.rows() != y.rows() || weights != null && !weights.hasShape(x.rows(), 1)) {
            throw new IllegalArgumentException("a batch for this network is n×" + network.inputSize()
                    + " inputs with n×" + loss.targetColumns(network.outputSize()) + " targets (and n×1 "
                    + "weights), but got " + x.shape() + " and " + y.shape()
                    + (weights == null ? "" : " and " + weights.shape()));
        }
        Slot slot = trainingSlots.get(x.rows(), x.cols(), y.cols(), network.outputSize());
        stepRandom.reseed(0, updater.iterations());
        double value = backpropagate(x, y, weights, slot);
        updateMetrics(metrics, lastOutput, y, weights);
        return value;
    }

    /** Adds a batch to {@code metrics} (this trainer's, in order): the weighted ones with {@code w}. */
    private void updateMetrics(List<Metric> metrics, Matrix output, Matrix y, Matrix w) {
        for (int m = 0; m < metrics.size(); m++) {
            metrics.get(m).update(output, y, m >= unweighted ? w : null);
        }
    }

    /** {@code Σ wᵢ·lᵢ / n}, Keras 3's "sum over batch size" reduction; the mean loss without weights. */
    private static double lossOf(Loss loss, Matrix predictions, Matrix y, Matrix w, double[] losses) {
        if (w == null) {
            return loss.loss(predictions, y);
        }
        loss.sampleLosses(predictions, y, losses);
        float[] weights = w.data();
        double sum = 0;
        for (int r = 0; r < weights.length; r++) {
            sum += weights[r] * losses[r];
        }
        return sum / weights.length;
    }

    /** Scales row r of {@code grad} (the gradient of the mean loss) by {@code w[r]}. */
    private static void weighRows(Matrix grad, Matrix w) {
        float[] g = grad.data();
        float[] weights = w.data();
        int cols = grad.cols();
        for (int r = 0; r < weights.length; r++) {
            for (int c = r * cols; c < (r + 1) * cols; c++) {
                g[c] *= weights[r];
            }
        }
    }

    /** A fresh accumulator for each of this trainer's metrics. */
    public List<Metric> startMetrics() {
        int outputs = network.outputSize();
        List<Metric> metrics = new ArrayList<>();
        for (MetricType type : metricTypes) {
            metrics.add(type.start(outputs, loss.targetColumns(outputs)));
        }
        return metrics;
    }

    /**
     * Forward, loss (weighted by {@code w} if not null) and backward; keeps the output in
     * {@code lastOutput}. Returns the loss plus the regularization penalties.
     */
    private double backpropagate(Matrix x, Matrix y, Matrix w, Slot slot) {
        lastOutput = network.forward(x, trainingPass);
        Matrix grad = slot.grad;
        double value;
        if (fusedLoss != null) {
            Matrix logits = network.logits();
            value = lossOf(fusedLoss, logits, y, w, slot.losses);
            fusedLoss.gradient(logits, y, grad);
            if (w != null) {
                weighRows(grad, w);
            }
            network.backwardFromLogits(grad);
        } else {
            value = lossOf(loss, lastOutput, y, w, slot.losses);
            loss.gradient(lastOutput, y, grad);
            if (w != null) {
                weighRows(grad, w);
            }
            network.backward(grad);
        }
        return regularized ? value + network.penalty() : value;
    }

    private void checkShapes(Dataset d, String what) {
        if (d.x().cols() != network.inputSize()) {
            throw new IllegalArgumentException("the " + what + " has " + d.x().cols()
                    + " input columns but the network takes " + network.inputSize());
        }
        int targets = loss.targetColumns(network.outputSize());
        if (d.y().cols() != targets) {
            throw new IllegalArgumentException("the " + what + " has " + d.y().cols()
                    + " target columns but loss '" + loss.name() + "' on " + network.outputSize()
                    + " outputs needs " + targets);
        }
        Network.requireFinite(d.x(), what + "'s inputs");
        Network.requireFinite(d.y(), what + "'s targets");
        try {
            loss.checkTargets(d.y(), network.outputSize());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + "'s targets do not fit the loss: " + e.getMessage(), e);
        }
    }

    /** Reusable batch buffers for one batch size. */
    private static final class Slot {
        final Matrix x;
        final Matrix y;
        final Matrix w;
        final Matrix grad;
        final double[] losses;

        Slot(int rows, int inputs, int targets, int outputs) {
            x = new Matrix(rows, inputs);
            y = new Matrix(rows, targets);
            w = new Matrix(rows, 1);
            grad = new Matrix(rows, outputs);
            losses = new double[rows];
        }
    }

    /** Buffers for the two batch sizes in use (the full batch and a shorter last one). */
    private static final class SlotCache {
        private final Slot[] slots = new Slot[2];
        private int next;

        Slot get(int rows, Dataset d, int outputs) {
            return get(rows, d.x().cols(), d.y().cols(), outputs);
        }

        Slot get(int rows, int inputs, int targets, int outputs) {
            for (Slot s : slots) {
                if (s != null && s.x.rows() == rows && s.x.cols() == inputs && s.y.cols() == targets) {
                    return s;
                }
            }
            Slot s = new Slot(rows, inputs, targets, outputs);
            slots[next] = s;
            next = 1 - next;
            return s;
        }
    }

    /** Copies rows {@code order[start..start+rows)} (or {@code start..} if null) of src into dst; returns dst. */
    private static Matrix gather(Matrix src, int[] order, int start, int rows, Matrix dst) {
        int cols = src.cols();
        float[] s = src.data();
        float[] d = dst.data();
        for (int r = 0; r < rows; r++) {
            int from = order == null ? start + r : order[start + r];
            System.arraycopy(s, from * cols, d, r * cols, cols);
        }
        return dst;
    }

    /**
     * Copies of the network's arrays (parameters and state) and of the optimizer's state and
     * step count, taken when an epoch begins; allocated once per call to fit.
     */
    private final class Snapshot {
        private final List<Matrix> live = new ArrayList<>();
        private final List<Matrix> copies = new ArrayList<>();
        private long iterations;

        Snapshot() {
            network.arrays().values().forEach(this::add);
            updater.state().values().forEach(this::add);
        }

        private void add(Matrix m) {
            live.add(m);
            copies.add(new Matrix(m.rows(), m.cols()));
        }

        void take() {
            for (int i = 0; i < live.size(); i++) {
                copies.get(i).copyFrom(live.get(i));
            }
            iterations = updater.iterations();
        }

        void restore() {
            for (int i = 0; i < live.size(); i++) {
                live.get(i).copyFrom(copies.get(i));
            }
            updater.setIterations(iterations);
        }
    }

    /** The batches of one call to fit, on this machine. */
    private final class LocalSteps implements EpochLoop.Steps {
        private final EpochLoop loop;
        private final Dataset train;
        private final Matrix weights;
        private final Dataset validation;
        private final FitOptions options;
        private final int batchSize;
        private final int[] order;
        private final Snapshot snapshot = new Snapshot();
        private List<Metric> metrics;

        LocalSteps(EpochLoop loop, Dataset train, Dataset validation, FitOptions options, int batchSize) {
            this.loop = loop;
            this.train = train;
            this.weights = train.sampleWeights();
            this.validation = validation;
            this.options = options;
            this.batchSize = batchSize;
            int n = train.size();
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // Buffers for the full and the last batch exist before the first step.
            trainingSlots.get(batchSize, train, network.outputSize());
            trainingSlots.get(n - (loop.batchesPerEpoch() - 1) * batchSize, train, network.outputSize());
        }

        @Override
        public void beginEpoch(int epoch) {
            if (options.shuffle()) {
                Shuffling.epochOrder(order, loop.seed(), epoch);
            }
            metrics = startMetrics();
            snapshot.take();
        }

        /** Forward, loss, metrics, backward, finiteness check, update. Allocates nothing. */
        @Override
        public int train(int epoch, int batch) {
            loop.batchBegin(epoch, batch);
            int start = batch * batchSize;
            int rows = Math.min(batchSize, train.size() - start);
            Slot slot = trainingSlots.get(rows, train, network.outputSize());
            gather(train.x(), order, start, rows, slot.x);
            gather(train.y(), order, start, rows, slot.y);
            Matrix w = weights == null ? null : gather(weights, order, start, rows, slot.w);
            stepRandom.reseed(loop.seed(), updater.iterations());
            double value = backpropagate(slot.x, slot.y, w, slot);
            if (!Double.isFinite(value)) {
                throw loop.diverged(epoch, batch, "the loss is " + value, "those before this batch's update");
            }
            updateMetrics(metrics, lastOutput, slot.y, w);
            updater.step();
            // One check after the update: a NaN or infinite gradient makes the parameters it
            // updates NaN or infinite too. The gradients still hold this batch's, for the message.
            List<Parameter> parameters = network.parameters();
            Kernels kernels = network.kernels();
            for (int i = 0; i < parameters.size(); i++) {
                if (!kernels.isFinite(parameters.get(i).value())) {
                    String cause = divergenceCause(parameters, i, value);
                    // Back to the parameters before this update: the epoch's start, replayed.
                    replay(batch);
                    throw loop.diverged(epoch, batch, cause, "those before this batch's update");
                }
            }
            loop.batchEnd(epoch, batch, value, rows);
            return 1;
        }

        /** Why parameter {@code updated} became NaN or infinite: a gradient, or else the update itself. */
        private String divergenceCause(List<Parameter> parameters, int updated, double loss) {
            for (Parameter p : parameters) {
                if (!p.gradient().isFinite()) {
                    return "the gradient of " + p.name() + " contains NaN or infinite values";
                }
            }
            return "the update made " + parameters.get(updated).name() + " NaN or infinite (the batch's loss "
                    + "before it was " + loss + ")";
        }

        /**
         * Restores the network and optimizer as they were when this epoch began and replays its
         * first {@code batches} updates (without listeners or metrics), which gives bit for bit
         * the state before update {@code batches}: training is deterministic.
         */
        private void replay(int batches) {
            snapshot.restore();
            for (int b = 0; b < batches; b++) {
                int start = b * batchSize;
                int rows = Math.min(batchSize, train.size() - start);
                Slot slot = trainingSlots.get(rows, train, network.outputSize());
                gather(train.x(), order, start, rows, slot.x);
                gather(train.y(), order, start, rows, slot.y);
                Matrix w = weights == null ? null : gather(weights, order, start, rows, slot.w);
                stepRandom.reseed(loop.seed(), updater.iterations());
                backpropagate(slot.x, slot.y, w, slot);
                updater.step();
            }
        }

        @Override
        public Map<String, Double> metrics() {
            Map<String, Double> logs = new LinkedHashMap<>();
            for (int m = 0; m < metrics.size(); m++) {
                logs.put(metricNames.get(m), metrics.get(m).result());
            }
            return logs;
        }

        @Override
        public Map<String, Double> validate() {
            return validation == null ? Map.of() : evaluate(validation, options.batchSize());
        }
    }
}

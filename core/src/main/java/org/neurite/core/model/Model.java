package org.neurite.core.model;

import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.config.TrainingSpec;
import org.neurite.core.io.ModelFiles;
import org.neurite.core.io.SavedModel;
import org.neurite.core.io.SigningKey;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.PluginUse;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.MetricType;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.EarlyStopping;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.History;
import org.neurite.core.train.Trainer;

/**
 * A network with everything needed to train, evaluate, save and load it: its resolved
 * configuration, loss, optimizer state and history. Made by {@link ModelAssembler} or read by
 * {@link org.neurite.core.io.ModelFiles}.
 *
 * <pre>{@code
 * Model model = new ModelAssembler(plugins).assemble(config);
 * model.fit(new Dataset(x, y));          // the configuration's training settings
 * Matrix p = model.predict(x);
 * model.save(Path.of("xor.neurite"));
 * }</pre>
 *
 * <p>{@link #predict} and {@link #evaluate} may be called from any number of threads at once
 * (each thread has its own buffers; results are bit-identical to single-threaded calls).
 * Training is exclusive: {@link #fit} while another thread fits fails at once, and a
 * {@code predict}, {@code evaluate} or {@code save} that overlaps training in any way fails
 * with an {@link IllegalStateException} rather than reading weights halfway through an update
 * (a version check, as in a seqlock: nothing is locked on the prediction path).
 */
public final class Model implements SavedModel {
    private final ModelConfig config;
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Set<PluginUse> plugins;
    private final Trainer trainer;
    /** Even while no training runs, odd during {@link #fit}; changes at each start and end. */
    private final AtomicLong version = new AtomicLong();
    /** The thread inside {@link #fit}, which may read the model between its own steps (callbacks). */
    private volatile Thread trainingThread;
    private final List<CallbackType> callbacks;

    Model(ModelConfig config, Network network, Loss loss, Optimizer optimizer, List<MetricType> metrics,
          List<MetricType> weightedMetrics, List<CallbackType> callbacks, Set<PluginUse> plugins) {
        this.config = Objects.requireNonNull(config);
        this.network = Objects.requireNonNull(network);
        this.loss = Objects.requireNonNull(loss);
        this.optimizer = Objects.requireNonNull(optimizer);
        this.plugins = Set.copyOf(plugins);
        this.trainer = new Trainer(network, loss, optimizer, metrics, weightedMetrics);
        this.callbacks = List.copyOf(callbacks);
    }

    /** The resolved configuration (with its seed and every default filled in). */
    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The trainer, holding the optimizer state and the history. */
    @Override
    public Trainer trainer() {
        return trainer;
    }

    /** The plugins this model uses, with where each came from. */
    @Override
    public Set<PluginUse> plugins() {
        return plugins;
    }

    /** The seed behind the initial weights and the shuffling. */
    @Override
    public long seed() {
        return config.training().seed();
    }

    /** Every epoch trained so far. */
    @Override
    public History history() {
        return trainer.history();
    }

    /**
     * The fit options the configuration describes (epochs, batch size, seed, …), with a fresh
     * listener for each of its callbacks.
     */
    public FitOptions.Builder fitOptions() {
        TrainingSpec t = config.training();
        FitOptions.Builder b = FitOptions.builder().epochs(t.epochs()).batchSize(t.batchSize())
                .shuffle(t.shuffle()).seed(t.seed()).verbose(t.verbose())
                .validationSplit(t.validationSplit()).classWeight(t.classWeight());
        if (t.earlyStopping() != null) {
            TrainingSpec.EarlyStoppingSpec e = t.earlyStopping();
            b.listener(new EarlyStopping(e.monitor(), e.minDelta(), e.patience(), e.restoreBestWeights()));
        }
        for (CallbackType c : callbacks) {
            b.listener(c.start(this::save));
        }
        return b;
    }

    /** Trains with the configuration's settings. */
    public History fit(Dataset data) {
        return fit(data, fitOptions().build());
    }

    /**
     * Trains with explicit settings.
     *
     * @throws IllegalStateException if another thread is training this model
     */
    public History fit(Dataset data, FitOptions options) {
        long v = version.get();
        if ((v & 1) != 0 || !version.compareAndSet(v, v + 1)) {
            throw new IllegalStateException("this model is already being trained by another thread; train one "
                    + "model from one thread at a time (copy it with save and load to train two)");
        }
        trainingThread = Thread.currentThread();
        try {
            return trainer.fit(data, options);
        } finally {
            trainingThread = null;
            version.incrementAndGet();
        }
    }

    /**
     * The loss and metrics on {@code data}, batched as in training. Thread-safe.
     *
     * @throws IllegalStateException if the model is trained while this runs
     */
    public Map<String, Double> evaluate(Dataset data) {
        return readConsistently("evaluate", () -> trainer.evaluate(data, config.training().batchSize()));
    }

    /**
     * The network's output for {@code x}, as a new matrix. Thread-safe.
     *
     * @throws IllegalStateException    if the model is trained while this runs
     * @throws IllegalArgumentException if {@code x} has the wrong width or holds NaN or infinite values
     */
    public Matrix predict(Matrix x) {
        return readConsistently("predict", () -> network.predict(x));
    }

    /**
     * Runs {@code read}, which reads the model's parameters, and returns its result, provided no
     * training on another thread overlapped it; for code that reads the weights directly, such as
     * saving. The training thread itself (a callback between two steps) may always read.
     *
     * @param what the operation, for the message
     * @throws IllegalStateException if the model was being trained before or during {@code read}
     */
    @Override
    public <T> T readConsistently(String what, Supplier<T> read) {
        if (Thread.currentThread() == trainingThread) {
            // A callback of the training thread, between two steps: nothing changes meanwhile.
            return read.get();
        }
        long before = version.get();
        if ((before & 1) != 0) {
            throw training(what);
        }
        T result = read.get();
        // The reads above must not drift past the check below (StampedLock.validate does the same).
        VarHandle.acquireFence();
        if (version.get() != before) {
            throw training(what);
        }
        return result;
    }

    private static IllegalStateException training(String what) {
        return new IllegalStateException("cannot " + what + " while this model is being trained: its weights "
                + "change with every batch. Wait until fit returns, or " + what + " with a copy of the model "
                + "(save and load it).");
    }

    /** The names of the metrics this model reports, as they appear in logs. */
    public List<String> metrics() {
        return trainer.metricNames();
    }

    /**
     * Saves this model (configuration, parameters, optimizer state, history) to {@code file},
     * atomically; see {@link org.neurite.core.io.ModelFiles#save}.
     */
    public void save(Path file) {
        ModelFiles.save(this, file);
    }

    /**
     * {@link #save(Path)}, signing the file with {@code key}; see
     * {@link ModelFiles#save(SavedModel, Path, SigningKey)}.
     */
    public void save(Path file, SigningKey key) {
        ModelFiles.save(this, file, key);
    }

    /**
     * {@link #load(Path, ModelAssembler)}, requiring the file to be signed with {@code key};
     * an unsigned file, one signed with another key, or one altered after signing is
     * refused before anything else in it is read (with {@code key} {@code null} a signed file
     * loads like an unsigned one); see {@link ModelFiles#load}.
     */
    public static Model load(Path file, ModelAssembler assembler, SigningKey key) {
        return ModelFiles.load(file, assembler.plugins(), assembler::assemble, key);
    }

    /**
     * Reads a model written by {@link #save}, building it with {@code assembler}'s plugins;
     * see {@link ModelFiles#load}.
     */
    public static Model load(Path file, ModelAssembler assembler) {
        return load(file, assembler, null);
    }
}

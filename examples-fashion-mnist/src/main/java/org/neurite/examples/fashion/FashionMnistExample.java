package org.neurite.examples.fashion;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurite.cli.CommandLines;
import org.neurite.cli.TrainingOptions;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.DataSpec;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.config.TrainingSpec;
import org.neurite.core.data.DataLoader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.train.ClassificationReport;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.FitOptions;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;
import org.neurite.guice.NeuriteModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The Fashion-MNIST example: assembles a network from a configuration whose {@code data} section
 * names the data (by default the embedded 784-256-128-10 program reading Debian's
 * {@code dataset-fashion-mnist} files), trains it, and reports test accuracy, the confusion
 * matrix and per-class precision, recall and F1.
 *
 * <p>The {@code val_} figures printed after each epoch are measured on the test set, as Keras's
 * {@code validation_data=(x_test, y_test)}: they only monitor training. A configuration with
 * {@code training.validation_split} holds out that fraction of the training data instead
 * (shuffled with the training seed), which is the right choice with early stopping.
 *
 * <p>Exit codes: 0 success, 2 a usage, configuration or missing-data error, 1 anything else.
 */
@Command(name = "neurite-fashion-mnist", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Neurite Fashion-MNIST example",
        description = {"Trains a classifier on Fashion-MNIST from a configuration file and reports test "
                + "accuracy, the confusion matrix and per-class precision, recall and F1.",
                "The data come from Debian's dataset-fashion-mnist package (/usr/share/datasets/fashion-mnist) "
                        + "or from --data DIR. Per-epoch val_ figures are on the test set unless the "
                        + "configuration sets training.validation_split."})
public final class FashionMnistExample implements Callable<Integer> {
    static final String EMBEDDED_CONFIG = "fashion-mnist.yaml";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Experiment configuration, YAML or JSON, with a data section (default: the embedded "
                    + "784-256-128-10 program).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the configuration's data files from DIR (default: the configuration's directory, "
                    + "/usr/share/datasets/fashion-mnist for the embedded one).")
    Path data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write PNG charts of the learning curves and the confusion matrix to DIR.")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object on standard output; everything else goes "
            + "to standard error.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    FashionMnistExample(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new FashionMnistExample(out, err), args, out, err);
    }

    @Override
    public Integer call() {
        validateOptions();
        PrintStream report = json ? err : out;
        Injector injector = Guice.createInjector(NeuriteModule.discover(FashionMnistExample.class.getClassLoader()));
        ModelConfig configuration = configuration(injector.getInstance(ConfigReader.class));
        FashionMnist.requireFiles(configuration.data());
        DataLoader.Loaded loaded = DataLoader.load(configuration.data(), injector.getInstance(Plugins.class));
        checkFits(configuration, loaded);

        Model model = injector.getInstance(ModelAssembler.class).assemble(configuration);
        report.println(model.network().summary());
        FitOptions.Builder options = model.fitOptions().out(report);
        // Keras's meaning of a validation split everywhere: the last rows of the training data, unshuffled.
        String validationName;
        int validationRows;
        if (model.config().training().validationSplit() > 0) {
            validationName = "validation split";
            validationRows = (int) Dataset.validationRows(loaded.train().size(),
                    model.config().training().validationSplit());
        } else if (loaded.validation() != null) {
            validationName = "validation split";
            validationRows = loaded.validation().size();
            options.validation(loaded.validation());
        } else {
            validationName = "test set";
            validationRows = loaded.test().size();
            options.validation(loaded.test());
        }
        if (model.config().training().verbose() > 0) {
            report.printf(Locale.ROOT, "val_ figures: the %s (%d samples)%n", validationName, validationRows);
        }
        EpochTimer timer = new EpochTimer();
        model.fit(loaded.train(), options.listener(timer).build());

        Dataset test = loaded.test();
        Map<String, Double> evaluation = model.evaluate(test);
        ClassificationReport classification = ClassificationReport.of(model.predict(test.x()), test.y());
        Reports.print(report, evaluation, classification, timer.seconds);
        if (save != null) {
            model.save(save);
            report.println("Saved the model to " + save);
        }
        if (plot != null) {
            List<Path> written = Plots.write(plot, model, classification, validationName);
            report.println("Wrote " + written);
        }
        if (json) {
            out.println(Reports.json(model, evaluation, classification, timer.seconds));
        }
        return CommandLine.ExitCode.OK;
    }

    private void validateOptions() {
        training.validate();
        CommandLines.checkOutputFile(save, "--save");
        CommandLines.checkOutputDirectory(plot, "--plot");
    }

    private ModelConfig configuration(ConfigReader reader) {
        ModelConfig c = config != null ? reader.read(config)
                : reader.parse(embeddedConfig(), EMBEDDED_CONFIG + " (embedded)");
        String source = config != null ? config.toString() : EMBEDDED_CONFIG;
        if (c.data() == null) {
            throw new ConfigException(source, "data", "missing; this example trains on the data the configuration "
                    + "names, such as data: {format: idx, train: {images: ..., labels: ...}, test: {...}, "
                    + "scale: 255, one_hot: 10}");
        }
        if (!c.data().hasTestData()) {
            throw new ConfigException(source, "data.test", "missing; the example reports accuracy on test data");
        }
        TrainingSpec t = training.apply(c.training());
        DataSpec d = data != null ? c.data().withDirectory(data.toAbsolutePath()) : c.data();
        return c.withTraining(t).withData(d);
    }

    /** The data must fit the network: as many features per sample as it has inputs. */
    private void checkFits(ModelConfig c, DataLoader.Loaded loaded) {
        String source = config != null ? config.toString() : EMBEDDED_CONFIG;
        int features = loaded.train().x().cols();
        if (features != c.inputSize()) {
            throw new ConfigException(source, "input_shape", "the data have " + features + " features per "
                    + "sample but the network takes " + c.inputSize() + "; use input_shape: [" + features + "]");
        }
    }

    static String embeddedConfig() {
        return CommandLines.embedded(FashionMnistExample.class, EMBEDDED_CONFIG);
    }

    /** Wall-clock seconds of each epoch, training and validation included. */
    private static final class EpochTimer implements TrainingListener {
        final List<Double> seconds = new ArrayList<>();
        private long start;

        @Override
        public void onEpochBegin(Training training, int epoch) {
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
            seconds.add((System.nanoTime() - start) / 1e9);
        }
    }
}

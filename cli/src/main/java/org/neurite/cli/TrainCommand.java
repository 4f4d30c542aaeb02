package org.neurite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.DataSpec;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.DataLoader;
import org.neurite.core.model.Model;
import org.neurite.core.train.FitOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neurite train CONFIG}: trains a configuration on the data its {@code data} section names. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the network a configuration describes on the data its data section names, then "
                + "reports the loss and metrics on its test data (with the confusion matrix and per-class "
                + "precision, recall and F1 for a classifier).",
                "Per-epoch val_ figures are on training.validation_split when it is set, else on the test data."})
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "The configuration, YAML or JSON, with a data section.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the data section's relative file names from DIR (default: the configuration's directory).")
    Path data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write PNG learning curves (each figure with its val_ twin) to DIR.")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object on standard output; everything else goes to "
            + "standard error.")
    boolean json;

    @Mixin
    CommonOptions common;

    private final PrintStream out;
    private final PrintStream err;

    TrainCommand() {
        this(System.out, System.err);
    }

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        training.validate();
        CommandLines.checkInputFile(config, "the configuration");
        CommandLines.checkOutputFile(save, "--save");
        CommandLines.checkOutputDirectory(plot, "--plot");
        if (data != null && !Files.isDirectory(data)) {
            throw new UsageException("--data " + data + " is not a directory");
        }
        PrintStream report = json ? err : out;
        Session session = Session.open(common);
        ModelConfig c = session.reader().read(config);
        if (c.data() == null) {
            throw new ConfigException(config.toString(), "data", "missing; neurite train reads the data the "
                    + "configuration names, such as data: {format: csv, train: {file: train.csv}, "
                    + "test: {file: test.csv}, label_column: label, one_hot: 3}");
        }
        DataSpec d = data != null ? c.data().withDirectory(data.toAbsolutePath()) : c.data();
        c = c.withTraining(training.apply(c.training())).withData(d);
        requireFiles(d);
        DataLoader.Loaded loaded = DataLoader.load(d, session.plugins());
        int features = loaded.train().x().cols();
        if (features != c.inputSize()) {
            throw new ConfigException(config.toString(), "input_shape", "the data have " + features
                    + " features per sample but the network takes " + c.inputSize() + "; use input_shape: ["
                    + features + "]");
        }

        Model model = session.assembler().assemble(c);
        report.println(model.network().summary());
        FitOptions.Builder options = model.fitOptions().out(report);
        if (model.config().training().validationSplit() == 0 && loaded.validation() != null) {
            options.validation(loaded.validation());
            if (model.config().training().verbose() > 0) {
                report.printf(Locale.ROOT, "val_ figures: the last %d training rows (data.validation_split)%n",
                        loaded.validation().size());
            }
        } else if (model.config().training().validationSplit() == 0 && loaded.test() != null) {
            options.validation(loaded.test());
            if (model.config().training().verbose() > 0) {
                report.printf(Locale.ROOT, "val_ figures: the test data (%d samples)%n", loaded.test().size());
            }
        }
        long start = System.nanoTime();
        model.fit(loaded.train(), options.build());
        double seconds = (System.nanoTime() - start) / 1e9;
        report.printf(Locale.ROOT, "Trained %d epochs in %.2f s%n", model.history().epochs(), seconds);

        Evaluation test = loaded.test() == null ? null : Evaluation.of(model, loaded.test());
        if (test != null) {
            report.println();
            test.print(report, "Test");
        }
        if (save != null) {
            model.save(save);
            report.println("Saved the model to " + save);
        }
        List<Path> charts = plot == null ? List.of() : Charts.write(plot, model.history());
        if (!charts.isEmpty()) {
            report.println("Wrote " + charts.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        if (json) {
            out.println(json(model, test, seconds, charts));
        }
        return CommandLines.OK;
    }

    /** Every data file must exist: one message listing the missing ones, before anything is read. */
    private void requireFiles(DataSpec d) {
        List<Path> missing = d.files().stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) {
            throw new UsageException("data files of " + config + " not found: "
                    + missing.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "; relative names are read from the configuration's directory, its data.directory, or --data DIR");
        }
    }

    private String json(Model model, Evaluation test, double seconds, List<Path> charts) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("seed", model.seed());
        root.put("epochs", model.history().epochs());
        root.put("seconds", seconds);
        ObjectNode history = root.putObject("history");
        model.history().asMap().forEach((key, values) -> {
            ArrayNode list = history.putArray(key);
            values.forEach(list::add);
        });
        if (test != null) {
            test.json(root.putObject("test"));
        }
        if (save != null) {
            root.put("saved", save.toString());
        }
        ArrayNode plots = root.putArray("plots");
        charts.forEach(c -> plots.add(c.toString()));
        root.set("config", ConfigWriter.toTree(model.config()));
        return root.toString();
    }
}

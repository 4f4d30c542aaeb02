package org.neurite.examples.xor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurite.cli.CommandLines;
import org.neurite.cli.TrainingOptions;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.config.TrainingSpec;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.tensor.Matrix;
import org.neurite.guice.NeuriteModule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The XOR example: assembles a network from a configuration (by default the embedded reference
 * program), trains it on the four XOR samples, and shows what it learned.
 *
 * <p>Exit codes: 0 success, 2 a usage or configuration error, 1 anything else.
 */
@Command(name = "neurite-xor", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Neurite XOR example",
        description = "Trains a network on XOR from a configuration file and prints its predictions.")
public final class XorExample implements Callable<Integer> {
    static final String EMBEDDED_CONFIG = "xor.yaml";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model configuration, YAML or JSON (default: the embedded reference program).")
    Path config;

    @Mixin
    TrainingOptions training;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @Option(names = "--load", paramLabel = "FILE", description = "Predict with a saved model instead of training.")
    Path load;

    @Option(names = "--plot", paramLabel = "DIR",
            description = "Write PNG charts of the learning curves and the decision surface to DIR.")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object on standard output; everything else goes "
            + "to standard error.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    XorExample(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.execute(new XorExample(out, err), args, out, err);
    }

    @Override
    public Integer call() {
        validateOptions();
        PrintStream report = json ? err : out;
        Injector injector = Guice.createInjector(NeuriteModule.discover(XorExample.class.getClassLoader()));
        ModelAssembler assembler = injector.getInstance(ModelAssembler.class);
        Model model;
        if (load != null) {
            model = Model.load(load, assembler);
            report.printf(Locale.ROOT, "Loaded %s: trained %d epochs, seed %d%n", load,
                    model.history().epochs(), model.seed());
        } else {
            model = assembler.assemble(configuration(injector.getInstance(ConfigReader.class)));
            if (model.network().outputSize() != XorData.targets().cols()) {
                throw new ConfigException(config != null ? config.toString() : EMBEDDED_CONFIG, "layers",
                        "the XOR targets are one-hot over " + XorData.targets().cols() + " classes, but the network "
                        + "outputs " + model.network().outputSize() + " values; end with a dense layer of "
                        + XorData.targets().cols() + " units");
            }
            report.println(model.network().summary());
            int total = model.config().training().epochs();
            model.fit(XorData.dataset(), model.fitOptions().out(report).logEvery(Math.max(1, total / 10)).build());
        }
        Matrix predictions = model.predict(XorData.inputs());
        Map<String, Double> evaluation = model.evaluate(XorData.dataset());
        printResults(report, predictions, evaluation);
        if (save != null) {
            model.save(save);
            report.println("Saved the model to " + save);
        }
        if (plot != null) {
            List<Path> written = Plots.write(plot, model);
            report.println("Wrote " + written);
        }
        if (json) {
            out.println(json(model, predictions));
        }
        return CommandLine.ExitCode.OK;
    }

    private void validateOptions() {
        training.validate();
        if (load != null && (config != null || training.epochs() != null || training.seed() != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--load predicts with a saved model; --config, --epochs and --seed only apply to training");
        }
        CommandLines.checkOutputFile(save, "--save");
        CommandLines.checkOutputDirectory(plot, "--plot");
    }

    private ModelConfig configuration(ConfigReader reader) {
        ModelConfig c = config != null ? reader.read(config)
                : reader.parse(embeddedConfig(), EMBEDDED_CONFIG + " (embedded)");
        TrainingSpec t = training.apply(c.training());
        String source = config != null ? config.toString() : EMBEDDED_CONFIG;
        if (c.inputSize() != 2) {
            throw new ConfigException(source, "input_shape", "the XOR data has 2 inputs, but the configuration "
                    + "takes " + c.inputSize() + "; use input_shape: [2]");
        }
        return c.withTraining(t);
    }

    static String embeddedConfig() {
        return CommandLines.embedded(XorExample.class, EMBEDDED_CONFIG);
    }

    private static void printResults(PrintStream report, Matrix predictions, Map<String, Double> evaluation) {
        Matrix x = XorData.inputs();
        Matrix t = XorData.targets();
        report.println();
        report.println("Input     P(class 0)  P(class 1)  Predicted  Expected");
        for (int r = 0; r < x.rows(); r++) {
            report.printf(Locale.ROOT, "(%.0f, %.0f)    %.6f    %.6f    %d          %d%n", x.get(r, 0), x.get(r, 1),
                    predictions.get(r, 0), predictions.get(r, 1), predictions.argmaxRow(r),
                    t.argmaxRow(r));
        }
        report.println();
        StringBuilder line = new StringBuilder("Final");
        evaluation.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s: %.6f", k, v)));
        report.println(line);
    }

    private static String json(Model model, Matrix predictions) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode p = root.putArray("predictions");
        ArrayNode classes = root.putArray("classes");
        for (int r = 0; r < predictions.rows(); r++) {
            ArrayNode row = p.addArray();
            for (int c = 0; c < predictions.cols(); c++) {
                row.add(predictions.get(r, c));
            }
            classes.add(predictions.argmaxRow(r));
        }
        ObjectNode history = root.putObject("history");
        model.history().asMap().forEach((key, values) -> {
            ArrayNode list = history.putArray(key);
            values.forEach(list::add);
        });
        root.put("seed", model.seed());
        root.set("config", ConfigWriter.toTree(model.config()));
        return root.toString();
    }
}

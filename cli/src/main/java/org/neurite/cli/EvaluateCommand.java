package org.neurite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurite.core.config.DataSpec;
import org.neurite.core.data.DataLoader;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neurite evaluate MODEL}: the loss, metrics and classification report of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluates a saved model on the test data of its configuration's data section, or on "
                + "--input X --labels Y (.npy or .csv), and prints the loss, the metrics and, for a classifier, "
                + "the confusion matrix and per-class precision, recall and F1.")
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by neurite train --save.")
    Path modelFile;

    @Option(names = "--input", paramLabel = "X", description = "Features, one sample per row (.npy or .csv).")
    Path input;

    @Option(names = "--labels", paramLabel = "Y",
            description = "Labels for --input: one-hot rows or one column of class indices (.npy or .csv).")
    Path labels;

    @Option(names = "--header", description = "The CSV files start with a header line to skip.")
    boolean header;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Read the configuration's data files from DIR instead of where it names them.")
    Path data;

    @Option(names = "--json", description = "Print one JSON object on standard output.")
    boolean json;

    @Mixin
    CommonOptions common;

    private final PrintStream out;

    EvaluateCommand() {
        this(System.out);
    }

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if ((input == null) != (labels == null)) {
            throw new UsageException("--input and --labels go together: give both, or neither to use the "
                    + "configuration's test data");
        }
        if (input != null && data != null) {
            throw new UsageException("--data applies to the configuration's data; it does not go with --input");
        }
        Session session = Session.open(common);
        Model model = Models.load(session, modelFile);
        Dataset dataset;
        String what;
        if (input != null) {
            Matrix x = MatrixFiles.read(input, "--input", header);
            Models.requireWidth(model, x, "--input " + input);
            Matrix y = Models.targets(model, MatrixFiles.read(labels, "--labels", header), "--labels " + labels);
            if (y.rows() != x.rows()) {
                throw new UsageException("--labels " + labels + " has " + y.rows() + " rows but --input " + input
                        + " has " + x.rows());
            }
            dataset = new Dataset(x, y);
            what = input.toString();
        } else {
            DataSpec spec = model.config().data();
            if (spec == null || !spec.hasTestData()) {
                throw new UsageException("the configuration saved in " + modelFile + " names no test data; give "
                        + "--input X --labels Y");
            }
            if (data != null) {
                if (!Files.isDirectory(data)) {
                    throw new UsageException("--data " + data + " is not a directory");
                }
                spec = spec.withDirectory(data.toAbsolutePath());
            }
            for (Path f : spec.files()) {
                if (!Files.isRegularFile(f)) {
                    throw new UsageException("the data file " + f + " of the saved configuration does not exist; "
                            + "give --data DIR or --input X --labels Y");
                }
            }
            dataset = DataLoader.load(spec, session.plugins()).test();
            what = "Test";
        }
        Evaluation evaluation = Evaluation.of(model, dataset);
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            evaluation.json(root);
            out.println(root);
        } else {
            evaluation.print(out, what);
        }
        return CommandLines.OK;
    }
}

package org.neurite.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurite.core.model.Model;
import org.neurite.keras.KerasFormatException;
import org.neurite.keras.KerasImport;
import org.neurite.keras.UnsupportedKerasModelException;
import org.neurite.onnx.OnnxFormatException;
import org.neurite.onnx.OnnxImport;
import org.neurite.onnx.UnsupportedOnnxModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code neurite import FILE --output MODEL.neurite}: a Keras ({@code .keras}, {@code .h5}, or an
 * architecture {@code .json} with {@code --weights FILE.h5}) or ONNX ({@code .onnx}) model as a
 * Neurite model file.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads a Keras model (.keras, .h5, or an architecture .json with --weights FILE.h5) or an "
                + "ONNX model (.onnx) and saves it as a Neurite model file.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The model to import: .keras, .h5, .json or .onnx.")
    Path file;

    @Option(names = "--weights", paramLabel = "FILE.h5",
            description = "The weights (.h5 or .weights.h5) for an architecture JSON file (model.to_json()).")
    Path weights;

    @Option(names = "--output", paramLabel = "MODEL", required = true, description = "The Neurite model file to write.")
    Path output;

    @Mixin
    CommonOptions common;

    private final PrintStream out;
    private final PrintStream err;

    ImportCommand() {
        this(System.out, System.err);
    }

    ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = name.endsWith(".onnx") ? "onnx" : name.endsWith(".keras") || name.endsWith(".h5") ? "keras"
                : name.endsWith(".json") ? "json" : null;
        if (kind == null) {
            throw new UsageException(file + ": the format is chosen by the extension: .keras or .h5 (Keras), .json "
                    + "with --weights FILE.h5 (a Keras architecture), or .onnx");
        }
        if (kind.equals("json") != (weights != null)) {
            throw new UsageException(weights == null ? file + " is an architecture file: give its weights with --weights FILE.h5"
                    : "--weights is for an architecture .json file; " + file + " holds its own weights");
        }
        CommandLines.checkInputFile(file, "the model");
        if (weights != null) {
            CommandLines.checkInputFile(weights, "--weights");
        }
        CommandLines.checkOutputFile(output, "--output");
        Session session = Session.open(common);
        Model model;
        List<String> notes;
        try {
            switch (kind) {
                case "onnx" -> {
                    OnnxImport.Result r = OnnxImport.read(file, session.plugins());
                    model = r.model();
                    notes = r.notes();
                }
                case "keras" -> {
                    KerasImport.Result r = KerasImport.read(file, session.plugins());
                    model = r.model();
                    notes = r.notes();
                }
                default -> {
                    KerasImport.Result r = KerasImport.read(file, weights, session.plugins());
                    model = r.model();
                    notes = r.notes();
                }
            }
        } catch (OnnxFormatException | UnsupportedOnnxModelException | KerasFormatException
                 | UnsupportedKerasModelException e) {
            throw new UsageException(e.getMessage(), e);
        }
        model.save(output);
        for (String note : notes) {
            err.println("note: " + note);
        }
        out.println("Imported " + file + " as " + output + ": " + model.network().layers().size() + " layers, "
                + model.network().inputSize() + " inputs, " + model.network().outputSize() + " outputs, "
                + model.network().parameterCount() + " parameters");
        return CommandLines.OK;
    }
}

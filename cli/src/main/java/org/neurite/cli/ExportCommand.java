package org.neurite.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurite.core.model.Model;
import org.neurite.onnx.OnnxExport;
import org.neurite.onnx.OnnxExporters;
import org.neurite.onnx.UnsupportedExportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neurite export MODEL --format onnx --output FILE.onnx}: a saved model in another format. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a saved model as an ONNX file for inference (dynamic batch dimension, opset "
                + OnnxExport.OPSET + ", IR version " + OnnxExport.IR_VERSION + ", the configuration in its metadata).")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by neurite train --save or import.")
    Path modelFile;

    @Option(names = "--format", paramLabel = "onnx", defaultValue = "onnx", description = "The format: onnx (the default).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "The file to write, written atomically.")
    Path output;

    @Mixin
    CommonOptions common;

    private final PrintStream out;

    ExportCommand() {
        this(System.out);
    }

    ExportCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (!format.equals("onnx")) {
            throw new UsageException("--format must be onnx, got '" + format + "'");
        }
        CommandLines.checkOutputFile(output, "--output");
        Session session = Session.open(common);
        Model model = Models.load(session, modelFile);
        try {
            OnnxExport.write(model, output, OnnxExporters.discover(session.loader()));
        } catch (UnsupportedExportException e) {
            throw new UsageException(modelFile + ": " + e.getMessage(), e);
        }
        out.println("Exported " + modelFile + " to " + output + " (ONNX, opset " + OnnxExport.OPSET + ", input '"
                + OnnxExport.INPUT + "' N×" + model.network().inputSize() + ", output '" + OnnxExport.OUTPUT + "' N×"
                + model.network().outputSize() + ")");
        return CommandLines.OK;
    }
}

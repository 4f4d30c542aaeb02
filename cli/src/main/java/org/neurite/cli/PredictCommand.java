package org.neurite.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code neurite predict MODEL --input X --output Y}: a saved model's outputs for new samples. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a saved model's outputs for the samples in --input (.npy or .csv, one sample per "
                + "row) to --output (.npy or .csv, or - for standard output).")
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file written by neurite train --save.")
    Path modelFile;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "The samples (.npy or .csv).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", required = true,
            description = "Where to write the outputs (.npy or .csv), or - for standard output.")
    String output;

    @Option(names = "--format", paramLabel = "csv|npy",
            description = "The output format for standard output (default csv); files go by their extension.")
    String format;

    @Option(names = "--header", description = "The input CSV file starts with a header line to skip.")
    boolean header;

    @Mixin
    CommonOptions common;

    private final PrintStream out;

    PredictCommand() {
        this(System.out);
    }

    PredictCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        String outFormat;
        Path outFile = null;
        if (output.equals("-")) {
            outFormat = format == null ? "csv" : format;
            if (!outFormat.equals("csv") && !outFormat.equals("npy")) {
                throw new UsageException("--format must be csv or npy, got '" + format + "'");
            }
        } else {
            if (format != null) {
                throw new UsageException("--format is for --output -; a file's format is its extension");
            }
            outFile = Path.of(output);
            outFormat = MatrixFiles.format(outFile, "--output");
            CommandLines.checkOutputFile(outFile, "--output");
        }
        MatrixFiles.format(input, "--input");
        Session session = Session.open(common);
        Model model = Models.load(session, modelFile);
        Matrix x = MatrixFiles.read(input, "--input", header);
        Models.requireWidth(model, x, "--input " + input);
        Matrix y = model.predict(x);
        try {
            if (outFile == null) {
                OutputStream o = new BufferedOutputStream(out);
                MatrixFiles.write(y, outFormat, o);
                o.flush();
            } else {
                Path tmp = Files.createTempFile(outFile.toAbsolutePath().getParent(), ".predict", ".tmp");
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    MatrixFiles.write(y, outFormat, o);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return CommandLines.OK;
    }
}

package org.neurite.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.neurite.core.spi.CallbackType;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.train.History;
import org.neurite.core.train.Training;
import org.neurite.core.train.TrainingListener;

/**
 * {@code csv_logger}: one row per epoch, as Keras's {@code CSVLogger}: {@code filename}
 * (required), {@code separator} (","), {@code append} (false). The header is {@code epoch}
 * (counted from 0, as Keras writes it) followed by every logged quantity in sorted order — the
 * loss, the metrics and their validation values — and each row is flushed as it is written.
 */
public final class CsvLogger implements CallbackType {
    private final String filename;
    private final String separator;
    private final boolean append;

    public CsvLogger() {
        this(null, ",", false);
    }

    private CsvLogger(String filename, String separator, boolean append) {
        this.filename = filename;
        this.separator = separator;
        this.append = append;
    }

    @Override
    public String name() {
        return "csv_logger";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.string("filename", "").required(),
                Hyperparameter.string("separator", ","),
                Hyperparameter.bool("append", false));
    }

    @Override
    public CallbackType configure(Hyperparameters values) {
        return new CsvLogger(values.text("filename"), values.text("separator"), values.bool("append"));
    }

    @Override
    public TrainingListener start(Context context) {
        if (filename == null) {
            throw new IllegalStateException("csv_logger needs a filename: configure it");
        }
        Path file = Path.of(filename);
        return new TrainingListener() {
            private BufferedWriter out;
            private List<String> keys;

            @Override
            public void onTrainBegin(Training training) {
                boolean continuing = append && Files.exists(file);
                try {
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            continuing ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException("csv_logger cannot write " + file + ": " + e.getMessage(), e);
                }
                keys = continuing ? List.of() : null;
            }

            @Override
            public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
                List<String> row = new ArrayList<>();
                if (keys == null || keys.isEmpty()) {
                    List<String> sorted = new ArrayList<>(logs.keySet());
                    Collections.sort(sorted);
                    if (keys == null) {
                        List<String> header = new ArrayList<>(List.of("epoch"));
                        header.addAll(sorted);
                        write(String.join(separator, header));
                    }
                    keys = sorted;
                }
                row.add(Integer.toString(epoch));
                for (String key : keys) {
                    Double v = logs.get(key);
                    row.add(v == null ? "" : v.toString());
                }
                write(String.join(separator, row));
            }

            @Override
            public void onTrainEnd(Training training, History history) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("csv_logger cannot close " + file + ": " + e.getMessage(), e);
                }
            }

            private void write(String line) {
                try {
                    out.write(line);
                    out.newLine();
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("csv_logger cannot write " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }
}

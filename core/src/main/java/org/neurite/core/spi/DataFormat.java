package org.neurite.core.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurite.core.data.Dataset;

/**
 * A format of data files, found by name: the plugin behind a configuration's
 * {@code data: {format: ...}} ({@code idx}, {@code csv}, {@code npy}, {@code npz}, ...). A
 * service interface: providers are found with {@link java.util.ServiceLoader} and used by their
 * {@link #name()}.
 *
 * <p>A format declares the keys of one split's entry ({@link #keys()}: {@code train: {file:
 * train.csv}} for CSV, {@code {images: ..., labels: ...}} for IDX) and its hyperparameters, which
 * are written beside {@code format} in the data section ({@code label_column} for CSV). It reads
 * one split into features and labels; what follows (one-hot labels, scaling, standardizing,
 * test and validation splits) is done by {@link org.neurite.core.data.DataLoader} for every
 * format alike.
 *
 * <p>A reader must treat its files as hostile: check what a file claims (sizes, counts, shapes)
 * against what it holds before allocating, let memory grow with the data actually read, and fail
 * with a {@link org.neurite.core.data.DataFormatException} naming the file, the place and the
 * problem. The shared instance holds only final hyperparameter values and is used from any
 * thread.
 *
 * <p>A minimal plugin, declared in {@code META-INF/services/org.neurite.core.spi.DataFormat}:
 * <pre>{@code
 * public final class Tsv implements DataFormat {
 *     public String name() { return "tsv"; }
 *     public List<Key> keys() { return List.of(Key.file("file", "the TSV file")); }
 *
 *     public Dataset read(Source source) {
 *         List<String> lines = Files.readAllLines(source.file("file"));   // (handle IOException)
 *         Matrix x = new Matrix(lines.size(), 2), y = new Matrix(lines.size(), 1);
 *         for (int r = 0; r < lines.size(); r++) {
 *             String[] cells = lines.get(r).split("\t");
 *             x.set(r, 0, Float.parseFloat(cells[0]));
 *             x.set(r, 1, Float.parseFloat(cells[1]));
 *             y.set(r, 0, Float.parseFloat(cells[2]));
 *         }
 *         return new Dataset(x, y);
 *     }
 * }
 * }</pre>
 * and in a configuration: {@code data: {format: tsv, train: {file: train.tsv}, one_hot: 2}}.
 */
public interface DataFormat extends Component {

    /** This format with the given, already validated hyperparameters. */
    default DataFormat configure(Hyperparameters values) {
        return this;
    }

    /** The keys of one split's entry, in order. */
    List<Key> keys();

    /**
     * Reads one split: features as an n×features matrix, labels as n×1 (class indices or
     * values) or n×k (one-hot rows or several targets).
     *
     * @throws org.neurite.core.data.DataFormatException if a file is malformed
     * @throws java.io.UncheckedIOException             if a file is missing or unreadable
     */
    Dataset read(Source source);

    /**
     * One key of a split's entry: a file (resolved against the data section's directory, and
     * checked to exist before anything is read) or a name (such as an array's name inside an
     * archive).
     *
     * @param key          the lower_snake_case key, such as {@code images}
     * @param file         whether the value is a file name
     * @param defaultValue the value when the key is left out, or {@code null} if it is required
     * @param description  what the value is, for messages, such as {@code the IDX image file}
     */
    record Key(String key, boolean file, String defaultValue, String description) {
        public Key {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(description, "description");
            if (file && defaultValue != null) {
                throw new IllegalArgumentException("the file key '" + key + "' cannot have a default");
            }
        }

        /** A required file. */
        public static Key file(String key, String description) {
            return new Key(key, true, null, description);
        }

        /** A name with a default value. */
        public static Key name(String key, String defaultValue, String description) {
            return new Key(key, false, Objects.requireNonNull(defaultValue, "defaultValue"), description);
        }
    }

    /**
     * What one split's entry names, with its files resolved, and where the reader reports
     * warnings (a header line that looks like data).
     */
    final class Source {
        private final String split;
        private final Map<String, Path> files;
        private final Map<String, String> names;
        private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

        /**
         * @param split which split this is, {@code train} or {@code test}, for messages
         * @param files the file keys with their resolved files
         * @param names the name keys with their values
         */
        public Source(String split, Map<String, Path> files, Map<String, String> names) {
            this.split = Objects.requireNonNull(split, "split");
            this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
            this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        }

        /** {@code train} or {@code test}. */
        public String split() {
            return split;
        }

        /** The file given for {@code key}. */
        public Path file(String key) {
            Path file = files.get(key);
            if (file == null) {
                throw new IllegalArgumentException("no file key '" + key + "'; keys: " + files.keySet());
            }
            return file;
        }

        /** The name given (or defaulted) for {@code key}. */
        public String name(String key) {
            String name = names.get(key);
            if (name == null) {
                throw new IllegalArgumentException("no name key '" + key + "'; keys: " + names.keySet());
            }
            return name;
        }

        /** Every file, by key. */
        public Map<String, Path> files() {
            return files;
        }

        /** Reports something suspicious that does not stop reading; shown to the user. */
        public void warn(String message) {
            warnings.add(Objects.requireNonNull(message, "message"));
        }

        /** The warnings reported so far, in order. */
        public List<String> warnings() {
            synchronized (warnings) {
                return List.copyOf(warnings);
            }
        }
    }
}

package org.neurite.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.internal.Names;

/**
 * The optional {@code data} section: where the training and test data are and how to prepare
 * them, so that a whole experiment is one file. Read by {@link ConfigReader}, written by
 * {@link ConfigWriter}, turned into data sets by {@code org.neurite.core.data.DataLoader}.
 *
 * <pre>{@code
 * data:
 *   format: idx                      # idx (MNIST-style, plain or .gz) or csv
 *   directory: /usr/share/datasets/fashion-mnist   # optional, see below
 *   train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}
 *   test:  {images: t10k-images-idx3-ubyte.gz, labels: t10k-labels-idx1-ubyte.gz}  # optional
 *   scale: 255                       # optional: x / 255; or a range [min, max] mapped to [0, 1]
 *   standardize: false               # optional: centre and scale each feature on the training data
 *   one_hot: 10                      # optional: labels become n×10 one-hot rows; else n×1 labels
 *
 * data:
 *   format: csv
 *   train: {file: train.csv}
 *   test: {file: test.csv}
 *   label_column: label              # a header name, or a 0-based column index
 *   header: true                     # optional, default true
 * }</pre>
 *
 * <p>Relative file names are resolved against {@code directory}; a relative {@code directory}, or
 * a missing one, against the configuration file's directory (or the base directory given to
 * {@link ConfigReader#parse(String, String, Path)}); with neither, against the working directory.
 * {@code scale} and {@code standardize} exclude each other.
 *
 * @param directory   the directory relative file names are resolved against, or {@code null}
 *                    for the working directory
 * @param train       the training files
 * @param test        the test files, or {@code null}
 * @param csv         the CSV settings; non-null exactly when the files are CSV
 * @param scale       the range mapped linearly to [0, 1], or {@code null}
 * @param standardize centre each feature on the training mean with unit variance
 * @param oneHot      the number of classes to one-hot encode labels into, or {@code null}
 */
public record DataSpec(Path directory, DataFiles train, DataFiles test, CsvOptions csv, Scale scale,
                       boolean standardize, Integer oneHot) {
    static final List<String> FORMATS = List.of("idx", "csv");
    private static final Set<String> COMMON_KEYS =
            Set.of("format", "directory", "train", "test", "scale", "standardize", "one_hot");
    private static final Set<String> IDX_KEYS = COMMON_KEYS;
    private static final Set<String> CSV_KEYS = union(COMMON_KEYS, Set.of("label_column", "header"));

    public DataSpec {
        Objects.requireNonNull(train, "train");
        if (test != null && test.getClass() != train.getClass()) {
            throw new IllegalArgumentException("training and test files must have one format, got "
                    + train.format() + " and " + test.format());
        }
        if ((csv != null) != (train instanceof CsvFile)) {
            throw new IllegalArgumentException("CSV settings are required for CSV files and only for them");
        }
        if (scale != null && standardize) {
            throw new IllegalArgumentException("give scale or standardize, not both");
        }
        if (oneHot != null && oneHot < 2) {
            throw new IllegalArgumentException("one_hot is a number of classes, at least 2, got " + oneHot);
        }
    }

    /** {@code idx} or {@code csv}. */
    public String format() {
        return train.format();
    }

    /** {@code file} resolved against {@link #directory()}. */
    public Path resolve(Path file) {
        return directory == null ? file : directory.resolve(file);
    }

    /** Every file this section names, resolved: training files first, then test files. */
    public List<Path> files() {
        List<Path> all = new ArrayList<>();
        for (DataFiles f : test == null ? List.of(train) : List.of(train, test)) {
            f.paths().forEach(p -> all.add(resolve(p)));
        }
        return all;
    }

    /** This section with relative file names resolved against {@code directory} instead. */
    public DataSpec withDirectory(Path directory) {
        return new DataSpec(directory, train, test, csv, scale, standardize, oneHot);
    }

    /** The files of one split, training or test. */
    public sealed interface DataFiles permits IdxFiles, CsvFile {
        /** {@code idx} or {@code csv}. */
        String format();

        /** The files, as written (possibly relative). */
        List<Path> paths();
    }

    /**
     * {@code {images: ..., labels: ...}}: an IDX image file and its IDX label file.
     *
     * @param images the images, magic number 0x00000803
     * @param labels the labels, magic number 0x00000801
     */
    public record IdxFiles(Path images, Path labels) implements DataFiles {
        public IdxFiles {
            Objects.requireNonNull(images, "images");
            Objects.requireNonNull(labels, "labels");
        }

        @Override
        public String format() {
            return "idx";
        }

        @Override
        public List<Path> paths() {
            return List.of(images, labels);
        }
    }

    /**
     * {@code {file: ...}}: one CSV file with features and labels.
     *
     * @param file the file
     */
    public record CsvFile(Path file) implements DataFiles {
        public CsvFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String format() {
            return "csv";
        }

        @Override
        public List<Path> paths() {
            return List.of(file);
        }
    }

    /**
     * How to read CSV files: whether the first line names the columns, and which column holds
     * the label, by name or by index.
     *
     * @param header     the first line is a header
     * @param labelName  the label column's header name, or {@code null} when given by index
     * @param labelIndex the label column's 0-based index, or {@code null} when given by name
     */
    public record CsvOptions(boolean header, String labelName, Integer labelIndex) {
        public CsvOptions {
            if ((labelName == null) == (labelIndex == null)) {
                throw new IllegalArgumentException("give the label column by name or by index, exactly one");
            }
            if (labelName != null && !header) {
                throw new IllegalArgumentException("a label column named '" + labelName + "' needs a header");
            }
            if (labelIndex != null && labelIndex < 0) {
                throw new IllegalArgumentException("a column index must not be negative, got " + labelIndex);
            }
        }
    }

    /**
     * A linear map of {@code [min, max]} onto {@code [0, 1]}: {@code (x − min) / (max − min)}.
     *
     * @param min the value that becomes 0
     * @param max the value that becomes 1, greater than {@code min}
     */
    public record Scale(double min, double max) {
        public Scale {
            if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
                throw new IllegalArgumentException("a scale range needs finite min < max, got ["
                        + min + ", " + max + "]");
            }
        }
    }

    // ---- reading and writing, used by ConfigReader and ConfigWriter ----

    static DataSpec read(ConfigNode node, Path base) {
        if (!node.json().isObject()) {
            throw node.error("expected the data section (an object with format, train and optionally test, "
                    + "directory, scale, standardize, one_hot) but found " + ConfigNode.describe(node.json()));
        }
        String format = node.require("format", "the data format: " + String.join(" or ", FORMATS))
                .requireString("the data format");
        if (!FORMATS.contains(format)) {
            throw node.get("format").error("unknown data format '" + format + "'. "
                    + Names.didYouMean(format, FORMATS) + "Accepted: " + String.join(", ", FORMATS) + ".");
        }
        boolean isCsv = format.equals("csv");
        node.requireObject("the " + format + " data section", isCsv ? CSV_KEYS : IDX_KEYS);
        Path directory = base;
        if (node.has("directory")) {
            Path dir = path(node.get("directory"), "a directory");
            directory = base == null ? dir : base.resolve(dir);
        }
        DataFiles train = files(node.require("train", isCsv ? "the training file, such as {file: train.csv}"
                : "the training files, such as {images: train-images-idx3-ubyte.gz, labels: "
                + "train-labels-idx1-ubyte.gz}"), isCsv);
        DataFiles test = node.has("test") ? files(node.get("test"), isCsv) : null;
        CsvOptions csv = null;
        if (isCsv) {
            boolean header = !node.has("header") || node.get("header").requireBoolean("header");
            ConfigNode label = node.require("label_column",
                    "the label column, by header name (such as label) or 0-based index (such as 0)");
            if (label.json().isTextual()) {
                if (!header) {
                    throw label.error("a label column named '" + label.json().asText() + "' needs header: "
                            + "true; with header: false give the column's 0-based index, such as 0");
                }
                csv = new CsvOptions(true, label.json().asText(), null);
            } else if (label.json().isIntegralNumber()) {
                csv = new CsvOptions(header, null, label.requireInt("the label column index", 0));
            } else {
                throw label.error("expected the label column as a header name (a string) or a 0-based index "
                        + "(a whole number) but found " + ConfigNode.describe(label.json()));
            }
        }
        Scale scale = node.has("scale") ? scale(node.get("scale")) : null;
        boolean standardize = node.has("standardize") && node.get("standardize").requireBoolean("standardize");
        if (standardize && scale != null) {
            throw node.get("standardize").error("scale and standardize are both given; use one: scale maps "
                    + "a known range (such as 0 to 255) to [0, 1], standardize centres each feature on the "
                    + "training mean with unit variance");
        }
        Integer oneHot = node.has("one_hot")
                ? node.get("one_hot").requireInt("one_hot, the number of classes", 2) : null;
        return new DataSpec(directory, train, test, csv, scale, standardize, oneHot);
    }

    private static DataFiles files(ConfigNode node, boolean csv) {
        if (csv) {
            node.requireObject("a CSV file, such as {file: train.csv}", Set.of("file"));
            return new CsvFile(path(node.require("file", "the CSV file"), "a file name"));
        }
        node.requireObject("IDX files, such as {images: train-images-idx3-ubyte.gz, labels: "
                + "train-labels-idx1-ubyte.gz}", Set.of("images", "labels"));
        return new IdxFiles(path(node.require("images", "the IDX image file"), "a file name"),
                path(node.require("labels", "the IDX label file"), "a file name"));
    }

    private static Path path(ConfigNode node, String what) {
        String text = node.requireString(what);
        if (text.isBlank()) {
            throw node.error("expected " + what + " but found an empty string");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw node.error("'" + text + "' is not a valid path: " + e.getReason());
        }
    }

    private static Scale scale(ConfigNode node) {
        String what = "scale: the largest value (such as 255), or a range [min, max], mapped to [0, 1]";
        if (node.json().isNumber()) {
            double max = node.requireDouble(what);
            if (!(max > 0) || !Double.isFinite(max)) {
                throw node.error("scale must be a positive number (the value that becomes 1), got " + max);
            }
            return new Scale(0, max);
        }
        if (!node.json().isArray()) {
            throw node.error("expected " + what + " but found " + ConfigNode.describe(node.json()));
        }
        List<ConfigNode> range = node.requireList(what);
        if (range.size() != 2) {
            throw node.error("expected a range [min, max] but found " + range.size() + " values");
        }
        double min = range.get(0).requireDouble("the range's minimum");
        double max = range.get(1).requireDouble("the range's maximum");
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw node.error("the range [" + min + ", " + max + "] is empty; it needs min < max");
        }
        return new Scale(min, max);
    }

    static ObjectNode write(DataSpec spec) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("format", spec.format());
        if (spec.directory() != null) {
            d.put("directory", spec.directory().toString());
        }
        d.set("train", files(spec.train()));
        if (spec.test() != null) {
            d.set("test", files(spec.test()));
        }
        if (spec.csv() != null) {
            if (spec.csv().labelName() != null) {
                d.put("label_column", spec.csv().labelName());
            } else {
                d.put("label_column", spec.csv().labelIndex());
            }
            d.put("header", spec.csv().header());
        }
        if (spec.scale() != null) {
            if (spec.scale().min() == 0) {
                d.put("scale", spec.scale().max());
            } else {
                d.putArray("scale").add(spec.scale().min()).add(spec.scale().max());
            }
        }
        d.put("standardize", spec.standardize());
        if (spec.oneHot() != null) {
            d.put("one_hot", spec.oneHot());
        }
        return d;
    }

    private static ObjectNode files(DataFiles files) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (files instanceof IdxFiles idx) {
            o.put("images", idx.images().toString());
            o.put("labels", idx.labels().toString());
        } else if (files instanceof CsvFile csv) {
            o.put("file", csv.file().toString());
        }
        return o;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}

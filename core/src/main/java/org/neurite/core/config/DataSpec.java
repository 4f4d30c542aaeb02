package org.neurite.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.spi.DataFormat;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;

/**
 * The optional {@code data} section: where the training and test data are, in which format,
 * and how to prepare them, so that a whole experiment is one file. Read by {@link ConfigReader},
 * written by {@link ConfigWriter}, turned into data sets by {@code org.neurite.core.data.DataLoader}.
 *
 * <pre>{@code
 * data:
 *   format: idx                      # a data format plugin: idx, csv, npy, npz, or a jar's
 *   directory: /usr/share/datasets/fashion-mnist   # optional, see below
 *   train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}  # the format's keys
 *   test:  {images: t10k-images-idx3-ubyte.gz, labels: t10k-labels-idx1-ubyte.gz}  # optional
 *   scale: 255                       # optional: x / 255; or a range [min, max] mapped to [0, 1]
 *   standardize: false               # optional: centre and scale each feature on the training data
 *   one_hot: 10                      # optional: labels become n×10 one-hot rows; else n×1 labels
 *
 * data:
 *   format: csv
 *   train: {file: iris.csv}
 *   test_split: 0.2                  # optional: a seeded, shuffled fifth of the rows is the test data
 *   seed: 0                          # optional, default 0: the seed of test_split
 *   validation_split: 0.1            # optional: the last tenth of the training rows, unshuffled
 *   label_column: 4                  # the csv format's hyperparameters: a header name or 0-based index,
 *   header: false                    #   header (default true), skip_rows (default 0)
 *   skip_rows: 1
 * }</pre>
 *
 * <p>Relative file names are resolved against {@code directory}; a relative {@code directory}, or
 * a missing one, against the configuration file's directory (or the base directory given to
 * {@link ConfigReader#parse(String, String, Path)}); with neither, against the working directory.
 * {@code scale} and {@code standardize} exclude each other, and so do {@code test} and
 * {@code test_split}.
 *
 * @param directory       the directory relative file names are resolved against, or {@code null}
 *                        for the working directory
 * @param format          the data format plugin and its hyperparameters
 * @param train           the training split's entry
 * @param test            the test split's entry, or {@code null}
 * @param scale           the range mapped linearly to [0, 1], or {@code null}
 * @param standardize     centre each feature on the training mean with unit variance
 * @param oneHot          the number of classes to one-hot encode labels into, or {@code null}
 * @param testSplit       the fraction of the training file's rows held out as test data, chosen
 *                        by a shuffle seeded with {@code seed}; 0 for none
 * @param validationSplit the fraction of the (remaining) training rows held out for validation:
 *                        the last ones, unshuffled, as Keras's {@code validation_split}; 0 for none
 * @param seed            the seed of {@code test_split}'s shuffle
 */
public record DataSpec(Path directory, ComponentSpec format, DataFiles train, DataFiles test, Scale scale,
                       boolean standardize, Integer oneHot, double testSplit, double validationSplit, long seed) {
    private static final Set<String> COMMON_KEYS = Set.of("format", "directory", "train", "test", "scale",
            "standardize", "one_hot", "test_split", "validation_split", "seed");

    public DataSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(train, "train");
        if (test != null && !test.keys().equals(train.keys())) {
            throw new IllegalArgumentException("training and test entries must have the same keys, got "
                    + train.keys() + " and " + test.keys());
        }
        if (scale != null && standardize) {
            throw new IllegalArgumentException("give scale or standardize, not both");
        }
        if (oneHot != null && oneHot < 2) {
            throw new IllegalArgumentException("one_hot is a number of classes, at least 2, got " + oneHot);
        }
        if (!(testSplit >= 0 && testSplit < 1) || !(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("test_split and validation_split are fractions in [0, 1), got "
                    + testSplit + " and " + validationSplit);
        }
        if (testSplit > 0 && test != null) {
            throw new IllegalArgumentException("give test files or test_split, not both");
        }
    }

    /** The data format's name, such as {@code idx} or {@code csv}. */
    public String formatName() {
        return format.name();
    }

    /** {@code true} if there are test data: test files, or a {@code test_split}. */
    public boolean hasTestData() {
        return test != null || testSplit > 0;
    }

    /** {@code file} resolved against {@link #directory()}. */
    public Path resolve(Path file) {
        return directory == null ? file : directory.resolve(file);
    }

    /** Every file this section names, resolved: training files first, then test files. */
    public List<Path> files() {
        List<Path> all = new ArrayList<>();
        for (DataFiles f : test == null ? List.of(train) : List.of(train, test)) {
            f.files().values().forEach(p -> all.add(resolve(p)));
        }
        return all;
    }

    /** This section with relative file names resolved against {@code directory} instead. */
    public DataSpec withDirectory(Path directory) {
        return new DataSpec(directory, format, train, test, scale, standardize, oneHot, testSplit,
                validationSplit, seed);
    }

    /**
     * This section without its test files (a {@code test_split} stays, so the training rows are
     * the same): for reading the training data alone.
     */
    public DataSpec withoutTestFiles() {
        return new DataSpec(directory, format, train, null, scale, standardize, oneHot, testSplit,
                validationSplit, seed);
    }

    /**
     * One split's entry, such as {@code {images: ..., labels: ...}}: the keys its data format
     * declares, file names and names apart.
     *
     * @param files the file keys and their files, as written (possibly relative), in declaration order
     * @param names the other keys and their values, defaults filled in
     */
    public record DataFiles(Map<String, Path> files, Map<String, String> names) {
        public DataFiles {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
        }

        /** Every key, files first. */
        public Set<String> keys() {
            Set<String> keys = new java.util.LinkedHashSet<>(files.keySet());
            keys.addAll(names.keySet());
            return keys;
        }

        /** The files as written (possibly relative), in declaration order. */
        public List<Path> paths() {
            return List.copyOf(files.values());
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

    static DataSpec read(ConfigNode node, Path base, PluginCatalog<DataFormat> formats) {
        if (!node.json().isObject()) {
            throw node.error("expected the data section (an object with format, train and optionally test, "
                    + "directory, scale, standardize, one_hot, test_split, validation_split, seed) but found "
                    + ConfigNode.describe(node.json()));
        }
        String accepted = formats.names().isEmpty() ? "none" : String.join(", ", formats.names());
        ConfigNode formatNode = node.require("format", "the data format, one of " + accepted);
        String name = formatNode.requireString("the data format");
        if (!formats.contains(name)) {
            throw formatNode.error(formats.unknownName(name));
        }
        DataFormat format;
        try {
            format = formats.get(name);
        } catch (PluginException e) {
            throw formatNode.error(e.getMessage());
        }
        Set<String> keys = new java.util.HashSet<>(COMMON_KEYS);
        format.hyperparameters().forEach(h -> keys.add(h.name()));
        node.requireObject("the " + name + " data section", keys);
        Map<String, Object> given = new LinkedHashMap<>();
        for (var h : format.hyperparameters()) {
            if (node.has(h.name())) {
                given.put(h.name(), node.get(h.name()).scalar());
            }
        }
        ComponentSpec formatSpec;
        try {
            Hyperparameters values = formats.resolve(name, given);
            formats.configure(name, values);
            formatSpec = new ComponentSpec(name, values);
        } catch (HyperparameterException e) {
            throw (node.has(e.key()) ? node.get(e.key()) : node).error(e.getMessage());
        }
        Path directory = base;
        if (node.has("directory")) {
            Path dir = path(node.get("directory"), "a directory");
            directory = base == null ? dir : base.resolve(dir);
        }
        DataFiles train = files(node.require("train", "the training files, " + example(format.keys())), name,
                format.keys());
        DataFiles test = node.has("test") ? files(node.get("test"), name, format.keys()) : null;
        Scale scale = node.has("scale") ? scale(node.get("scale")) : null;
        boolean standardize = node.has("standardize") && node.get("standardize").requireBoolean("standardize");
        if (standardize && scale != null) {
            throw node.get("standardize").error("scale and standardize are both given; use one: scale maps "
                    + "a known range (such as 0 to 255) to [0, 1], standardize centres each feature on the "
                    + "training mean with unit variance");
        }
        Integer oneHot = node.has("one_hot")
                ? node.get("one_hot").requireInt("one_hot, the number of classes", 2) : null;
        double testSplit = fraction(node, "test_split", "the fraction of the training rows held out as test data");
        if (testSplit > 0 && test != null) {
            throw node.get("test_split").error("test files and test_split are both given; use one: test names "
                    + "the test files, test_split holds out a seeded, shuffled fraction of the training rows");
        }
        double validationSplit = fraction(node, "validation_split",
                "the fraction of the training rows held out for validation (the last ones)");
        long seed = node.has("seed") ? node.get("seed").requireLong("the seed of test_split") : 0L;
        return new DataSpec(directory, formatSpec, train, test, scale, standardize, oneHot, testSplit,
                validationSplit, seed);
    }

    private static double fraction(ConfigNode node, String key, String what) {
        if (!node.has(key)) {
            return 0;
        }
        double v = node.get(key).requireDouble(what);
        if (!(v >= 0 && v < 1)) {
            throw node.get(key).error(key + " must be in [0, 1), got " + v);
        }
        return v;
    }

    private static String example(List<DataFormat.Key> keys) {
        return keys.stream().filter(DataFormat.Key::file).map(DataFormat.Key::description)
                .collect(java.util.stream.Collectors.joining(" and ")) + ", such as {" + keys.stream()
                .filter(k -> k.defaultValue() == null).map(k -> k.key() + ": ...")
                .collect(java.util.stream.Collectors.joining(", ")) + "}";
    }

    private static DataFiles files(ConfigNode node, String format, List<DataFormat.Key> keys) {
        Set<String> accepted = new java.util.LinkedHashSet<>();
        keys.forEach(k -> accepted.add(k.key()));
        node.requireObject("a " + format + " entry, such as {" + keys.stream()
                .filter(k -> k.defaultValue() == null).map(k -> k.key() + ": ...")
                .collect(java.util.stream.Collectors.joining(", ")) + "}", accepted);
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (DataFormat.Key k : keys) {
            if (k.file()) {
                files.put(k.key(), path(node.require(k.key(), k.description()), "a file name"));
            } else if (node.has(k.key())) {
                String value = node.get(k.key()).requireString(k.description());
                if (value.isEmpty()) {
                    throw node.get(k.key()).error("expected " + k.description() + " but found an empty string");
                }
                names.put(k.key(), value);
            } else if (k.defaultValue() != null) {
                names.put(k.key(), k.defaultValue());
            } else {
                names.put(k.key(), node.require(k.key(), k.description()).requireString(k.description()));
            }
        }
        return new DataFiles(files, names);
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
        d.put("format", spec.formatName());
        if (spec.directory() != null) {
            d.put("directory", spec.directory().toString());
        }
        d.set("train", files(spec.train()));
        if (spec.test() != null) {
            d.set("test", files(spec.test()));
        }
        spec.format().hyperparameters().asMap().forEach((key, value) -> {
            if (value instanceof Boolean b) {
                d.put(key, b);
            } else if (value instanceof Long l) {
                d.put(key, l);
            } else if (value instanceof Double v) {
                d.put(key, v);
            } else if (value instanceof List<?> list) {
                var array = d.putArray(key);
                list.forEach(item -> {
                    if (item instanceof Long l) {
                        array.add(l);
                    } else {
                        array.add(((Number) item).doubleValue());
                    }
                });
            } else {
                d.put(key, String.valueOf(value));
            }
        });
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
        if (spec.testSplit() > 0) {
            d.put("test_split", spec.testSplit());
            d.put("seed", spec.seed());
        }
        if (spec.validationSplit() > 0) {
            d.put("validation_split", spec.validationSplit());
        }
        return d;
    }

    private static ObjectNode files(DataFiles files) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        files.files().forEach((key, path) -> o.put(key, path.toString()));
        files.names().forEach(o::put);
        return o;
    }
}

package org.neurite.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.neurite.core.config.DataSpec;
import org.neurite.core.internal.Permutation;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.DataFormat;
import org.neurite.core.tensor.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a configuration's {@code data} section into training, validation and test data sets:
 * reads each split with the section's data format plugin, one-hot encodes the labels if asked,
 * holds out {@code test_split} (seeded, shuffled) and {@code validation_split} (the last rows,
 * as Keras), then scales or standardises the features (standardisation is fitted on the
 * training rows only and applied to all).
 *
 * <pre>{@code
 * ModelConfig config = new ConfigReader(plugins).read(Path.of("fashion-mnist.yaml"));
 * DataLoader.Loaded data = DataLoader.load(config.data(), plugins);
 * model.fit(data.train(), model.fitOptions().validation(data.test()).build());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);

    private DataLoader() {
    }

    /**
     * Training, validation and test data, prepared alike.
     *
     * @param train      the training data
     * @param validation the rows {@code validation_split} held out, or {@code null}
     * @param test       the test data (test files or {@code test_split}), or {@code null}
     * @param warnings   what the readers found suspicious but read anyway, such as a header line
     *                   of numbers; also logged as warnings
     */
    public record Loaded(Dataset train, Dataset validation, Dataset test, List<String> warnings) {
        public Loaded {
            Objects.requireNonNull(train, "train");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads and prepares the data {@code spec} describes with the data formats of
     * {@code plugins}.
     *
     * @throws DataFormatException                    if a file is malformed, a label does not fit
     *                                                {@code one_hot}, the test data have another
     *                                                number of features than the training data,
     *                                                or a split leaves a side empty
     * @throws org.neurite.core.plugin.PluginException if the format is not among {@code plugins}
     * @throws java.io.UncheckedIOException           if a file is missing or unreadable
     */
    public static Loaded load(DataSpec spec, Plugins plugins) {
        long start = System.nanoTime();
        PluginCatalog<DataFormat> formats = plugins.dataFormats();
        DataFormat format = formats.configure(spec.formatName(), spec.format().hyperparameters());
        List<String> warnings = new ArrayList<>();
        Path trainFile = first(spec, spec.train());
        Dataset train = read(spec, format, "train", spec.train(), warnings);
        Dataset test = spec.test() == null ? null : read(spec, format, "test", spec.test(), warnings);
        if (test != null && test.x().cols() != train.x().cols()) {
            throw new DataFormatException(first(spec, spec.test()), "", "the test data have "
                    + test.x().cols() + " features but the training data (" + trainFile
                    + ") have " + train.x().cols());
        }
        if (spec.testSplit() > 0) {
            Dataset[] parts = testSplit(train, spec.testSplit(), spec.seed(), trainFile);
            train = parts[0];
            test = parts[1];
        }
        Dataset validation = null;
        if (spec.validationSplit() > 0) {
            long held;
            try {
                held = Dataset.validationRows(train.size(), spec.validationSplit());
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(trainFile, "", e.getMessage() + " (the data section's "
                        + "validation_split: " + spec.validationSplit() + ")");
            }
            validation = train.rows(train.size() - (int) held, train.size());
            train = train.rows(0, train.size() - (int) held);
        }
        if (spec.scale() != null) {
            double min = spec.scale().min();
            double max = spec.scale().max();
            train = new Dataset(Scaling.toUnitRange(train.x(), min, max), train.y());
            validation = validation == null ? null
                    : new Dataset(Scaling.toUnitRange(validation.x(), min, max), validation.y());
            test = test == null ? null : new Dataset(Scaling.toUnitRange(test.x(), min, max), test.y());
        } else if (spec.standardize()) {
            Standardizer s = Standardizer.fit(train.x());
            train = new Dataset(s.apply(train.x()), train.y());
            validation = validation == null ? null : new Dataset(s.apply(validation.x()), validation.y());
            test = test == null ? null : new Dataset(s.apply(test.x()), test.y());
        }
        warnings.forEach(LOG::warn);
        LOG.info("Loaded {} training{}{} samples of {} features ({}) from {} in {} ms", train.size(),
                validation == null ? "" : ", " + validation.size() + " validation",
                test == null ? "" : ", " + test.size() + " test", train.x().cols(), spec.formatName(),
                trainFile.toAbsolutePath().getParent(), (System.nanoTime() - start) / 1_000_000);
        return new Loaded(train, validation, test, warnings);
    }

    /**
     * Splits {@code data} into training and test rows as scikit-learn's
     * {@code train_test_split(test_size=fraction)} sizes them: {@code ceil(n·fraction)} test rows,
     * chosen by a Fisher–Yates shuffle seeded with {@code seed}; both parts keep the file's order.
     *
     * @return {@code [training, test]}
     * @throws DataFormatException if either part would be empty
     */
    static Dataset[] testSplit(Dataset data, double fraction, long seed, Path file) {
        int n = data.size();
        int test = (int) Math.ceil(n * fraction);
        if (test == 0 || test >= n) {
            throw new DataFormatException(file, "", "test_split: " + fraction + " of " + n + " rows leaves "
                    + (n - test) + " for training and " + test + " for testing; both need at least one");
        }
        int[] order = new int[n];
        Permutation.shuffle(order, new SplittableRandom(seed));
        boolean[] isTest = new boolean[n];
        for (int i = 0; i < test; i++) {
            isTest[order[i]] = true;
        }
        int[] trainRows = new int[n - test];
        int[] testRows = new int[test];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (isTest[i]) {
                testRows[b++] = i;
            } else {
                trainRows[a++] = i;
            }
        }
        return new Dataset[] {gather(data, trainRows), gather(data, testRows)};
    }

    private static Dataset gather(Dataset data, int[] rows) {
        return new Dataset(gather(data.x(), rows), gather(data.y(), rows));
    }

    private static Matrix gather(Matrix m, int[] rows) {
        int cols = m.cols();
        Matrix out = new Matrix(rows.length, cols);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data(), rows[i] * cols, out.data(), i * cols, cols);
        }
        return out;
    }

    private static Dataset read(DataSpec spec, DataFormat format, String split, DataSpec.DataFiles files,
                                List<String> warnings) {
        java.util.Map<String, Path> resolved = new java.util.LinkedHashMap<>();
        files.files().forEach((key, file) -> resolved.put(key, spec.resolve(file)));
        DataFormat.Source source = new DataFormat.Source(split, resolved, files.names());
        Dataset raw = format.read(source);
        warnings.addAll(source.warnings());
        Path labelFile = resolved.values().stream().reduce((a, b) -> b).orElseThrow();
        if (raw.size() == 0) {
            throw new DataFormatException(labelFile, "", "the " + split + " data hold no samples");
        }
        if (spec.oneHot() == null) {
            return raw;
        }
        try {
            return new Dataset(raw.x(), Labels.oneHot(raw.y(), spec.oneHot()));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(labelFile, "", e.getMessage() + " (the data section's one_hot: "
                    + spec.oneHot() + "; rows count data rows from 0)");
        }
    }

    private static Path first(DataSpec spec, DataSpec.DataFiles files) {
        return spec.resolve(files.paths().get(0));
    }
}

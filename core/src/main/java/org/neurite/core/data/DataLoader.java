package org.neurite.core.data;

import java.nio.file.Path;
import java.util.Objects;
import org.neurite.core.config.DataSpec;
import org.neurite.core.tensor.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a configuration's {@code data} section into training and test data sets: reads the
 * files, one-hot encodes the labels if asked, then scales or standardises the features
 * (standardisation is fitted on the training data and applied to both).
 *
 * <pre>{@code
 * ModelConfig config = new ConfigReader(plugins).read(Path.of("fashion-mnist.yaml"));
 * DataLoader.Loaded data = DataLoader.load(config.data());
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
     * Training and test data, prepared alike.
     *
     * @param train the training data
     * @param test  the test data, or {@code null} when the section names none
     */
    public record Loaded(Dataset train, Dataset test) {
        public Loaded {
            Objects.requireNonNull(train, "train");
        }
    }

    /**
     * Reads and prepares the data {@code spec} describes.
     *
     * @throws DataFormatException          if a file is malformed, a label does not fit
     *                                      {@code one_hot}, or the test data have another
     *                                      number of features than the training data
     * @throws java.io.UncheckedIOException if a file is missing or unreadable
     */
    public static Loaded load(DataSpec spec) {
        long start = System.nanoTime();
        Dataset train = read(spec, spec.train());
        Dataset test = spec.test() == null ? null : read(spec, spec.test());
        if (test != null && test.x().cols() != train.x().cols()) {
            throw new DataFormatException(first(spec, spec.test()), "", "the test data have "
                    + test.x().cols() + " features but the training data (" + first(spec, spec.train())
                    + ") have " + train.x().cols());
        }
        Matrix trainX = train.x();
        Matrix testX = test == null ? null : test.x();
        if (spec.scale() != null) {
            trainX = Scaling.toUnitRange(trainX, spec.scale().min(), spec.scale().max());
            testX = testX == null ? null : Scaling.toUnitRange(testX, spec.scale().min(), spec.scale().max());
        } else if (spec.standardize()) {
            Standardizer s = Standardizer.fit(trainX);
            trainX = s.apply(trainX);
            testX = testX == null ? null : s.apply(testX);
        }
        Loaded loaded = new Loaded(new Dataset(trainX, train.y()),
                test == null ? null : new Dataset(testX, test.y()));
        LOG.info("Loaded {} training{} samples of {} features from {} in {} ms", train.size(),
                test == null ? "" : " and " + test.size() + " test", trainX.cols(),
                first(spec, spec.train()).toAbsolutePath().getParent(), (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    private static Dataset read(DataSpec spec, DataSpec.DataFiles files) {
        Dataset raw;
        Path labelFile;
        if (files instanceof DataSpec.IdxFiles idx) {
            labelFile = spec.resolve(idx.labels());
            raw = IdxReader.read(spec.resolve(idx.images()), labelFile);
        } else {
            DataSpec.CsvFile csv = (DataSpec.CsvFile) files;
            labelFile = spec.resolve(csv.file());
            DataSpec.CsvOptions o = spec.csv();
            raw = o.labelName() != null ? CsvReader.read(labelFile, o.header(), o.labelName())
                    : CsvReader.read(labelFile, o.header(), o.labelIndex());
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

package org.neurite.core.data;

import java.util.List;
import org.neurite.core.spi.DataFormat;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;

/**
 * {@code format: csv}: one CSV file per split ({@code train: {file: train.csv}}), read by
 * {@link CsvReader}. Hyperparameters: {@code label_column} (a header name or a 0-based index,
 * required), {@code header} (the first line after the skipped ones names the columns, default
 * {@code true}) and {@code skip_rows} (lines dropped unread at the start, default 0, such as
 * the counts line of scikit-learn's {@code iris.csv}).
 */
public final class CsvFormat implements DataFormat {
    private final CsvReader.Options options;

    public CsvFormat() {
        this(null);
    }

    private CsvFormat(CsvReader.Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.nameOrIndex("label_column", null).required(),
                Hyperparameter.bool("header", true),
                Hyperparameter.integer("skip_rows", 0).atLeast(0).atMost(Integer.MAX_VALUE));
    }

    @Override
    public CsvFormat configure(Hyperparameters values) {
        Object label = values.nameOrIndex("label_column");
        boolean header = values.bool("header");
        int skip = (int) values.integer("skip_rows");
        if (label instanceof String name && !header) {
            throw new HyperparameterException("label_column", "format 'csv': a label "
                    + "column named '" + name + "' needs header: true; with header: false give the column's "
                    + "0-based index, such as label_column: 0");
        }
        if (label instanceof Long index && index > Integer.MAX_VALUE) {
            throw new HyperparameterException("label_column", "format 'csv': the label "
                    + "column index " + index + " is larger than any file's column count");
        }
        return new CsvFormat(label instanceof String name ? CsvReader.Options.named(name, header, skip)
                : CsvReader.Options.indexed((int) (long) (Long) label, header, skip));
    }

    @Override
    public List<Key> keys() {
        return List.of(Key.file("file", "the CSV file"));
    }

    @Override
    public Dataset read(Source source) {
        if (options == null) {
            throw new IllegalStateException("format 'csv' needs label_column; configure it first");
        }
        return CsvReader.read(source.file("file"), options, source::warn);
    }
}

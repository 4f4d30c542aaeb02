package org.neurite.core.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file is malformed: truncated, of the wrong kind, or holding a value that cannot be
 * used. The message gives the file, where in it (a byte offset or a line and column) and what
 * was expected and found, such as {@code train-images-idx3-ubyte.gz: at byte 16: expected
 * 47040000 bytes of pixel data for 60000 images of 28×28, found 1200}.
 */
public final class DataFormatException extends RuntimeException {
    private final transient Path file;
    private final String location;
    private final String detail;

    /**
     * @param file     the file at fault
     * @param location where in it, such as {@code at byte 16} or {@code line 3, column 2}; empty
     *                 for the file as a whole
     * @param detail   what was expected and what was found
     */
    public DataFormatException(Path file, String location, String detail) {
        super(file + ": " + (location.isEmpty() ? "" : location + ": ") + detail);
        this.file = Objects.requireNonNull(file, "file");
        this.location = location;
        this.detail = detail;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** Where in the file, such as {@code at byte 16}; empty for the file as a whole. */
    public String location() {
        return location;
    }

    /** What was expected and found, without file and location. */
    public String detail() {
        return detail;
    }
}

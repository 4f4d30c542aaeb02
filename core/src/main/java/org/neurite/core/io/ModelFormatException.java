package org.neurite.core.io;

import java.nio.file.Path;

/**
 * A model file cannot be read: it is truncated, damaged, altered, written by a newer format or
 * does not match the network its configuration builds. The message gives the file, the entry
 * inside it (such as {@code parameters/dense_1/kernel.npy}), what is wrong and what to do.
 */
public final class ModelFormatException extends RuntimeException {
    private final transient Path file;
    private final String entry;
    private final String detail;

    /**
     * @param file   the model file
     * @param entry  the entry inside the archive, or empty when the problem is the file itself
     * @param detail what is wrong and how to fix it
     */
    public ModelFormatException(Path file, String entry, String detail) {
        this(file, entry, detail, null);
    }

    /**
     * @param file   the model file
     * @param entry  the entry inside the archive, or empty when the problem is the file itself
     * @param detail what is wrong and how to fix it
     * @param cause  the underlying error, or {@code null}
     */
    public ModelFormatException(Path file, String entry, String detail, Throwable cause) {
        super(file + (entry.isEmpty() ? "" : ": " + entry) + ": " + detail, cause);
        this.file = file;
        this.entry = entry;
        this.detail = detail;
    }

    /** The model file. */
    public Path file() {
        return file;
    }

    /** The entry inside the archive; empty when the problem is the file as a whole. */
    public String entry() {
        return entry;
    }

    /** The message without file and entry. */
    public String detail() {
        return detail;
    }
}

package org.neurite.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.neurite.core.data.DataFormatException;
import org.neurite.core.data.Dataset;
import org.neurite.core.internal.Names;
import org.neurite.core.tensor.Matrix;

/**
 * Numpy arrays as features and labels: {@code .npy} files and the arrays of {@code .npz}
 * archives (what {@code np.savez} and {@code np.savez_compressed} write), read with the strict
 * {@code .npy} header parser model files use, in any numeric dtype.
 */
final class NumpyArrays {
    /** deflate expands at most about 1032 to 1: a larger claim is a lie. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NumpyArrays() {
    }

    /** The array of the {@code .npy} file {@code file}. */
    static Npy.Array readNpy(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new DataFormatException(file, "", "this is a directory; expected a .npy file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Npy.readNumeric(in, Files.size(file));
            }
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, "", e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("there is no data file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The array named {@code name} (the entry {@code name.npy}, or {@code name} itself) of the
     * {@code .npz} archive {@code file}. An entry's sizes are checked against the archive's size
     * (and, for compressed entries, deflate's largest ratio) before anything is allocated.
     */
    static Npy.Array readNpz(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file, "", "this is a directory; expected a .npz archive");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name + ".npy");
            if (entry == null && name.endsWith(".npy")) {
                entry = zip.getEntry(name);
            }
            String where = "array '" + Names.shorten(name) + "'";
            if (entry == null || entry.isDirectory()) {
                throw new DataFormatException(file, "", "the archive has no array '" + Names.shorten(name) + "'. "
                        + Names.didYouMean(name, arrays(zip)) + "Arrays: " + list(arrays(zip)) + ".");
            }
            long size = entry.getSize();
            long stored = entry.getCompressedSize();
            long length = Files.size(file);
            if (size < 0 || stored < 0 || stored > length) {
                throw new DataFormatException(file, where, "the zip entry " + Names.shorten(entry.getName())
                        + " declares " + stored + " stored bytes in an archive of " + length + "; it is damaged");
            }
            if (entry.getMethod() == ZipEntry.STORED ? size != stored : size > stored * MAX_DEFLATE_RATIO + 1024) {
                throw new DataFormatException(file, where, "the zip entry " + Names.shorten(entry.getName())
                        + " claims " + size + " bytes from " + stored + " stored ones, more than "
                        + (entry.getMethod() == ZipEntry.STORED ? "an uncompressed entry holds" : "deflate expands to")
                        + "; it is damaged");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Npy.readNumeric(in, size);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(file, where, e.getMessage());
            } catch (ZipException | java.io.EOFException e) {
                throw new DataFormatException(file, where, "the compressed data is damaged: " + e.getMessage());
            }
        } catch (ZipException e) {
            throw new DataFormatException(file, "", "not a .npz archive (a zip file of .npy arrays): "
                    + e.getMessage());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new UncheckedIOException("there is no data file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> arrays(ZipFile zip) {
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements() && names.size() < 1000) {
            String n = entries.nextElement().getName();
            names.add(n.endsWith(".npy") ? n.substring(0, n.length() - 4) : n);
        }
        return names;
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> shown = names.stream().limit(20).map(Names::shorten).toList();
        return String.join(", ", shown) + (names.size() > 20 ? ", … (" + names.size() + " in all)" : "");
    }

    /** Features: an array of n samples, (n,) or (n, d1, d2, ...), as an n×(d1·d2·...) matrix. */
    static Matrix features(Npy.Array a, Path file, String what) {
        int[] s = a.shape();
        if (s.length == 0) {
            throw new DataFormatException(file, what, "the array is a scalar; expected one sample per row, "
                    + "such as shape (n, features)");
        }
        int n = s[0];
        long width = 1;
        for (int i = 1; i < s.length; i++) {
            width *= s[i];
        }
        if (n == 0 || width == 0) {
            throw new DataFormatException(file, what, "the array " + a.shapeString() + " holds no values");
        }
        return Matrix.wrap(n, (int) width, a.data());
    }

    /** Labels: (n,) as n×1 (class indices or values), (n, k) as n×k (one-hot rows or several targets). */
    static Matrix labels(Npy.Array a, Path file, String what) {
        int[] s = a.shape();
        if (s.length == 1) {
            return Matrix.wrap(s[0], 1, a.data());
        }
        if (s.length == 2) {
            return Matrix.wrap(s[0], s[1], a.data());
        }
        throw new DataFormatException(file, what, "the labels have shape " + a.shapeString()
                + "; accepted: (n,) for one label per sample or (n, k) for k targets or one-hot rows");
    }

    /** The data set of {@code x} and {@code y}, which must have one row per sample each. */
    static Dataset dataset(Matrix x, Matrix y, Path xFile, String xWhat, Path yFile, String yWhat) {
        if (x.rows() != y.rows()) {
            throw new DataFormatException(yFile, yWhat, "the labels are for " + y.rows() + " samples but the "
                    + "features (" + xFile + (xWhat.isEmpty() ? "" : ", " + xWhat) + ") hold " + x.rows()
                    + "; they must describe the same samples, in the same order");
        }
        return new Dataset(x, y);
    }
}

package org.neurite.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.internal.Names;
import org.neurite.core.plugin.PluginUse;
import org.neurite.core.network.NetworkTooLargeException;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.spi.OptimizerSettings;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Saves and loads whole models as one file: a zip archive that numpy opens with
 * {@code np.load(file)} (an {@code .npz}). Its entries, in order:
 * <ul>
 *   <li>{@code config.json}: the resolved configuration, seed included ({@link ConfigWriter});</li>
 *   <li>{@code parameters/<name>.npy}: each network parameter in network order, as float32
 *       {@code (rows, cols)}, a bias as {@code (units,)} (Keras's {@code get_weights()});</li>
 *   <li>{@code optimizer/<key>.npy}: each optimizer state matrix, by its stable key;</li>
 *   <li>{@code metadata.json}: {@code format_version}, {@code neurite_version}, {@code created},
 *       {@code seed}, {@code optimizer_iterations}, {@code learning_rate} (only when training
 *       changed the constant learning rate, as {@code reduce_lr_on_plateau} does), {@code parameters} and
 *       {@code optimizer_state} (entry names in order), {@code plugins} (kind, name, class, source),
 *       {@code history}, and {@code sha256} of every entry above;</li>
 *   <li>{@code checksum.sha256}: the SHA-256 of {@code metadata.json}, {@code sha256sum} style.</li>
 * </ul>
 *
 * <pre>{@code
 * model.save(Path.of("xor.neurite"));          // ModelFiles.save(model, ...)
 * Model again = Model.load(Path.of("xor.neurite"), new ModelAssembler(Plugins.discover()));
 * }</pre>
 *
 * <p>A loaded model predicts bit-identically to the saved one, and training it further gives
 * the same weights and history as never having stopped. Stateless and thread-safe; a model
 * must not be trained while it is being saved.
 */
public final class ModelFiles {
    static final String CONFIG = "config.json";
    static final String PARAMETERS = "parameters/";
    static final String OPTIMIZER = "optimizer/";

    private ModelFiles() {
    }

    /**
     * Writes {@code model} to {@code file} atomically: a temporary file in the same directory
     * is written, synced and renamed over {@code file}, so {@code file} holds either the
     * previous content or the complete new model, never a partial write.
     *
     * @throws UncheckedIOException     if the file cannot be written; the previous file is kept
     * @throws IllegalArgumentException if a parameter or state name cannot be a zip entry name
     */
    public static void save(SavedModel model, Path file) {
        save(model, file, null, UnaryOperator.identity());
    }

    /**
     * {@link #save(SavedModel, Path)}, signing the file with {@code key} (if not {@code null}):
     * the archive gets a last entry {@code signature.hmac-sha256} holding the key's id and the
     * HMAC-SHA256 of the checksum chain, which {@link #load} checks
     * when given the key. numpy ignores the entry; Neurite versions before signing refuse signed files.
     */
    public static void save(SavedModel model, Path file, SigningKey key) {
        save(model, file, key, UnaryOperator.identity());
    }

    /** {@link #save(SavedModel, Path)} with the file's output stream wrapped, to test failures. */
    static void save(SavedModel model, Path file, UnaryOperator<OutputStream> wrap) {
        save(model, file, null, wrap);
    }

    /** {@link #save(SavedModel, Path, SigningKey)} with the file's output stream wrapped, to test failures. */
    static void save(SavedModel model, Path file, SigningKey key, UnaryOperator<OutputStream> wrap) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(file, "file");
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Refused if the model is being trained: its arrays would be a mix of two steps.
        Map<String, byte[]> entries = model.readConsistently("save", () -> entries(model, created));
        AtomicFile.write(file, out -> ModelArchive.write(wrap.apply(out), entries, created.toEpochMilli(), key));
    }

    /** Every entry of the model's file but {@code checksum.sha256}, in order. */
    private static Map<String, byte[]> entries(SavedModel model, Instant created) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(CONFIG, ConfigWriter.toJson(model.config()).getBytes(StandardCharsets.UTF_8));
        List<String> parameters = new ArrayList<>();
        model.network().arrays().forEach((name, value) -> parameters.add(put(entries, PARAMETERS, name, value)));
        Optimizer.Updater updater = model.trainer().updater();
        List<String> state = new ArrayList<>();
        updater.state().forEach((name, m) -> state.add(put(entries, OPTIMIZER, name, m)));
        Map<String, String> sums = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> sums.put(name, ModelArchive.sha256(bytes)));
        List<PluginUse> plugins = new ArrayList<>(model.plugins());
        plugins.sort(Comparator.comparing(PluginUse::kind).thenComparing(PluginUse::name));
        Metadata metadata = new Metadata(Metadata.FORMAT_VERSION, neuriteVersion(), created.toString(),
                model.seed(), updater.iterations(), changedLearningRate(model), parameters, state, plugins,
                model.history().asMap(), sums);
        entries.put(ModelArchive.METADATA, metadata.toJson());
        return entries;
    }

    private static String put(Map<String, byte[]> entries, String prefix, String name, Matrix m) {
        String entry = prefix + EntryNames.check(name) + ".npy";
        if (entries.put(entry, Npy.write(m.data(), EntryNames.shape(name, m))) != null) {
            throw new IllegalArgumentException("two arrays would both be saved as " + entry);
        }
        return entry;
    }

    /**
     * Reads a model saved by {@link #save}: checks the archive, every checksum, the format
     * version and the plugins, builds the model from the saved configuration with
     * {@code assembly} (the network no larger than the arrays the file holds), then restores the parameters, the optimizer state and step count, and
     * the history. Nothing is returned unless all of it succeeded. With {@code key} not
     * {@code null}, the file must be signed with it: an unsigned file, one signed with another
     * key, or one altered after signing is refused before anything else in it is read. With
     * {@code key} {@code null} a signed file loads like an unsigned one (its checksums are
     * checked, its signature is not). {@link org.neurite.core.model.Model#load} is the usual way
     * to call this.
     *
     * <p>Reading is bounded: the file must be a regular file (or a link to one), the archive is
     * read through its central directory with positional reads, {@code metadata.json} and
     * {@code config.json} are read only up to {@link #MAX_METADATA_BYTES} and
     * {@link ConfigReader#MAX_BYTES}, and an array is read only once its header's shape matches
     * the network built from the configuration; nothing is allocated for what the file merely
     * claims.
     *
     * @throws ModelFormatException  if the file is not a model file, is truncated or damaged,
     *                               comes from a newer format, or does not fit its configuration
     * @throws PluginException       if a plugin the model uses is not in {@code plugins}
     * @throws ConfigException       if the saved configuration is not valid with these plugins
     * @throws UncheckedIOException  if the file cannot be read
     */
    public static <M extends SavedModel> M load(Path file, Plugins plugins, SavedModel.Assembly<M> assembly,
                                                SigningKey key) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(assembly, "assembly");
        try (ModelArchive archive = ModelArchive.open(file)) {
            if (key != null) {
                archive.checkSignature(key);
            }
            return load(file, archive, plugins, assembly);
        }
    }

    private static <M extends SavedModel> M load(Path file, ModelArchive archive, Plugins plugins,
                                                 SavedModel.Assembly<M> assembly) {
        Metadata metadata = Metadata.parse(file, archive.bytes(ModelArchive.METADATA, MAX_METADATA_BYTES),
                neuriteVersion());
        archive.verify(metadata.sha256());
        checkPlugins(file, metadata.plugins(), plugins);
        String configText = configText(file, archive.bytes(CONFIG, ConfigReader.MAX_BYTES));
        ModelConfig config = new ConfigReader(plugins).parse(configText, file + "!/" + CONFIG);
        if (config.training().seed() == null || config.training().seed() != metadata.seed()) {
            throw new ModelFormatException(file, CONFIG, "the configuration's seed "
                    + config.training().seed() + " differs from the metadata's " + metadata.seed());
        }
        // The network may take no more than the arrays the file really holds: a configuration
        // edited to claim a billion units fails before anything that size is allocated.
        long held = heldArrayBytes(file, archive, metadata.parameters());
        M model;
        try {
            model = assembly.assemble(config, 2 * held + 1024);
        } catch (ConfigException | PluginException e) {
            throw e;
        } catch (NetworkTooLargeException e) {
            throw new ModelFormatException(file, CONFIG, "the saved configuration builds a network larger than "
                    + "the " + held + " bytes of arrays the file holds, so the file does not match its "
                    + "configuration (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file, CONFIG, "the saved configuration cannot be built: "
                    + e.getMessage(), e);
        }
        Map<String, Matrix> parameters = model.network().arrays();
        Optimizer.Updater updater = model.trainer().updater();
        List<Restore> restores = new ArrayList<>();
        restores.addAll(decode(file, archive, PARAMETERS, parameters, metadata.parameters(), "network parameters"));
        restores.addAll(decode(file, archive, OPTIMIZER, updater.state(), metadata.optimizerState(),
                "optimizer state of '" + config.optimizer().name() + "'"));
        // Everything is decoded and checked; only now is the model changed.
        restores.forEach(r -> System.arraycopy(r.values(), 0, r.target().data(), 0, r.values().length));
        updater.setIterations(metadata.optimizerIterations());
        if (metadata.learningRate() != null) {
            if (model.optimizer().settings().schedule() != null) {
                throw new ModelFormatException(file, ModelArchive.METADATA, "it sets the learning rate to "
                        + metadata.learningRate() + " but the configuration's learning rate is the schedule "
                        + model.optimizer().settings().schedule() + ", which cannot be set");
            }
            updater.setLearningRate(metadata.learningRate());
        }
        appendHistory(model, metadata.history());
        return model;
    }

    /**
     * The optimizer's constant learning rate if training changed it from the configured one
     * ({@code reduce_lr_on_plateau}), else {@code null}: files of runs that never change it stay
     * as they were.
     */
    private static Double changedLearningRate(SavedModel model) {
        OptimizerSettings settings = model.optimizer().settings();
        double now = model.trainer().updater().learningRate();
        if (settings.schedule() != null || Double.isNaN(now) || now == settings.learningRate(0)) {
            return null;
        }
        return now;
    }

    /** The most bytes of {@code metadata.json} read: room for a history of millions of epochs. */
    public static final int MAX_METADATA_BYTES = 64 << 20;

    private static String configText(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file, CONFIG, "the configuration is not valid UTF-8 text");
        }
    }

    /**
     * The bytes of float32 data the array entries {@code names} declare, each declaration
     * checked against the entry's real length: at most the file's size.
     */
    private static long heldArrayBytes(Path file, ModelArchive archive, List<String> names) {
        long total = 0;
        for (String entry : names) {
            long size = archive.size(entry);
            try (InputStream in = archive.stream(entry)) {
                Npy.Header header = Npy.header(in.readNBytes((int) Math.min(size, Npy.MAX_PREFIX)), size);
                header.checkDataLength(size - header.dataOffset());
                total += 4 * header.size();
            } catch (IllegalArgumentException ex) {
                throw new ModelFormatException(file, Names.shorten(entry), ex.getMessage(), ex);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the model file " + file + ": " + ex, ex);
            }
        }
        return total;
    }

    /** Saved values checked against the live matrix they go into. */
    private record Restore(Matrix target, float[] values) {
    }

    private static List<Restore> decode(Path file, ModelArchive archive, String prefix,
                                        Map<String, Matrix> live, List<String> saved, String what) {
        List<String> expected = new ArrayList<>();
        live.keySet().forEach(name -> expected.add(prefix + name + ".npy"));
        if (!expected.equals(saved)) {
            throw new ModelFormatException(file, ModelArchive.METADATA, "the file holds the " + what + " "
                    + Names.shorten(saved.toString()) + " but the saved configuration builds "
                    + Names.shorten(expected.toString()) + "; the file does not "
                    + "match the network it describes. Save the model again with this Neurite.");
        }
        List<Restore> restores = new ArrayList<>();
        for (Map.Entry<String, Matrix> e : live.entrySet()) {
            String entry = prefix + e.getKey() + ".npy";
            int[] shape = EntryNames.shape(e.getKey(), e.getValue());
            restores.add(new Restore(e.getValue(), array(file, archive, entry, e.getKey(), shape)));
        }
        return restores;
    }

    /**
     * The values of the array entry {@code entry}: its header is read and its shape checked
     * against {@code shape} before the data is allocated and read.
     */
    private static float[] array(Path file, ModelArchive archive, String entry, String name, int[] shape) {
        long size = archive.size(entry);
        try (InputStream in = archive.stream(entry)) {
            byte[] prefix = in.readNBytes((int) Math.min(size, Npy.MAX_PREFIX));
            Npy.Header header;
            try {
                header = Npy.header(prefix, size);
                if (!Arrays.equals(shape, header.shape())) {
                    throw new ModelFormatException(file, entry, "the array has shape "
                            + Npy.shapeString(header.shape()) + " but " + name + " in the network built from "
                            + "the saved configuration is " + Npy.shapeString(shape) + "; the file does not "
                            + "match its configuration.");
                }
                header.checkDataLength(size - header.dataOffset());
            } catch (IllegalArgumentException ex) {
                throw new ModelFormatException(file, entry, ex.getMessage(), ex);
            }
            float[] values = new float[(int) header.size()];
            Npy.readData(prefix, header.dataOffset(), in, values);
            return values;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the model file " + file + ": " + ex, ex);
        }
    }

    private static void checkPlugins(Path file, List<PluginUse> uses, Plugins plugins) {
        List<String> missing = new ArrayList<>();
        List<String> available = new ArrayList<>();
        for (PluginUse use : uses) {
            PluginKind<?> kind = PluginKind.ALL.stream().filter(k -> k.label().equals(use.kind()))
                    .findFirst().orElseThrow(() -> new ModelFormatException(file, ModelArchive.METADATA,
                            "unknown plugin kind '" + Names.shorten(use.kind()) + "' for '"
                                    + Names.shorten(use.name()) + "'"));
            PluginCatalog<?> catalog = plugins.catalog(kind);
            if (!catalog.contains(use.name())) {
                missing.add("the " + use.kind() + " '" + Names.shorten(use.name()) + "' ("
                        + Names.shorten(use.implementation()) + " from " + Names.shorten(Metadata.sourceName(use.source()))
                        + " when the model was saved)");
                available.add(kind.plural() + ": " + (catalog.names().isEmpty() ? "none"
                        : String.join(", ", catalog.names())));
            }
        }
        if (!missing.isEmpty()) {
            throw new PluginException("Cannot load the model " + file + ": it uses "
                    + String.join(" and ", missing) + ", which no plugin on the class path provides. "
                    + "Put that jar (or another that provides the same name) on the class path. "
                    + "Available " + String.join("; ", available.stream().distinct().toList()) + ".");
        }
    }

    private static void appendHistory(SavedModel model, Map<String, List<Double>> history) {
        int epochs = history.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < epochs; i++) {
            Map<String, Double> logs = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> e : history.entrySet()) {
                if (i < e.getValue().size()) {
                    logs.put(e.getKey(), e.getValue().get(i));
                }
            }
            model.history().append(logs);
        }
    }

    /**
     * The Neurite version: the jar manifest's {@code Implementation-Version}, else the Maven
     * {@code pom.properties} in the jar, else {@code development}.
     */
    static String neuriteVersion() {
        return Version.VALUE;
    }

    /** Computed once, on first use. */
    private static final class Version {
        static final String VALUE = find();

        private static String find() {
            String v = ModelFiles.class.getPackage().getImplementationVersion();
            if (v != null && !v.isBlank()) {
                return v;
            }
            try (InputStream in = ModelFiles.class.getResourceAsStream(
                    "/META-INF/maven/org.neurite/neurite-core/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String version = p.getProperty("version");
                    if (version != null && !version.isBlank()) {
                        return version;
                    }
                }
            } catch (IOException e) {
                // An unreadable resource means the version is unknown, as in a development build.
            }
            return "development";
        }
    }
}

package org.neurite.examples.spark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.neurite.cli.CommandLines;
import org.neurite.cli.TrainingOptions;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.config.TrainingSpec;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.spark.BatchOrder;
import org.neurite.spark.Sample;
import org.neurite.spark.SparkData;
import org.neurite.spark.SparkTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a model from a configuration file on Spark: the data of its {@code data} section,
 * read by the executors, or (for the embedded XOR program) the four XOR samples.
 *
 * <p>Exit codes: 0 success, 2 a usage or configuration error, 1 anything else.
 */
@Command(name = "neurite-spark", mixinStandardHelpOptions = true, sortOptions = false,
        version = "Neurite Spark example",
        description = "Trains a network from a configuration file on Apache Spark.")
public final class SparkExample implements Callable<Integer> {
    static final String EMBEDDED_CONFIG = "xor.yaml";

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Spark master: local[2], spark://host:7077, yarn, … (default: spark-submit's --master).")
    String master;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Model configuration, YAML or JSON; its data section is read on the executors "
                    + "(default: the embedded XOR program).")
    Path config;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the training data "
            + "(default: Spark's default parallelism).")
    Integer partitions;

    @Option(names = "--average-every", paramLabel = "K", description = "Parameter averaging every K local "
            + "steps instead of synchronous SGD.")
    Integer averageEvery;

    @Option(names = "--batch-order", paramLabel = "ORDER", description = "GLOBAL (the local trainer's batches, "
            + "the default) or PER_PARTITION (an equal share of every partition in every batch).")
    BatchOrder batchOrder = BatchOrder.GLOBAL;

    @Mixin
    TrainingOptions training;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model to FILE.")
    Path save;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;

    SparkExample(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        Logging.quietUnlessConfigured();
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new SparkExample(out)).setCaseInsensitiveEnumValuesAllowed(true);
        return CommandLines.execute(cli, args, out, err, e -> null);
    }

    @Override
    public Integer call() {
        SparkConf conf = sparkConf();
        Plugins plugins = Plugins.discover(SparkExample.class.getClassLoader());
        ModelConfig c = configuration(new ConfigReader(plugins));
        Model model = new ModelAssembler(plugins).assemble(c);
        out.println(model.network().summary());
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            int parts = partitions != null ? partitions : sc.defaultParallelism();
            JavaRDD<Sample> train;
            JavaRDD<Sample> test = null;
            if (c.data() != null) {
                train = SparkData.train(sc, c, parts);
                test = c.data().test() != null ? SparkData.test(sc, c, parts) : null;
            } else {
                train = SparkData.parallelize(sc, xor(), parts);
            }
            SparkTrainer.Builder builder = SparkTrainer.builder(sc).batchOrder(batchOrder);
            if (averageEvery != null) {
                builder.averageEvery(averageEvery);
            }
            SparkTrainer trainer = builder.build();
            int total = c.training().epochs();
            trainer.fit(model, train, test, model.fitOptions().out(out).logEvery(Math.max(1, total / 10)).build());
            Map<String, Double> evaluation = trainer.evaluate(model, test != null ? test : train);
            StringBuilder line = new StringBuilder(test != null ? "Test" : "Final");
            evaluation.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s: %.6f", k, v)));
            out.println(line);
        }
        if (c.data() == null) {
            Matrix p = model.predict(xor().x());
            for (int r = 0; r < p.rows(); r++) {
                out.printf(Locale.ROOT, "(%.0f, %.0f) -> P(class 1) = %.6f%n", xor().x().get(r, 0),
                        xor().x().get(r, 1), p.get(r, 1));
            }
        }
        if (save != null) {
            model.save(save);
            out.println("Saved the model to " + save);
        }
        return CommandLine.ExitCode.OK;
    }

    private SparkConf sparkConf() {
        SparkConf conf = new SparkConf().setAppName("neurite-spark-example")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no Spark master: give --spark local[2] "
                    + "(or a cluster's URL), or run with spark-submit --master ...");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // A local run serves nobody else: no UI, and nothing listening beyond the loopback.
            conf.setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    private ModelConfig configuration(ConfigReader reader) {
        training.validate();
        CommandLines.checkOutputFile(save, "--save");
        if (partitions != null && partitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--partitions must be at least 1, got " + partitions);
        }
        ModelConfig c = config != null ? reader.read(config)
                : reader.parse(embeddedConfig(), EMBEDDED_CONFIG + " (embedded)");
        TrainingSpec t = training.apply(c.training());
        if (c.data() == null && c.inputSize() != 2) {
            throw new ConfigException(config != null ? config.toString() : EMBEDDED_CONFIG, "data", "without a data section the example trains on "
                    + "XOR, which has 2 inputs, but the configuration takes " + c.inputSize()
                    + "; add a data section or use input_shape: [2]");
        }
        return c.withTraining(t);
    }

    /** The four XOR samples with one-hot targets. */
    static Dataset xor() {
        return new Dataset(Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}));
    }

    static String embeddedConfig() {
        return CommandLines.embedded(SparkExample.class, EMBEDDED_CONFIG);
    }
}

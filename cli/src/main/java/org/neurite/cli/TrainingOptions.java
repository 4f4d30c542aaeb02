package org.neurite.cli;

import org.neurite.core.config.TrainingSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The training overrides every Neurite program takes ({@code --epochs}, {@code --seed},
 * {@code --verbose}), as a picocli mixin:
 *
 * <pre>{@code
 * @Mixin TrainingOptions training;
 * ...
 * config = config.withTraining(training.apply(config.training()));
 * }</pre>
 */
public final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train (overrides the configuration).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for initial weights and shuffling.")
    Long seed;

    @Option(names = "--verbose", paramLabel = "0|1|2",
            description = "0 silent, 1 progress bar, 2 one line per logged epoch (overrides the configuration).")
    Integer verbose;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The epochs given, or {@code null}. */
    public Integer epochs() {
        return epochs;
    }

    /** The seed given, or {@code null}. */
    public Long seed() {
        return seed;
    }

    /** The verbosity given, or {@code null}. */
    public Integer verbose() {
        return verbose;
    }

    /** {@code true} if any override was given. */
    public boolean any() {
        return epochs != null || seed != null || verbose != null;
    }

    /**
     * {@code training} with the overrides applied.
     *
     * @throws CommandLine.ParameterException if an override is out of range
     */
    public TrainingSpec apply(TrainingSpec training) {
        validate();
        return training.overriddenBy(epochs, seed, verbose);
    }

    /**
     * Checks the ranges: at least one epoch, verbosity 0, 1 or 2.
     *
     * @throws CommandLine.ParameterException if an override is out of range
     */
    public void validate() {
        if (epochs != null && epochs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        if (verbose != null && (verbose < 0 || verbose > 2)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--verbose must be 0, 1 or 2, got " + verbose);
        }
    }
}

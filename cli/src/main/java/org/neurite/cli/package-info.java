/**
 * The {@code neurite} command ({@link org.neurite.cli.Neurite}) and the command-line plumbing the
 * examples share: exit codes ({@link org.neurite.cli.CommandLines}), training overrides
 * ({@link org.neurite.cli.TrainingOptions}), output-path checks and plugin jars from folders
 * ({@link org.neurite.cli.PluginPath}).
 */
package org.neurite.cli;

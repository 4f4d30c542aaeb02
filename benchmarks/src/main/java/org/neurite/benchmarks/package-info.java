/**
 * JMH benchmarks of the kernels and of training, and {@link org.neurite.benchmarks.TrainingThroughput},
 * the samples-per-second harness; none of it is a test.
 */
package org.neurite.benchmarks;

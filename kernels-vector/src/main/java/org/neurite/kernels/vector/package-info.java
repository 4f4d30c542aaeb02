/**
 * Matrix kernels on the JDK's Vector API: {@link org.neurite.kernels.vector.VectorKernels},
 * found by {@code Kernels.best()} and chosen when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
package org.neurite.kernels.vector;

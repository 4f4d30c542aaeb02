/**
 * Contract tests for plugin authors: subclass {@link org.neurite.testkit.ActivationContract},
 * {@link org.neurite.testkit.LossContract}, {@link org.neurite.testkit.OptimizerContract} or
 * {@link org.neurite.testkit.InitializerContract} in a JUnit 5 test and the plugin is checked
 * for gradients, shapes, names, hyperparameters, determinism and thread safety;
 * {@link org.neurite.testkit.KernelsContract} checks matrix kernels against a double-precision
 * reference; {@link org.neurite.testkit.GradientCheck} holds the finite-difference machinery.
 */
package org.neurite.testkit;

/**
 * Core's side of the optimizer contract: the run that owns the step count, each step's
 * learning rate, the per-parameter slots, gradient clipping and decoupled weight decay, and
 * calls a plugin's update rule.
 */
package org.neurite.core.optimizer;

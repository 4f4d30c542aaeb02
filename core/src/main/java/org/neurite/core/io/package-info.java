/**
 * Model files: {@link org.neurite.core.io.ModelFiles} saves and loads a whole model as one
 * numpy-readable {@code .npz} archive with its configuration, parameters, optimizer state and
 * checksummed metadata; {@link org.neurite.core.io.Npy} reads and writes single {@code .npy}
 * arrays; the {@code npy} and {@code npz} data formats read numpy's files of training data with
 * the same parser.
 */
package org.neurite.core.io;

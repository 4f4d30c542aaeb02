/** The XOR example: the reference program as a command-line application. */
package org.neurite.examples.xor;

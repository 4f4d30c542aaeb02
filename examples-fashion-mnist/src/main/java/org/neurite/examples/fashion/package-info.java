/** The Fashion-MNIST example: a real image classifier, trained from one configuration file. */
package org.neurite.examples.fashion;

/** Networks: ordered layers, their parameters, prediction and summaries, and trained models. */
package org.neurite.core.network;

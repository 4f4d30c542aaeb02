/** Machinery behind the public packages; not an API, may change without notice. */
package org.neurite.core.internal;

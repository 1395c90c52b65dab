/** Benchmarks of the host. */
package org.kontor.bench;

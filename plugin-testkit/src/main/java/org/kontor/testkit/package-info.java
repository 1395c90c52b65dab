/** Test support for plugin authors. */
package org.kontor.testkit;

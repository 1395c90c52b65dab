/** Questions about domain names asked of the registries, such as which names of a label are free. */
package org.kontor.host.domains;

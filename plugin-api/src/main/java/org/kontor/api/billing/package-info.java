/**
 * The invoice delivery extension point: sending issued billing documents by letter post through a print-and-mail
 * service (or a sandbox that writes the letters into a folder).
 *
 * @since 1.4.0
 */
package org.kontor.api.billing;

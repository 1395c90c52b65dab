/**
 * Sunrise orders (ORD-8): the signed mark data (SMD) file a trademark holder uploads, checked as RFC 7848 and
 * the trademark clearinghouse's functional specification ask before a registry sees it — the signed mark schema,
 * the XML signature, the signing certificate's chain to the configured clearinghouse CA, validity, revocation and
 * that the mark covers the label applied for.
 */
package org.kontor.host.launch;

/**
 * Risk checks run when an order is placed, a top-up is started or a payment arrives (ORD-11, PAY-6): each
 * {@link org.kontor.api.risk.RiskCheck} gives points with reasons; above the operator's threshold the order waits in
 * the clearing center with those reasons.
 *
 * @since 1.7.0
 */
package org.kontor.api.risk;

/**
 * Risk assessments (ORD-11, PAY-6): every running {@link org.kontor.api.risk.RiskCheck} is asked about an order being
 * placed, a top-up being started or a payment that arrived; their points are added up and compared with the operator's
 * threshold ({@code risk.threshold}). Each assessment is kept with its reasons for the clearing center.
 */
package org.kontor.host.risk;

/**
 * Basic risk checks for orders and top-ups (ORD-11, PAY-6): velocity per IP address, e-mail, account and card
 * fingerprint ({@link org.kontor.plugins.riskbasic.VelocityCheck}), the GeoIP country against the billing country
 * ({@link org.kontor.plugins.riskbasic.GeoIpCheck}), disposable e-mail domains
 * ({@link org.kontor.plugins.riskbasic.DisposableEmailCheck}) and limits on a customer's first order
 * ({@link org.kontor.plugins.riskbasic.FirstOrderCheck}). Every check's points are settings; the defaults give
 * points only for clear signals.
 */
package org.kontor.plugins.riskbasic;

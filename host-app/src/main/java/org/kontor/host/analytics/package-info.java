/**
 * Web analytics (TEC-6): the visitor's consent ({@link org.kontor.host.analytics.Consent}, the banner's
 * {@link org.kontor.host.analytics.ConsentRoutes}), the page-head slot filled by the running
 * {@link org.kontor.api.analytics.AnalyticsProvider}s ({@link org.kontor.host.analytics.AnalyticsHead}) and their sources for
 * the content security policy ({@link org.kontor.host.analytics.AnalyticsProviders}).
 */
package org.kontor.host.analytics;

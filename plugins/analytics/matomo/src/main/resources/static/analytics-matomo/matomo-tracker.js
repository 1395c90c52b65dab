/* Matomo tracker for Kontor (TEC-6): configured from this script element's data- attributes, so that the page
   needs no inline script. Loaded by the host only with the visitor's consent, or in cookieless mode. */
(function () {
  'use strict';
  var me = document.currentScript || document.getElementById('matomo-tracker');
  if (!me) { return; }
  var base = me.getAttribute('data-matomo-url');
  var site = me.getAttribute('data-site-id');
  if (!base || !site) { return; }
  var _paq = window._paq = window._paq || [];
  if (me.getAttribute('data-cookieless') === 'true') {
    _paq.push(['disableCookies']);
  }
  _paq.push(['trackPageView']);
  _paq.push(['enableLinkTracking']);
  _paq.push(['setTrackerUrl', base + 'matomo.php']);
  _paq.push(['setSiteId', site]);
  var script = document.createElement('script');
  script.async = true;
  script.src = base + 'matomo.js';
  document.head.appendChild(script);
}());

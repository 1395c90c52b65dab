/* Google Analytics 4 for Kontor (TEC-6), configured from this script element's data- attributes (no inline script).
   Consent Mode: every kind of storage is denied by default; analytics storage is granted only when the host says
   the visitor accepted (the host adds this script only then). Advertising storage stays denied. */
(function () {
  'use strict';
  var me = document.currentScript || document.getElementById('ga4-consent');
  if (!me) { return; }
  var id = me.getAttribute('data-measurement-id');
  if (!id) { return; }
  window.dataLayer = window.dataLayer || [];
  function gtag() { window.dataLayer.push(arguments); }
  window.gtag = window.gtag || gtag;
  gtag('consent', 'default', {
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    analytics_storage: 'denied'
  });
  if (me.getAttribute('data-consent') === 'granted') {
    gtag('consent', 'update', { analytics_storage: 'granted' });
  }
  gtag('js', new Date());
  gtag('config', id);
  var script = document.createElement('script');
  script.async = true;
  script.src = 'https://www.googletagmanager.com/gtag/js?id=' + encodeURIComponent(id);
  document.head.appendChild(script);
}());

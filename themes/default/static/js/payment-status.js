// Reloads a payment page when the payment's status changes, asking less and less often while nothing happens.
(function () {
  var section = document.getElementById("payment");
  if (!section) { return; }
  var url = section.dataset.api;
  var wait = 2000;
  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (payment) {
        if (payment && payment.status !== section.dataset.status) { window.location.reload(); return; }
        wait = Math.min(wait * 1.5, 30000);
        window.setTimeout(poll, wait);
      })
      .catch(function () { window.setTimeout(poll, 30000); });
  }
  window.setTimeout(poll, wait);
})();

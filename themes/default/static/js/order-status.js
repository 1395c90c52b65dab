// Reloads an order page when the order or one of its lines changes state. The section carries the order id and the
// page's signature; the page includes this script only while something is still moving.
(function () {
  var section = document.getElementById("order");
  if (!section) { return; }
  var url = section.dataset.api;
  function poll() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (order) {
        if (!order) { return; }
        var signature = order.state + ":" + order.lines.map(function (line) { return line.state; }).join(",");
        if (signature !== section.dataset.signature) { window.location.reload(); }
        else { window.setTimeout(poll, 1500); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1500);
})();

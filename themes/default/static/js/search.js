// Progressive enhancement of the domain search. Without this file the server-rendered pages work as they are.
// 1. The search box asks for the live page (live=1), which comes at once without waiting for the registries.
// 2. The live page reads /api/v1/search/stream and adds each registry's answers as they arrive, so a slow
//    registry does not hold back the others. Rows use the page's own <template>s (same markup and form contract).
(function () {
  "use strict";

  document.querySelectorAll("form[data-live-search]").forEach(function (form) {
    form.addEventListener("submit", function () {
      if (!form.querySelector("input[name=live]")) {
        var live = document.createElement("input");
        live.type = "hidden";
        live.name = "live";
        live.value = "1";
        form.appendChild(live);
      }
    });
  });

  var section = document.querySelector(".search-results[data-stream]");
  if (!section || !section.getAttribute("data-stream") || !window.fetch || !window.TextDecoder) {
    return;
  }
  var texts = document.getElementById("search-texts").dataset;
  var transferTlds = (texts.transferTlds || "").split(",").filter(Boolean);
  var list = document.getElementById("live-results");
  var suggestions = document.getElementById("suggestion-list");
  var status = document.getElementById("live-status");
  var offers = document.getElementById("offer-list");
  var vatIncluded = section.dataset.vatIncluded === "true";
  var vatRate = Number(section.dataset.vatRate || "0");
  var lang = section.dataset.lang || "en";

  function shownPrice(price) {
    // Net price in minor units, VAT added and rounded half up as the server does.
    var digits = (price.amount.split(".")[1] || "").length;
    var scale = Math.pow(10, digits);
    var minor = Math.round(Number(price.amount) * scale);
    if (vatIncluded) {
      minor = Math.round(minor * (100 + vatRate) / 100);
    }
    var formatted = new Intl.NumberFormat(lang, {minimumFractionDigits: digits, maximumFractionDigits: digits})
      .format(minor / scale);
    return formatted + "\u00a0" + price.currency;
  }

  function row(answer, available) {
    var item = document.getElementById("result-template").content.firstElementChild.cloneNode(true);
    var state = available ? "available" : answer.status;
    item.classList.add("result-" + state);
    item.dataset.domain = answer.ascii;
    item.querySelector(".domain").textContent = answer.name;
    if (answer.name !== answer.ascii) {
      var ace = item.querySelector(".ace");
      ace.textContent = answer.ascii;
      ace.hidden = false;
    }
    item.querySelector(".result-status").textContent = texts[state] || state;
    item.querySelector(".amount").textContent = shownPrice(answer.price);
    var action = item.querySelector(".result-action");
    if (state === "available") {
      var form = document.getElementById("cart-template").content.firstElementChild.cloneNode(true);
      form.querySelector("input[name=domain]").value = answer.ascii;
      var button = form.querySelector("button");
      button.dataset.addDomain = answer.ascii;
      button.querySelector(".visually-hidden").textContent = " " + answer.name;
      action.appendChild(form);
    } else if (state === "taken" && transferTlds.indexOf(answer.tld) >= 0) {
      var link = document.getElementById("transfer-template").content.firstElementChild.cloneNode(true);
      link.href = "/cart?transfer=" + encodeURIComponent(answer.ascii);
      action.appendChild(link);
    }
    return item;
  }

  function offer(answer) {
    // An offer is shown in the seller's currency, as the provider quotes it.
    var item = document.getElementById("offer-template").content.firstElementChild.cloneNode(true);
    item.dataset.offer = answer.ascii;
    item.querySelector(".domain").textContent = answer.name;
    var digits = (answer.price.amount.split(".")[1] || "").length;
    item.querySelector(".result-price").textContent = new Intl.NumberFormat(lang,
      {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(Number(answer.price.amount))
      + "\u00a0" + answer.price.currency;
    var link = item.querySelector(".offer-link");
    link.href = answer.link;
    link.textContent = link.dataset.text.replace("{0}", answer.providerName);
    return item;
  }

  function handle(line) {
    if (!line.trim()) {
      return;
    }
    var message = JSON.parse(line);
    if (message.result) {
      list.appendChild(row(message.result, message.result.status === "available"));
    } else if (message.suggestion) {
      suggestions.appendChild(row(message.suggestion, true));
      suggestions.closest("section").hidden = false;
    } else if (message.offer) {
      offers.appendChild(offer(message.offer));
      offers.closest("section").hidden = false;
    } else if (message.done) {
      status.textContent = texts.done;
    }
  }

  fetch(section.dataset.stream, {headers: {"Accept": "application/x-ndjson"}}).then(function (response) {
    if (!response.ok || !response.body) {
      throw new Error("search failed: " + response.status);
    }
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffered = "";
    function read() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          handle(buffered);
          return;
        }
        buffered += decoder.decode(chunk.value, {stream: true});
        var lines = buffered.split("\n");
        buffered = lines.pop();
        lines.forEach(handle);
        return read();
      });
    }
    return read();
  }).catch(function () {
    status.textContent = texts.failed;
  });
})();

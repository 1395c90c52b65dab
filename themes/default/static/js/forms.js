// Form behaviour without inline handlers (the content security policy allows no inline script):
// data-confirm="question" asks before the form is sent; data-disable-on-submit disables its buttons once it is sent.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement)) { return; }
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) { event.preventDefault(); return; }
  if (form.hasAttribute("data-disable-on-submit")) {
    form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
  }
});

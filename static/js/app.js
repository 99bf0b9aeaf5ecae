// Small enhancements only: every form also works without JavaScript.
(function () {
  "use strict";
  // The language selector submits itself when changed; its button stays for keyboards and no-JS.
  var select = document.getElementById("lang-select");
  if (select && select.form) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
  // A country select that narrows an institute select lists the new country's institutes at once (the server
  // saves nothing when the country changed).
  Array.prototype.forEach.call(document.querySelectorAll("select[name=institute_country]"), function (country) {
    if (country.form) {
      country.addEventListener("change", function () { country.form.submit(); });
    }
  });
  // A file over its field's limit (data-max-bytes) is refused before it is sent: the server could not read the
  // rest of the form either, so the page and what was typed stay as they are, with the reason beside the field.
  function tooLarge(input) {
    var limit = parseInt(input.getAttribute("data-max-bytes"), 10);
    var file = input.files && input.files[0];
    return Boolean(file && limit && file.size > limit);
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-max-bytes]"), function (input) {
    input.addEventListener("change", function () {
      input.setCustomValidity(tooLarge(input) ? input.getAttribute("data-too-large") : "");
      if (tooLarge(input)) { input.reportValidity(); }
    });
  });
  document.addEventListener("submit", function (event) {
    var inputs = event.target.querySelectorAll("input[type=file][data-max-bytes]");
    for (var i = 0; i < inputs.length; i++) {
      if (tooLarge(inputs[i])) {
        event.preventDefault();
        inputs[i].setCustomValidity(inputs[i].getAttribute("data-too-large"));
        inputs[i].reportValidity();
        inputs[i].focus();
        return;
      }
    }
  });
  // Buttons with data-confirm ask before a destructive action.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();

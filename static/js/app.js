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
  // Buttons with data-confirm ask before a destructive action.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
})();

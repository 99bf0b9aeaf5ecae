// Self-assessment on a slow link: an item's answer is sent in the background when the person saves it (or picks a
// choice), and the page stays where it is. Anything else than a clean save (a message on the item, a conflict with
// someone else's answer) falls back to sending the form as usual, which shows the page the server answers.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) { return; }
  var forms = document.querySelectorAll("form[data-autosave]");
  Array.prototype.forEach.call(forms, function (form) {
    var status = document.createElement("span");
    status.className = "checklists-saved";
    status.setAttribute("role", "status");
    var button = form.querySelector("button[type=submit]");
    if (button) { button.insertAdjacentElement("afterend", status); }
    var sending = false;
    function send(event) {
      if (event) { event.preventDefault(); }
      if (sending) { return; }
      sending = true;
      status.textContent = form.getAttribute("data-saving") || "…";
      window.fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        sending = false;
        if (!response.ok) { form.submit(); return null; }
        return response.json();
      }).then(function (data) {
        if (!data) { return; }
        var version = form.querySelector("input[name$='-version']");
        if (version && data.version !== null && data.version !== undefined) { version.value = data.version; }
        status.textContent = form.getAttribute("data-saved") || "✓";
      }).catch(function () {
        sending = false;
        status.textContent = form.getAttribute("data-offline") || "!";
      });
    }
    form.addEventListener("submit", send);
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (radio) {
      radio.addEventListener("change", function () {
        // "Partly" and "not applicable" wait for their comment: the save button sends them.
        if (radio.value !== "partly" && radio.value !== "na") { send(null); }
      });
    });
  });
})();

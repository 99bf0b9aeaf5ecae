// A text lesson completes by itself once read to the end: when the end of the lesson has been on screen for a
// moment, the "Mark as done" form is sent in the background. The button stays the way to do it without JavaScript.
(function () {
  "use strict";
  var form = document.querySelector("form[data-complete-on-read]");
  var end = document.getElementById("lesson-end");
  if (!form || !end || !("IntersectionObserver" in window) || !window.fetch) { return; }
  var timer = null;
  var sent = false;
  function send() {
    if (sent) { return; }
    sent = true;
    var data = new FormData(form);
    data.set("source", "read");
    window.fetch(form.action, { method: "POST", body: data, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.ok) {
          var button = form.querySelector("button");
          if (button) { button.disabled = true; button.textContent = form.getAttribute("data-done-label") || button.textContent; }
        } else { sent = false; }
      })
      .catch(function () { sent = false; });
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { timer = window.setTimeout(send, 1500); }
      else if (timer) { window.clearTimeout(timer); timer = null; }
    });
  });
  observer.observe(end);
})();

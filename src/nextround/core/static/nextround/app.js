// Small progressive enhancements; every page works without them.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copyTarget);
  if (!source) return;
  const text = source.value !== undefined ? source.value : source.textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    source.select && source.select();
    document.execCommand && document.execCommand("copy");
  }
  const status = button.parentElement.querySelector("[data-copy-status]");
  if (status) status.textContent = "Copied to the clipboard.";
});

// Confirm buttons outside full confirmation pages (htmx requests carry hx-confirm themselves).
document.addEventListener("submit", (event) => {
  const message = event.target.dataset && event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// Show how far a big upload has got: htmx reports the XHR's upload progress on the form.
document.addEventListener("htmx:xhr:progress", function (event) {
  var bar = event.target.querySelector && event.target.querySelector("progress");
  if (bar && event.detail.lengthComputable) {
    bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
  }
});

// A "busy, try again" answer (503) to an htmx request: show its message at the top of the page.
document.addEventListener("htmx:responseError", function (event) {
  var xhr = event.detail.xhr;
  if (!xhr || xhr.status !== 503) return;
  var main = document.getElementById("main");
  if (!main) return;
  var old = main.querySelector(":scope > [data-busy]");
  if (old) old.remove();
  main.insertAdjacentHTML("afterbegin", xhr.responseText);
});

// On a phone the main navigation folds into a Menu button (CSS shows the button only on small screens).
(function () {
  var header = document.querySelector(".site-header");
  var toggle = header && header.querySelector(".nav-toggle");
  if (!toggle) return;
  header.classList.add("js-nav");
  toggle.hidden = false;
  function setOpen(open) {
    header.classList.toggle("nav-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.addEventListener("click", function () { setOpen(toggle.getAttribute("aria-expanded") !== "true"); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
})();

// After an htmx answer, move keyboard focus to what it points to (the plan a rejection made, the step just
// marked done), never leaving it on the page body when the focused control was replaced.
document.addEventListener("htmx:afterSettle", function () {
  var target = document.querySelector("[data-focus-after-swap]");
  if (!target) return;
  target.removeAttribute("data-focus-after-swap");
  if (!target.matches("a, button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus();
});

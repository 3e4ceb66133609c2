// The message checker's small enhancements; the page works without them (each button submits the form).
// Loaded by the "Check a message" page and by every live check under a draft, so it guards against
// running twice.
(() => {
  if (window.nextroundChecker) return;
  window.nextroundChecker = true;

  // The checker counts characters as Unicode code points; a textarea counts UTF-16 units, in which an
  // emoji is two. Convert so a replacement after an emoji lands on the right words.
  const utf16Index = (text, codePoints) => {
    let index = 0;
    for (let seen = 0; seen < codePoints && index < text.length; seen += 1) {
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
    }
    return index;
  };

  // Where the excerpt is now: at its offsets if the text is unchanged there, else its nearest occurrence
  // (the writer may have typed elsewhere since the check ran), else nowhere.
  const locate = (text, start, excerpt) => {
    if (text.slice(start, start + excerpt.length) === excerpt) return start;
    let best = -1;
    for (let at = text.indexOf(excerpt); at !== -1; at = text.indexOf(excerpt, at + 1)) {
      if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
    }
    return best;
  };

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-checker-apply]");
    if (!button) return;
    const field = document.getElementById(button.dataset.target);
    if (!field) return; // leave the no-script path (a form submit) to do the work
    event.preventDefault();
    const status = button.parentElement.querySelector("[data-checker-status]");
    const excerpt = button.dataset.excerpt;
    const at = locate(field.value, utf16Index(field.value, Number(button.dataset.start)), excerpt);
    if (at === -1) {
      if (status) status.textContent = "Your message has changed; the check is running again.";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    const replacement = button.dataset.replacement;
    field.value = field.value.slice(0, at) + replacement + field.value.slice(at + excerpt.length);
    field.focus();
    field.setSelectionRange(at, at + replacement.length);
    // The same event typing sends, so the live check runs again on the new text.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });

  // A live check under a draft sends the draft's textarea under its own name; tell the server which it is.
  document.addEventListener("htmx:configRequest", (event) => {
    const box = event.detail.elt;
    if (!box.matches || !box.matches("[data-live-check]")) return;
    const field = document.getElementById(box.dataset.fieldId);
    if (field && field.name && !event.detail.parameters.field) event.detail.parameters.field = field.name;
  });
})();

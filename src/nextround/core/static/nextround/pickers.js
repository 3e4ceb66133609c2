/* Pickers you search by typing (Tom Select), for every <select data-picker="...">:
   - "search": a long list (time zones) filtered as you type;
   - "people": your contacts; the list on the page is bounded, so typing also asks the server
     (data-search-url) for anyone else; several can be picked where the select allows it;
   - "company": your companies, or a new one typed in (data-create-field names the text input that
     carries a new company's name, which the server reads; without script that input is shown instead).
   Without script, each stays the plain <select> it was, and the forms work the same. */
(function () {
  "use strict";
  if (!window.TomSelect) return;

  function remote(url) {
    return function (query, callback) {
      var picker = this;
      if (query.trim().length < 2) return answer(picker, callback, []);
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { answer(picker, callback, data.results); })
        .catch(function () { answer(picker, callback, []); });
    };
  }

  // An answer that comes back after the person was picked (the text cleared) still adds its people to the
  // choices, but must not open the list again over the form. Tom Select opens the list on an answer only while
  // it has the focus, and opening also re-focuses it (which opens it once more), so the answer is handed over
  // as if the box were not focused.
  function answer(picker, callback, results) {
    if (picker.inputValue() !== "") return callback(results);
    var focused = picker.isFocused;
    picker.isFocused = false;
    callback(results);
    picker.isFocused = focused;
  }

  function render(data, escape) {
    return "<div>" + escape(data.text) + (data.hint ? ' <span class="ts-hint">' + escape(data.hint) + "</span>" : "") + "</div>";
  }

  function enhance(select) {
    if (select.tomselect || select.disabled) return;
    var kind = select.dataset.picker;
    var settings = {
      maxOptions: 400,
      // An empty choice ("Pick a company", "Nobody") reads as a placeholder, not as something picked.
      allowEmptyOption: false,
      hidePlaceholder: true,
      closeAfterSelect: true,
      plugins: select.multiple ? ["remove_button"] : [],
      render: { option: render, no_results: function () { return '<div class="no-results">Nobody found. Keep typing, or check the spelling.</div>'; } },
      onItemAdd: function () { if (select.multiple) this.setTextboxValue(""); }
    };
    if (kind === "search") {
      settings.render.no_results = function () { return '<div class="no-results">No time zone matches. Try a city or a country.</div>'; };
    }
    if (kind === "people" && select.dataset.searchUrl) {
      settings.load = remote(select.dataset.searchUrl);
      settings.searchField = ["text", "hint"];
      settings.placeholder = select.multiple ? "Type a name" : "Type a name to find someone";
    }
    var field = null;
    if (kind === "company") {
      field = select.form && select.form.elements[select.dataset.createField];
      if (field) {
        field.parentElement.hidden = true; // typing a new name into the picker replaces the text box
        settings.create = function (input) {
          var name = input.trim();
          field.value = name;
          return { value: "new:" + name, text: name + " (new)" };
        };
        settings.createFilter = function (input) { return input.trim().length > 0; };
        settings.render.option_create = function (data, escape) {
          return '<div class="create" role="option">Add a new company: <strong>' + escape(data.input) + "</strong></div>";
        };
        settings.render.no_results = null;
        settings.onChange = function (value) { if (String(value).indexOf("new:") !== 0) field.value = ""; };
        settings.placeholder = "Type to find or add a company";
      }
    }
    var picker = new window.TomSelect(select, settings);
    if (field && field.value.trim()) { // a new company typed before the form came back with an error
      var name = field.value.trim();
      picker.addOption({ value: "new:" + name, text: name + " (new)" });
      picker.addItem("new:" + name, true);
    }
    // The original select stays in the form but out of reach (Tom Select moved its label to the new box), so
    // assistive technology must not find a second, unlabelled control.
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    var hint = select.parentElement.querySelector("[data-picker-hint]");
    if (hint) hint.textContent = hint.dataset.pickerHint;
  }

  function enhanceAll(root) {
    if (root.matches && root.matches("select[data-picker]")) enhance(root);
    if (root.querySelectorAll) root.querySelectorAll("select[data-picker]").forEach(enhance);
  }
  enhanceAll(document);
  document.addEventListener("htmx:load", function (event) { enhanceAll(event.detail.elt); });
})();

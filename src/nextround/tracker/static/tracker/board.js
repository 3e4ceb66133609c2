/* The board: drag a card to another column to move the application there (SortableJS). Progressive: each
   card keeps its "Move to" control, which works with the keyboard, and without this script or htmx. A drop
   submits that same control, so both ways go through one form and one server answer. */
(function () {
  "use strict";
  var board = document.querySelector("[data-board]");
  if (!board) return;
  var status = document.getElementById("board-status");
  var before = {}; // card id -> the stage it had when its move was sent

  function listFor(stage) { return board.querySelector('.board-cards[data-stage="' + stage + '"]'); }

  function count(stage, delta) {
    var badge = board.querySelector('[data-count="' + stage + '"]');
    if (badge) badge.textContent = String(Math.max(0, parseInt(badge.textContent, 10) + delta));
  }

  function refreshEmptyNotes() {
    board.querySelectorAll(".board-cards").forEach(function (list) {
      var note = list.parentElement.querySelector(".empty-note");
      if (note) note.hidden = list.querySelector(".board-card") !== null;
    });
  }

  function say(text) { if (status) status.textContent = text; }

  // A card came back from the server: put it in the column of the stage it now has.
  function place(card) {
    var list = listFor(card.dataset.stage);
    if (list && card.parentElement !== list) list.insertBefore(card, list.firstElementChild);
    var was = before[card.id];
    delete before[card.id];
    if (was && was !== card.dataset.stage) { count(was, -1); count(card.dataset.stage, +1); }
    refreshEmptyNotes();
    say("");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var card = event.target.closest && event.target.closest(".board-card");
    if (card && board.contains(card)) before[card.id] = card.dataset.stage;
  });

  document.addEventListener("htmx:load", function (event) {
    var card = event.detail.elt;
    if (!card.matches || !card.matches(".board-card")) return;
    var focused = before[card.id] !== undefined;
    place(card);
    // The control the keyboard was on has been replaced: keep focus on the card's picker, unless the
    // answer points somewhere itself (the plan a rejection made; app.js focuses that).
    var select = card.querySelector("select");
    if (focused && select && !card.querySelector("[data-focus-after-swap]")) select.focus();
  });

  // No answer (offline, server error): put the card back where its stage says it is.
  function undo(event) {
    var card = event.target.closest && event.target.closest(".board-card");
    if (!card || !board.contains(card)) return;
    delete before[card.id];
    var list = listFor(card.dataset.stage);
    if (list && card.parentElement !== list) list.insertBefore(card, list.firstElementChild);
    refreshEmptyNotes();
    var title = card.querySelector("h3");
    say("Could not move " + (title ? title.textContent.trim() : "the application") + ". Check your connection and try again.");
  }
  document.addEventListener("htmx:sendError", undo);
  document.addEventListener("htmx:responseError", undo);

  if (!window.Sortable) return;
  board.classList.add("board--draggable");
  board.querySelectorAll(".board-cards").forEach(function (list) {
    window.Sortable.create(list, {
      group: "board",
      sort: false,
      animation: 150,
      draggable: ".board-card",
      filter: "select, button, a, input, label",
      preventOnFilter: false,
      delay: 150,
      delayOnTouchOnly: true,
      ghostClass: "board-card--ghost",
      chosenClass: "board-card--chosen",
      onStart: function () { board.classList.add("board--dragging"); },
      onEnd: function (event) {
        board.classList.remove("board--dragging");
        if (event.from === event.to) return;
        var card = event.item;
        var select = card.querySelector("select[name=stage]");
        var form = select && select.form;
        if (!form) return;
        select.value = event.to.dataset.stage;
        refreshEmptyNotes();
        say("Moving " + card.querySelector("h3").textContent.trim() + " to " + event.to.dataset.label + "…");
        form.requestSubmit();
      }
    });
  });
})();

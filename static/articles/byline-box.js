// The bylines box of the article form. Rows are put in print order by dragging their
// handle or with their up/down buttons, and their hidden positions are numbered from the
// row order when the form is sent. Quick picks fill a byline row in. Django's inline
// script still adds and removes rows; this script only orders and fills them.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const group = document.getElementById("bylines-group");
  if (!group) return;
  const body = group.querySelector("tbody");
  const rows = () => [...body.querySelectorAll("tr.form-row:not(.empty-form)")];
  const authorSelect = (row) => row.querySelector("select[name$='-author']");

  const renumber = () => {
    rows().forEach((row, index) => {
      row.querySelector("input.byline-position").value = index;
    });
  };

  const controls = `<span class="byline-order">
    <span class="byline-drag" title="Drag to reorder" aria-hidden="true">⠿</span>
    <button type="button" class="byline-move" data-move="up" aria-label="Move byline up" title="Move up">↑</button>
    <button type="button" class="byline-move" data-move="down" aria-label="Move byline down" title="Move down">↓</button>
  </span>`;
  // The empty row is the template of added rows: they are copies of it, controls and all.
  for (const cell of body.querySelectorAll("tr.form-row > td.original")) {
    cell.insertAdjacentHTML("afterbegin", controls);
  }

  // A row's errors are a row of their own just before it, and move with it.
  const withErrors = (row) => {
    const before = row.previousElementSibling;
    return before && before.classList.contains("row-form-errors") ? [before, row] : [row];
  };
  const move = (row, step) => {
    const all = rows();
    const target = all[all.indexOf(row) + step];
    if (!target) return;
    if (step < 0) withErrors(target)[0].before(...withErrors(row));
    else target.after(...withErrors(row));
    renumber();
  };
  body.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    move(button.closest("tr"), button.dataset.move === "up" ? -1 : 1);
    button.focus();
  });

  let dragged = null;
  body.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest(".byline-drag");
    if (handle) handle.closest("tr").draggable = true;
  });
  body.addEventListener("dragstart", (event) => {
    dragged = event.target.closest("tr");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", "");
  });
  body.addEventListener("dragover", (event) => {
    const over = event.target.closest("tr.form-row:not(.empty-form)");
    if (!dragged || !over) return;
    event.preventDefault();
    if (over === dragged) return;
    const box = over.getBoundingClientRect();
    if (event.clientY > box.top + box.height / 2) over.after(dragged);
    else over.before(dragged);
  });
  body.addEventListener("drop", (event) => event.preventDefault());
  body.addEventListener("dragend", () => {
    if (dragged) dragged.draggable = false;
    dragged = null;
    renumber();
  });

  // Removing an added row makes Django number the rows again in page order; a saved
  // byline must keep a number below the count of saved ones, so saved rows go first.
  document.addEventListener("formset:removed", (event) => {
    if (event.detail.formsetName !== "bylines") return;
    setTimeout(() => {
      const ordered = [
        ...rows().filter((row) => row.classList.contains("has_original")),
        ...rows().filter((row) => !row.classList.contains("has_original")),
      ];
      ordered.forEach((row, index) => {
        for (const element of [row, ...row.querySelectorAll("[id], [name], [for]")]) {
          for (const attribute of ["id", "name", "for"]) {
            const value = element.getAttribute(attribute);
            if (value) element.setAttribute(attribute, value.replace(/bylines-\d+/, `bylines-${index}`));
          }
        }
      });
    });
  });

  for (const pick of document.querySelectorAll("button[data-byline-pick]")) {
    pick.addEventListener("click", () => {
      const { authorId, authorName } = pick.dataset;
      if (rows().some((row) => authorSelect(row).value === authorId)) return;
      let row = rows().find((candidate) => !authorSelect(candidate).value);
      if (!row) {
        group.querySelector(".add-row a").click();
        row = rows().at(-1);
      }
      const select = authorSelect(row);
      select.append(new Option(authorName, authorId, true, true));
      django.jQuery(select).trigger("change");
      renumber();
    });
  }

  group.closest("form").addEventListener("submit", renumber);
});

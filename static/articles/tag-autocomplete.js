// Suggests existing tags for the last, unfinished entry of a comma-separated tag box.
// The suggestions are full values ("brexit, eu council") so the browser's own
// <datalist> can offer them without replacing the tags already typed.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-tag-source]")) {
    const datalist = document.getElementById(input.getAttribute("list"));
    let pending;
    input.addEventListener("input", () => {
      clearTimeout(pending);
      pending = setTimeout(async () => {
        const parts = input.value.split(",");
        const term = parts.pop().trim();
        const done = parts.map((part) => part.trim()).filter(Boolean);
        datalist.replaceChildren();
        if (term.length < 2) return;
        const url = new URL(input.dataset.tagSource, window.location.href);
        url.searchParams.set("q", term);
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) return;
        const { tags } = await response.json();
        for (const tag of tags) {
          if (done.includes(tag)) continue;
          const option = document.createElement("option");
          option.value = [...done, tag].join(", ");
          datalist.append(option);
        }
      }, 150);
    });
  }
});

// The headline box: one line of text shown over two rows, with a live character count.
// The count is of code points, as Django's max_length counts them: [...value] splits an
// emoji into one character, where value.length would count two.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("textarea[data-headline-box]")) {
    const counter = document.getElementById(box.getAttribute("aria-describedby"));
    const maxLength = Number(box.dataset.maxLength);
    const update = () => {
      // A headline is one line: a line break typed or pasted becomes a space. A browser
      // gives a textarea's value "\n" line breaks, so the caret keeps its place.
      if (/[\r\n\u2028\u2029]/.test(box.value)) {
        const caret = box.selectionStart;
        box.value = box.value.replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
        box.setSelectionRange(caret, caret);
      }
      const length = [...box.value].length;
      counter.textContent = `${length} / ${maxLength}`;
      counter.classList.toggle("headline-count--over", length > maxLength);
    };
    box.addEventListener("input", update);
    update();
  }
});

// The photo form's focal point: click the preview to set where the subject is; the
// crop previews follow at once, placed as the server will crop (CSS object-position).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector("[data-focal-picker]");
  if (!picker) return;
  const x = document.getElementById("id_focal_x");
  const y = document.getElementById("id_focal_y");
  const image = picker.querySelector(".focal-picker__image");
  const marker = picker.querySelector(".focal-picker__marker");
  const crops = picker.querySelectorAll("[data-focal-crop] img");

  const show = () => {
    const fx = Number(x.value), fy = Number(y.value);
    marker.style.left = `${fx * 100}%`;
    marker.style.top = `${fy * 100}%`;
    for (const crop of crops) crop.style.objectPosition = `${fx * 100}% ${fy * 100}%`;
  };
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    const clamp = (value) => Math.min(1, Math.max(0, value)).toFixed(3);
    x.value = clamp((event.clientX - box.left) / box.width);
    y.value = clamp((event.clientY - box.top) / box.height);
    show();
  });
  show();
});

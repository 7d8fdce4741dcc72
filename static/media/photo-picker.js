// The photo picker: Django's autocomplete box (select2) for a photo of the library,
// drawing each result and the chosen photo with its thumbnail, full caption and credit.
// Results come from the admin's autocomplete endpoint (media/photo_picker.py).
"use strict";
{
  const $ = django.jQuery;

  // A search result carries the photo's data itself; the photo chosen when the page
  // was made, or added through the "+" popup, carries it on its <option>.
  function photoOf(item) {
    if (item.thumbnail) return item;
    return item.element ? item.element.dataset : {};
  }

  function drawPhoto(item) {
    const photo = photoOf(item);
    if (item.loading || !photo.thumbnail) return item.text;
    const card = $('<span class="photo-choice">');
    $("<img>", {
      src: photo.thumbnail,
      alt: "",
      width: 48,
      height: 48,
      class: "photo-choice__thumbnail",
    }).appendTo(card);
    const words = $('<span class="photo-choice__words">').appendTo(card);
    $('<span class="photo-choice__caption">').text(photo.caption || item.text).appendTo(words);
    $('<span class="photo-choice__credit">').text(photo.credit || "").appendTo(words);
    return card;
  }

  function startPicker(element) {
    $(element).select2({
      width: "40rem",
      dropdownCssClass: "photo-picker-dropdown",
      ajax: {
        data: (params) => ({
          term: params.term,
          page: params.page,
          app_label: element.dataset.appLabel,
          model_name: element.dataset.modelName,
          field_name: element.dataset.fieldName,
        }),
      },
      templateResult: drawPhoto,
      templateSelection: drawPhoto,
    });
  }

  // Django shows a photo added or changed in the "+" or pencil popup with its name
  // alone; the popup's answer also carries its thumbnail, caption and credit
  // (media/photo_picker.py), which the chosen option takes on.
  function carryPhotoFromPopup(dismissByDjango) {
    return function (win, ...args) {
      const answer = win.document.getElementById("django-admin-popup-response-constants");
      const photo = answer ? JSON.parse(answer.dataset.popupResponse) : {};
      dismissByDjango(win, ...args);
      const id = win.name.replace(/^edit_/, "").replace(/__\d+$/, "");
      const select = document.getElementById(id);
      if (!select || !select.classList.contains("photo-picker") || !photo.thumbnail) return;
      const value = String(photo.new_value || photo.value);
      const option = [...select.options].find((o) => o.value === value);
      if (!option) return;
      Object.assign(option.dataset, {
        thumbnail: photo.thumbnail,
        caption: photo.caption,
        credit: photo.credit,
      });
      $(select).trigger("change.select2");
    };
  }

  $(() => {
    $("select.photo-picker").not("[name*=__prefix__]").each((i, element) => startPicker(element));
    for (const name of ["dismissAddRelatedObjectPopup", "dismissChangeRelatedObjectPopup"]) {
      window[name] = carryPhotoFromPopup(window[name]);
    }
  });
}

// Reports one read of this article page to the ranking endpoint. Runs from cached
// pages too; waits until a prerendered page is actually shown to the reader.
"use strict";
(() => {
  const script = document.currentScript;
  const send = () => {
    const body = new URLSearchParams({ token: script.dataset.viewToken });
    if (!(navigator.sendBeacon && navigator.sendBeacon(script.dataset.viewUrl, body))) {
      fetch(script.dataset.viewUrl, { method: "POST", body, keepalive: true, credentials: "same-origin" });
    }
  };
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();

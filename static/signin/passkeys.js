// After a passkey is registered, show the page that lists it (or where to go next).
document.addEventListener("otp_webauthn.register_complete", () => {
  const placeholder = document.querySelector("[data-after-register]");
  window.location.assign(placeholder ? placeholder.dataset.afterRegister : window.location.href);
});

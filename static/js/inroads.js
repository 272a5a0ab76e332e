// Inroads' own scripts. Loaded with defer; no inline scripts (Content Security Policy).
document.addEventListener("htmx:configRequest", (event) => {
  // Django's CSRF token for htmx requests, read from the cookie-free hidden input.
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});

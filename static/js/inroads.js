// Inroads' own scripts. Loaded with defer; no inline scripts (Content Security Policy).
document.addEventListener("htmx:configRequest", (event) => {
  // Django's CSRF token for htmx requests, read from the cookie-free hidden input.
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});

// Type-ahead pickers (core.widgets.TypeaheadMultiple): a ticked result moves to the chosen
// list, so a new search does not drop it; a partner's communities are ticked with it.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
  const picker = box.closest("[data-typeahead]");
  if (!picker || !box.closest(".typeahead-results")) return;
  if (box.checked) {
    const chosen = picker.querySelector(".typeahead-selected");
    const already = chosen.querySelector(`input[value="${box.value}"]`);
    if (already) {
      box.closest("li").remove();
      already.checked = true;
    } else {
      chosen.appendChild(box.closest("li"));
    }
    box.focus();
    const communities = (box.dataset.communities || "").split(",").filter(Boolean);
    communities.forEach((id) => {
      const community = document.querySelector(`input[name="communities"][value="${id}"]`);
      if (community) community.checked = true;
    });
  }
});

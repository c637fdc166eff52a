// Try-it for the developer portal built by `sluice docs`: each form sends its request through the
// gateway with fetch and shows the status, the headers and the body. The API must allow the
// portal's origin in its listener's CORS settings when the portal is served from another origin
// (the admin port is one): docs/portal.md.
for (const form of document.querySelectorAll("form.try-it")) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const out = form.querySelector("output");
    const data = new FormData(form);
    const headers = {};
    const apiKey = data.get("apiKey");
    if (apiKey) headers["X-Gravitee-Api-Key"] = String(apiKey);
    const bearer = data.get("bearer");
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const body = data.get("body");
    if (body) headers["Content-Type"] = "application/json";
    out.className = "pending";
    out.textContent = "…";
    try {
      const response = await fetch(String(data.get("url")), {
        method: form.dataset.method,
        headers,
        ...(body ? { body: String(body) } : {}),
      });
      const text = await response.text();
      const shown = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
      out.className = response.ok ? "ok" : "error";
      out.textContent = `${response.status} ${response.statusText}\n${shown}\n\n${text.slice(0, 4000)}`;
    } catch (error) {
      out.className = "error";
      out.textContent = `request failed: ${error instanceof Error ? error.message : String(error)} (is the gateway running, and does the API's CORS allow this origin?)`;
    }
  });
}

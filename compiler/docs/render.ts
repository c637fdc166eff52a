// HTML for the developer portal: Markdown through `marked`, then `sanitize-html` (a page's author
// writes the Markdown, but the portal is served from the gateway's admin origin: no script, no
// event handler, no javascript: URL survives). Everything else is text escaped here.
import { load } from "js-yaml";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { METHODS } from "./describe-api.ts";
import type { JsonObject } from "./openapi.ts";
import type { DocPage } from "./pages.ts";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "h1", "h2"],
  allowedAttributes: { ...sanitizeHtml.defaults.allowedAttributes, "*": ["id"], code: ["class"] },
  allowedSchemes: ["http", "https", "mailto"],
};

export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), SANITIZE);
}

/** A page's body: Markdown rendered; an OpenAPI or AsyncAPI page as its operations; AsciiDoc as text. */
export function renderPage(page: DocPage): string {
  switch (page.type) {
    case "MARKDOWN":
      return renderMarkdown(page.content);
    case "SWAGGER":
    case "ASYNCAPI": {
      let doc: unknown;
      try {
        doc = load(page.content);
      } catch {
        doc = undefined;
      }
      const table =
        doc && typeof doc === "object"
          ? page.type === "SWAGGER"
            ? pathsTable(doc as JsonObject)
            : channelsTable(doc as JsonObject)
          : "";
      return `${table}<details><summary>Source</summary><pre><code>${escapeHtml(page.content)}</code></pre></details>`;
    }
    default:
      return `<pre class="plain">${escapeHtml(page.content)}</pre>`;
  }
}

/** The operations of an OpenAPI document a page carries, as a table. */
function pathsTable(doc: JsonObject): string {
  const rows: string[] = [];
  for (const [path, item] of Object.entries(
    (doc.paths ?? {}) as Record<string, Record<string, { summary?: string }>>,
  )) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      rows.push(
        `<tr><td><span class="method ${method}">${method.toUpperCase()}</span></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(String(op.summary ?? ""))}</td></tr>`,
      );
    }
  }
  return rows.length === 0 ? "" : `<table class="ops"><tbody>${rows.join("")}</tbody></table>`;
}

function channelsTable(doc: JsonObject): string {
  const rows = Object.entries(
    (doc.channels ?? {}) as Record<string, { address?: string; description?: string }>,
  ).map(
    ([name, c]) =>
      `<tr><td><code>${escapeHtml(String(c?.address ?? name))}</code></td><td>${escapeHtml(String(c?.description ?? ""))}</td></tr>`,
  );
  return rows.length === 0 ? "" : `<table class="ops"><tbody>${rows.join("")}</tbody></table>`;
}

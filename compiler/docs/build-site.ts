// `sluice docs`: the developer portal as a static site, built from the checked repository — an API
// list, and per API its published pages, its generated OpenAPI 3.1 (PROXY) or AsyncAPI 3.0
// (MESSAGE) document and a try-it form for its HTTP operations. Everything the site needs is in
// it (no CDN): it opens from the file system, any static server, or the gateway's admin port
// (SLUICE_PORTAL_DIR, docs/portal.md). Returns the files; the CLI writes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { obj, str } from "../check/spec-view.ts";
import { isApiDocument, type LoadedDocument } from "../load/load-specs.ts";
import type { ApiModel, GatewayModel } from "../model/model.ts";
import { compare } from "../shared/compare.ts";
import { PROJECT_DIR } from "../shared/package-dir.ts";
import { asyncApiDocument } from "./asyncapi.ts";
import { API_KEY_HEADER, type ApiDescription, describeApi } from "./describe-api.ts";
import { type JsonObject, openApiDocument } from "./openapi.ts";
import { collectPages, type DocPage } from "./pages.ts";
import { escapeHtml, renderPage } from "./render.ts";

export interface SiteOptions {
  /** The gateway's traffic URL clients call (servers of the documents, try-it's default). */
  gatewayUrl: string;
  title?: string;
}

export interface SiteFile {
  path: string;
  text: string;
}

export interface ApiDocs {
  api: ApiModel;
  description?: string;
  pages: DocPage[];
  described: ApiDescription;
  /** `openapi.json` (PROXY) or `asyncapi.json` (MESSAGE), and the document. */
  document: { file: string; value: JsonObject };
}

/** The site's stylesheet and try-it script: plain files, shipped in the package with the templates. */
const ASSETS_DIR = join(PROJECT_DIR, "templates", "portal");

/** Every API's documentation, in API id order. */
export function collectApiDocs(
  model: GatewayModel,
  documents: readonly LoadedDocument[],
  options: SiteOptions,
): ApiDocs[] {
  const byName = new Map(documents.filter(isApiDocument).map((d) => [d.name, d]));
  return [...model.apis]
    .sort((a, b) => compare(a.id, b.id))
    .map((api) => {
      const doc = byName.get(api.id);
      const description = doc ? str(obj(doc.value.spec).description) : undefined;
      const described = describeApi(api, options.gatewayUrl);
      const document =
        api.type === "MESSAGE"
          ? { file: "asyncapi.json", value: asyncApiDocument(api, described, description) }
          : { file: "openapi.json", value: openApiDocument(api, described, description) };
      return {
        api,
        ...(description ? { description } : {}),
        pages: doc ? collectPages(doc) : [],
        described,
        document,
      };
    });
}

export function buildSite(apis: readonly ApiDocs[], options: SiteOptions): SiteFile[] {
  const title = options.title ?? "API portal";
  const files: SiteFile[] = [
    { path: "index.html", text: indexPage(apis, title) },
    { path: "apis.json", text: `${JSON.stringify(apis.map(summary), null, 2)}\n` },
    { path: "assets/portal.css", text: readFileSync(join(ASSETS_DIR, "portal.css"), "utf8") },
    { path: "assets/try-it.js", text: readFileSync(join(ASSETS_DIR, "try-it.js"), "utf8") },
  ];
  for (const docs of apis) {
    const dir = `apis/${docs.api.id}`;
    files.push({
      path: `${dir}/${docs.document.file}`,
      text: `${JSON.stringify(docs.document.value, null, 2)}\n`,
    });
    files.push({ path: `${dir}/index.html`, text: apiPage(docs, title) });
    for (const page of docs.pages)
      if (page.type !== "FOLDER" && !page.homepage)
        files.push({ path: `${dir}/pages/${fileName(page.key)}.html`, text: pagePage(docs, page, title) });
  }
  return files.sort((a, b) => compare(a.path, b.path));
}

function summary(d: ApiDocs) {
  return {
    id: d.api.id,
    name: d.api.name,
    version: d.api.version,
    type: d.api.type,
    paths: d.api.paths.map((p) => (p.host ? `${p.host}${p.path}` : p.path)),
    document: `apis/${d.api.id}/${d.document.file}`,
  };
}

function fileName(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]+/g, "-");
}

function layout(title: string, root: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading === title ? title : `${heading} · ${title}`)}</title>
<link rel="stylesheet" href="${root}assets/portal.css">
</head>
<body>
<header><a class="home" href="${root}index.html">${escapeHtml(title)}</a></header>
<main>
${body}
</main>
<script src="${root}assets/try-it.js"></script>
</body>
</html>
`;
}

function indexPage(apis: readonly ApiDocs[], title: string): string {
  const cards = apis.map(
    (d) => `<li class="api-card" data-api="${escapeHtml(d.api.id)}">
<a href="apis/${escapeHtml(d.api.id)}/index.html"><h2>${escapeHtml(d.api.name)}</h2></a>
<p class="meta"><span class="badge ${d.api.type.toLowerCase()}">${d.api.type}</span> <span>v${escapeHtml(d.api.version)}</span> ${d.api.paths.map((p) => `<code>${escapeHtml(p.host ? `${p.host}${p.path}` : p.path)}</code>`).join(" ")}</p>
${d.description ? `<p>${escapeHtml(d.description)}</p>` : ""}
</li>`,
  );
  return layout(
    title,
    "",
    title,
    `<h1>APIs</h1>\n<p class="count">${apis.length} API${apis.length === 1 ? "" : "s"}</p>\n<ul class="apis">\n${cards.join("\n")}\n</ul>`,
  );
}

function nav(d: ApiDocs, root: string, current?: string): string {
  const item = (p: DocPage): string =>
    p.type === "FOLDER"
      ? `<li class="folder">${escapeHtml(p.name)}<ul>${d.pages
          .filter((c) => c.parent === p.key)
          .map(item)
          .join("")}</ul></li>`
      : `<li${p.key === current ? ' class="current"' : ""}><a href="${root}apis/${escapeHtml(d.api.id)}/pages/${fileName(p.key)}.html">${escapeHtml(p.name)}</a></li>`;
  const keys = new Set(d.pages.map((p) => p.key));
  // The home page is the overview itself.
  const top = d.pages.filter((p) => !p.homepage && (p.parent === undefined || !keys.has(p.parent)));
  return `<nav class="pages"><a href="${root}apis/${escapeHtml(d.api.id)}/index.html">Overview</a>${
    top.length > 0 ? `<ul>${top.map(item).join("")}</ul>` : ""
  }<a href="${root}apis/${escapeHtml(d.api.id)}/${d.document.file}">${d.document.file}</a></nav>`;
}

function apiHeader(d: ApiDocs): string {
  return `<h1>${escapeHtml(d.api.name)} <small>v${escapeHtml(d.api.version)}</small></h1>
<p class="meta"><span class="badge ${d.api.type.toLowerCase()}">${d.api.type}</span> ${d.described.servers.map((s) => `<code>${escapeHtml(s)}</code>`).join(" ")}</p>
${d.description ? `<p class="lead">${escapeHtml(d.description)}</p>` : ""}`;
}

function apiPage(d: ApiDocs, title: string): string {
  const root = "../".repeat(2); // site/apis/<id>/ → site/
  const home = d.pages.find((p) => p.homepage && p.type !== "FOLDER");
  const body = `<div class="api" data-api="${escapeHtml(d.api.id)}">
${nav(d, root)}
<article>
${apiHeader(d)}
${home ? `<section class="page homepage">${renderPage(home)}</section>` : ""}
${security(d.described)}
${d.api.type === "MESSAGE" ? channels(d) : operations(d)}
</article>
</div>`;
  return layout(title, root, d.api.name, body);
}

function pagePage(d: ApiDocs, page: DocPage, title: string): string {
  const root = "../".repeat(3); // site/apis/<id>/pages/ → site/
  return layout(
    title,
    root,
    `${page.name} · ${d.api.name}`,
    `<div class="api" data-api="${escapeHtml(d.api.id)}">${nav(d, root, page.key)}<article>${apiHeader(d)}<section class="page">${renderPage(page)}</section></article></div>`,
  );
}

function security(described: ApiDescription): string {
  if (described.schemes.length === 0) return `<h2>Security</h2><p>Open: no credential needed.</p>`;
  const rows = described.schemes.map((s) => {
    const what =
      s.kind === "apiKey"
        ? `API key in the ${s.in} <code>${escapeHtml(s.name)}</code>`
        : s.kind === "bearer"
          ? `<code>Authorization: Bearer</code> ${s.format === "JWT" ? "JWT" : "OAuth2 access token"}`
          : "TLS client certificate (mTLS)";
    return `<tr><td>${what}</td><td>${s.plans.map(escapeHtml).join(", ")}</td></tr>`;
  });
  return `<h2>Security</h2><table class="schemes"><thead><tr><th>Credential</th><th>Plans</th></tr></thead><tbody>${rows.join("")}${
    described.anonymous ? "<tr><td>none (keyless)</td><td>a keyless plan</td></tr>" : ""
  }</tbody></table>`;
}

/** The try-it form's data: the request the script sends, editable before sending. */
function tryIt(d: ApiDocs, method: string, path: string): string {
  const base = d.described.servers[0] ?? "";
  const key = d.described.schemes.some((s) => s.kind === "apiKey");
  const bearer = d.described.schemes.some((s) => s.kind === "bearer");
  const body = ["post", "put", "patch"].includes(method);
  return `<form class="try-it" data-method="${method.toUpperCase()}">
<label>URL <input name="url" value="${escapeHtml(base + path)}" size="48"></label>
${key ? `<label>${API_KEY_HEADER} <input name="apiKey" autocomplete="off"></label>` : ""}
${bearer ? `<label>Bearer token <input name="bearer" autocomplete="off"></label>` : ""}
${body ? `<label>Body <textarea name="body" rows="3"></textarea></label>` : ""}
<button type="submit">Send ${method.toUpperCase()}</button>
<output></output>
</form>`;
}

function operations(d: ApiDocs): string {
  const items = d.described.operations.map(
    (op) => `<details class="operation">
<summary><span class="method ${op.method}">${op.method.toUpperCase()}</span> <code>${escapeHtml(op.path)}</code>${op.prefix ? '<span class="hint">and below</span>' : ""}${op.flows.length > 0 ? ` <span class="flow">${op.flows.map(escapeHtml).join(", ")}</span>` : ""}</summary>
${tryIt(d, op.method, op.path)}
</details>`,
  );
  return `<h2>Operations</h2>\n${items.join("\n")}`;
}

function channels(d: ApiDocs): string {
  const ops = Object.entries(
    d.document.value.operations as Record<
      string,
      { action: string; summary: string; bindings?: { http?: { method: string } } }
    >,
  );
  const contexts = [...new Set(d.api.paths.map((p) => p.path.replace(/(.)\/$/, "$1")))];
  const rows = ops.map(([id, op]) => {
    const entrypoint = id.split("-").slice(1, -1).join("-");
    const method = op.bindings?.http?.method?.toLowerCase();
    const form = method && entrypoint !== "sse" && contexts[0] ? tryIt(d, method, contexts[0]) : "";
    return `<details class="operation"><summary><span class="badge">${escapeHtml(entrypoint)}</span> ${escapeHtml(op.action)} — ${escapeHtml(op.summary)}</summary>${form}</details>`;
  });
  return `<h2>Channels</h2><p>${contexts.map((c) => `<code>${escapeHtml(c)}</code>`).join(" ")}</p>\n${rows.join("\n")}`;
}

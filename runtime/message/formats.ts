// The bodies the `http-get` entrypoint answers with (docs/contract.md §5), byte for byte Gravitee's
// HttpGetEntrypointConnector: JSON `{"items":[…],"pagination":{…}}`, XML
// `<response><items><item>…</item></items><pagination>…</pagination></response>` and a plain-text
// listing. `id` is left out when a message has none; `content` is always a string; headers and
// metadata only when the entrypoint asks for them; pagination only once a message with an id was
// returned, its `limit` echoing the query parameter as given.
import type { Message } from "../contract.ts";
import type { MessageFormat } from "./accept.ts";

export interface PageOptions {
  headersInPayload: boolean;
  metadataInPayload: boolean;
  /** The `limit` query parameter as the client sent it (echoed, never the effective limit). */
  limit?: string | undefined;
}

export interface Page {
  messages: readonly Message[];
  /** An endpoint failure after some messages had arrived: reported next to them (Gravitee's `error`). */
  error?: string | undefined;
}

export function renderPage(format: MessageFormat, page: Page, options: PageOptions): string {
  switch (format) {
    case "application/json":
      return renderJson(page, options);
    case "application/xml":
      return renderXml(page, options);
    case "text/plain":
      return renderText(page, options);
  }
}

/** Gravitee's next cursor: the id of the last message returned (none when it has no id). */
function nextCursor(page: Page): string | undefined {
  const last = page.messages[page.messages.length - 1];
  return last?.id !== undefined && last.id !== "" ? last.id : undefined;
}

function jsonItem(m: Message, options: PageOptions): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  if (m.id !== undefined) item.id = m.id;
  item.content = m.content.toString("utf8");
  if (options.headersInPayload) item.headers = m.headers;
  if (options.metadataInPayload) item.metadata = m.metadata;
  return item;
}

function renderJson(page: Page, options: PageOptions): string {
  let out = `{"items":[${page.messages.map((m) => JSON.stringify(jsonItem(m, options))).join(",")}]`;
  if (page.error !== undefined) out += `,"error":${JSON.stringify({ content: page.error })}`;
  const cursor = nextCursor(page);
  if (cursor !== undefined) {
    const pagination: Record<string, string> = { nextCursor: cursor };
    if (options.limit) pagination.limit = options.limit;
    out += `,"pagination":${JSON.stringify(pagination)}`;
  }
  return `${out}}`;
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A CDATA section holding any text: `]]>` is split across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function xmlItem(m: Message, element: string, options: PageOptions): string {
  let out = `<${element}>`;
  if (m.id !== undefined) out += `<id>${escapeXml(m.id)}</id>`;
  out += `<content>${cdata(m.content.toString("utf8"))}</content>`;
  if (options.headersInPayload) {
    out += "<headers>";
    for (const [name, values] of Object.entries(m.headers)) {
      out += `<${name}>${escapeXml(values.join(","))}</${name}>`;
    }
    out += "</headers>";
  }
  if (options.metadataInPayload) {
    out += "<metadata>";
    for (const [key, value] of Object.entries(m.metadata))
      out += `<${key}>${escapeXml(String(value))}</${key}>`;
    out += "</metadata>";
  }
  return `${out}</${element}>`;
}

function renderXml(page: Page, options: PageOptions): string {
  let out = `<response><items>${page.messages.map((m) => xmlItem(m, "item", options)).join("")}</items>`;
  if (page.error !== undefined) out += `<error><content>${cdata(page.error)}</content></error>`;
  const cursor = nextCursor(page);
  if (cursor !== undefined) {
    out += `<pagination><nextCursor>${escapeXml(cursor)}</nextCursor>`;
    if (options.limit) out += `<limit>${escapeXml(options.limit)}</limit>`;
    out += "</pagination>";
  }
  return `${out}</response>`;
}

/** Java's `Map.toString()`: `{a=[1, 2], b=x}`, which Gravitee prints for headers and metadata. */
function javaMap(map: Record<string, unknown>): string {
  const show = (v: unknown): string => (Array.isArray(v) ? `[${v.map(show).join(", ")}]` : String(v));
  return `{${Object.entries(map)
    .map(([k, v]) => `${k}=${show(v)}`)
    .join(", ")}}`;
}

function textItem(m: Message, element: string, first: boolean, options: PageOptions): string {
  let out = `${first ? "" : "\n"}${element}\n`;
  if (m.id !== undefined) out += `id: ${m.id}\n`;
  out += `content: ${m.content.toString("utf8")}\n`;
  if (options.headersInPayload) out += `headers: ${javaMap(m.headers)}\n`;
  if (options.metadataInPayload) out += `metadata: ${javaMap(m.metadata)}\n`;
  return out;
}

function renderText(page: Page, options: PageOptions): string {
  let out = "items\n";
  page.messages.forEach((m, i) => {
    out += textItem(m, "item", i === 0, options);
  });
  if (page.error !== undefined) out += `\nerror\ncontent: ${page.error}\n`;
  const cursor = nextCursor(page);
  if (cursor !== undefined) {
    out += `\npagination\nnextCursor: ${cursor}`;
    if (options.limit) out += `\nlimit: ${options.limit}`;
  }
  return out;
}

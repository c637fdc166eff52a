// A Management API export's documentation pages (`pages`: a list, each with its id) as GKO's
// `spec.pages` (a map keyed by a name derived from the page's), which `sluice docs` publishes
// (docs/portal.md). Ids, timestamps and ownership are dropped; `parentId` becomes `parent`, the key
// of the folder page. Page types the portal does not show (links, templates, translations) are
// dropped with a note.
import type { Notes } from "./notes.ts";
import { isObject, type Json, type JsonObject, resourceName, uniqueName } from "./values.ts";

const TYPES = new Set(["MARKDOWN", "SWAGGER", "ASYNCAPI", "ASCIIDOC", "FOLDER"]);
const KEPT = [
  "name",
  "type",
  "content",
  "order",
  "published",
  "visibility",
  "homepage",
  "configuration",
  "source",
];

export function importPages(pages: Json | undefined, notes: Notes): JsonObject | undefined {
  if (!Array.isArray(pages) || pages.length === 0) return undefined;
  const taken = new Set<string>();
  const keyOfId = new Map<string, string>();
  const kept: Array<{ key: string; page: JsonObject }> = [];
  for (const page of pages) {
    if (!isObject(page)) continue;
    const type = typeof page.type === "string" ? page.type.toUpperCase() : "";
    const name = typeof page.name === "string" ? page.name : "page";
    if (!TYPES.has(type)) {
      if (type !== "ROOT" && type !== "SYSTEM_FOLDER")
        notes.add(
          "dropped",
          "/spec/pages",
          `page \`${name}\` of type ${type || "(none)"} dropped: the portal shows Markdown, OpenAPI, AsyncAPI, AsciiDoc pages and folders`,
        );
      continue;
    }
    const key = uniqueName(resourceName(name, "page"), taken);
    if (typeof page.id === "string") keyOfId.set(page.id, key);
    const out: JsonObject = {};
    for (const field of KEPT)
      if (page[field] !== undefined && page[field] !== null) out[field] = page[field]!;
    out.type = type;
    if (isObject(out.configuration) && Object.keys(out.configuration).length === 0) delete out.configuration;
    kept.push({ key, page: out });
    if (typeof page.parentId === "string") out.parent = page.parentId; // an id until mapped below
  }
  const result: JsonObject = {};
  for (const { key, page } of kept) {
    if (typeof page.parent === "string") {
      const parent = keyOfId.get(page.parent);
      if (parent) page.parent = parent;
      else delete page.parent; // under the root or a folder not exported: top level
    }
    result[key] = page;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

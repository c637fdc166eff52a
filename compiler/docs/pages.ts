// An API's documentation pages (GKO's `spec.pages`: a map of key → page), as the developer portal
// publishes them: published PUBLIC pages only (Gravitee's portal shows no unpublished page, and a
// static site has no login for PRIVATE ones), content inline or read from a file beside the spec
// (`source: { type: file, configuration: { path } }`); Gravitee's network fetchers (http, github,
// gitlab, …) are not run — the check rule page/source-skipped says so, located.
// https://documentation.gravitee.io/gravitee-kubernetes-operator-gko/guides/manage-apis/add-documentation-pages
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { obj, str } from "../check/spec-view.ts";
import type { LoadedDocument } from "../load/load-specs.ts";
import { compare } from "../shared/compare.ts";

export const PAGE_TYPES = ["MARKDOWN", "SWAGGER", "ASYNCAPI", "ASCIIDOC", "FOLDER"] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** The one source type read offline: a file relative to the spec's folder. */
export const FILE_SOURCE = "file";

export interface DocPage {
  key: string;
  name: string;
  type: PageType;
  /** The text (empty for folders, and for pages whose source is not read). */
  content: string;
  parent?: string;
  homepage: boolean;
  order: number;
}

/** Where a `file` source's path points, or undefined when the page has no file source. */
export function pageFile(doc: LoadedDocument, page: Record<string, unknown>): string | undefined {
  const source = obj(page.source);
  if (str(source.type) !== FILE_SOURCE) return undefined;
  const path = str(obj(source.configuration).path);
  if (path === undefined || doc.at.file === "-") return undefined;
  return isAbsolute(path) ? path : resolve(dirname(doc.at.file), path);
}

/** The published, public pages of an API document, in portal order (order, then name). */
export function collectPages(doc: LoadedDocument): DocPage[] {
  const pages = obj(obj(doc.value.spec).pages);
  const out: DocPage[] = [];
  for (const [key, raw] of Object.entries(pages)) {
    const page = obj(raw);
    const type = str(page.type) as PageType | undefined;
    if (!type || !PAGE_TYPES.includes(type)) continue; // ROOT, SYSTEM_FOLDER: portal internals
    if (page.published !== true || page.visibility === "PRIVATE") continue;
    let content = str(page.content) ?? "";
    const file = pageFile(doc, page);
    if (file !== undefined) {
      try {
        content = readFileSync(file, "utf8");
      } catch {
        continue; // page/file-missing reported it
      }
    } else if (page.source !== undefined && type !== "FOLDER") continue; // page/source-skipped
    out.push({
      key,
      name: str(page.name) ?? key,
      type,
      content,
      ...(str(page.parent) ? { parent: str(page.parent) } : {}),
      homepage: page.homepage === true,
      order: typeof page.order === "number" ? page.order : 0,
    });
  }
  return out.sort((a, b) => a.order - b.order || compare(a.name, b.name));
}

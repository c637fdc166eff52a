// The imported resource as YAML: keys in one stable order (identity first — apiVersion, kind,
// metadata, name, type — then alphabetical), so the same API exported twice, by any Gravitee
// version, gives the same file; the notes as a comment at the top, and beside the value they are
// about when it is in the file.
import { Document, isNode } from "yaml";
import type { Notes } from "./notes.ts";
import { isObject, type Json } from "./values.ts";

const FIRST = [
  "apiVersion",
  "kind",
  "metadata",
  "spec",
  "name",
  "key",
  "type",
  "policy",
  "description",
  "version",
  "gravitee",
  "enabled",
];

function compareKeys(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? FIRST.length : ia) - (ib < 0 ? FIRST.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Object keys in the stable order; arrays keep theirs (it carries meaning: flows, steps, plans v2). */
export function orderKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(orderKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareKeys)
      .map((k) => [k, orderKeys(value[k] as Json)]),
  );
}

export const YAML_OPTIONS = { lineWidth: 0 } as const;

export function writeYaml(resource: Json, notes: Notes, header: string[]): string {
  const doc = new Document(orderKeys(resource));
  const lines = [...header];
  for (const note of notes.list) lines.push(`${note.kind} ${note.pointer || "/"}: ${note.message}`);
  for (const s of notes.secrets)
    lines.push(`secret ${s.pointer}: replaced by \${${s.env}} (set it where the gateway runs)`);
  doc.commentBefore = lines.map((l) => ` ${l}`).join("\n");
  for (const note of notes.list) {
    const path = note.pointer
      .split("/")
      .slice(1)
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const node = path.length > 0 ? doc.getIn(path, true) : undefined;
    if (isNode(node) && !node.comment && note.kind !== "dropped")
      node.comment = ` ${note.kind}: ${note.message}`;
  }
  return doc.toString(YAML_OPTIONS);
}

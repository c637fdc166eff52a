// `sluice check --fix`: mistakes found in real Gravitee exports that Gravitee tolerates, rewritten
// where the meaning is unambiguous — the value Gravitee itself reads, or a key Gravitee ignores and
// that says nothing. The checker has already reported each as a diagnostic; this module only says
// which of them have a fix. Edits are made on the file's text at the node's source range (found
// with the `yaml` Document API), so comments, quoting and layout everywhere else stay as written.
import { isMap, isScalar, parseAllDocuments, type Scalar, type YAMLMap } from "yaml";
import { type Diagnostic, parsePointer, type SourceRef } from "../diagnostics/diagnostic.ts";
import { OPERATORS, V2_FLOW_KEYS } from "../import/from-v4.ts";
import type { LoadedDocument } from "../load/load-specs.ts";

export interface Fix {
  at: SourceRef;
  code: string;
  /** `set`: the scalar at the pointer becomes `value`; `delete`: the property at the pointer goes. */
  change: { kind: "set"; value: string } | { kind: "delete" } | { kind: "rename"; key: string };
  /** What changes and why Gravitee agrees, for the report. */
  what: string;
}

type Obj = Record<string, unknown>;
const isEmpty = (v: unknown) =>
  v === null ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && v !== null && Object.keys(v).length === 0);

function valueAt(doc: LoadedDocument, segments: string[]): unknown {
  let at: unknown = doc.value;
  for (const s of segments) at = typeof at === "object" && at !== null ? (at as Obj)[s] : undefined;
  return at;
}

/** The fixes for the diagnostics that have one. */
export function fixesFor(diagnostics: readonly Diagnostic[], documents: readonly LoadedDocument[]): Fix[] {
  const docAt = new Map(documents.map((d) => [`${d.at.file}#${d.at.doc}`, d]));
  const fixes: Fix[] = [];
  for (const d of diagnostics) {
    const doc = docAt.get(`${d.at.file}#${d.at.doc}`);
    if (doc?.kind !== "ApiV4Definition") continue;
    const segments = parsePointer(d.at.pointer);
    const key = segments.at(-1) ?? "";
    const value = valueAt(doc, segments);
    const parent = valueAt(doc, segments.slice(0, -1));
    const fix = (change: Fix["change"], what: string) => fixes.push({ at: d.at, code: d.code, change, what });
    if (
      d.code === "schema/enum" &&
      (key === "pathOperator" || key === "channelOperator") &&
      typeof value === "string"
    ) {
      // Gravitee reads the operator without regard to case, and any other value as STARTS_WITH —
      // unless it looks like EQUALS: then what was meant and what Gravitee does differ.
      const upper = value.toUpperCase().replace(/-/g, "_");
      const reads = OPERATORS.has(upper) ? upper : upper.includes("EQUAL") ? undefined : "STARTS_WITH";
      if (reads) fix({ kind: "set", value: reads }, `${key}: ${value} → ${reads} (what Gravitee reads)`);
    } else if (d.code === "schema/unknown-property" && d.at.key) {
      const flow = /^\/spec(\/plans\/[^/]+)?\/flows\/\d+\/[^/]+$/.test(d.at.pointer);
      if (flow && V2_FLOW_KEYS.includes(key) && isEmpty(value))
        fix({ kind: "delete" }, `empty v2 flow key \`${key}\` removed (Gravitee ignores it on a v4 flow)`);
      else if (
        /\/selectors\/\d+\/(channel|path)-operator$/.test(d.at.pointer) &&
        typeof value === "string" &&
        value.toUpperCase() === "STARTS_WITH"
      ) {
        // The v2 spelling is ignored on a v4 selector, whose default is the same STARTS_WITH.
        const v4 = key === "channel-operator" ? "channelOperator" : "pathOperator";
        if ((parent as Obj | undefined)?.[v4] === undefined)
          fix({ kind: "rename", key: v4 }, `\`${key}\` → \`${v4}\` (the same STARTS_WITH Gravitee applies)`);
      } else if (
        key === "paths" &&
        /^\/spec\/listeners\/\d+\/paths$/.test(d.at.pointer) &&
        (parent as Obj | undefined)?.type === "SUBSCRIPTION"
      )
        fix(
          { kind: "delete" },
          "`paths` on a SUBSCRIPTION listener removed (Gravitee ignores it: nothing listens)",
        );
    }
  }
  return fixes;
}

export interface Edit {
  /** Where the fix is reported: the key or the value. */
  at: number;
  start: number;
  end: number;
  text: string;
  fix: Fix;
}

/**
 * The text edits of a file's fixes, from its source text. A fix whose node cannot be edited in
 * place (a flow mapping, a key sharing its line with a `- `) is left out: it stays a diagnostic.
 */
export function editsFor(text: string, fixes: readonly Fix[]): Edit[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const edits: Edit[] = [];
  for (const fix of fixes) {
    const doc = list[fix.at.doc];
    if (!doc) continue;
    const segments = parsePointer(fix.at.pointer);
    if (fix.change.kind === "set") {
      const node = doc.getIn(segments, true);
      if (!isScalar(node) || !node.range) continue;
      const scalar = node as Scalar;
      const quoted =
        scalar.type === "QUOTE_DOUBLE"
          ? JSON.stringify(fix.change.value)
          : scalar.type === "QUOTE_SINGLE"
            ? `'${fix.change.value}'`
            : fix.change.value;
      edits.push({ at: scalar.range![0], start: scalar.range![0], end: scalar.range![1], text: quoted, fix });
      continue;
    }
    if (fix.change.kind === "rename") {
      const parentMap = doc.getIn(segments.slice(0, -1), true);
      const found = isMap(parentMap)
        ? (parentMap as YAMLMap).items.find((p) => isScalar(p.key) && String(p.key.value) === segments.at(-1))
        : undefined;
      const range = found && isScalar(found.key) ? found.key.range : undefined;
      if (range) edits.push({ at: range[0], start: range[0], end: range[1], text: fix.change.key, fix });
      continue;
    }
    const map = doc.getIn(segments.slice(0, -1), true);
    if (!isMap(map) || (map as YAMLMap).flow) continue;
    const pair = (map as YAMLMap).items.find(
      (p) => isScalar(p.key) && String(p.key.value) === segments.at(-1),
    );
    const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
    if (!pair || !keyRange) continue;
    const lineStart = text.lastIndexOf("\n", keyRange[0] - 1) + 1;
    if (text.slice(lineStart, keyRange[0]).trim() !== "") continue;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    let end = valueRange?.[2] ?? keyRange[2];
    if (text[end - 1] !== "\n") {
      const newline = text.indexOf("\n", end);
      end = newline < 0 ? text.length : newline + 1;
    }
    edits.push({ at: keyRange[0], start: lineStart, end, text: "", fix });
  }
  return edits;
}

/** The text with the edits applied (last first, so offsets stay valid); overlapping edits are dropped. */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: Edit[] } {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  const applied: Edit[] = [];
  let out = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > floor) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
    applied.push(e);
  }
  return { text: out, applied: applied.reverse() };
}

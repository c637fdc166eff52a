// Turns a diagnostic's JSON pointer into a 1-based line and column of the YAML node it names, at
// print time. Unknown properties point at their key; a pointer that runs past the document (a
// missing property) stops at the deepest node that exists.
import { isMap, isPair, isScalar, isSeq, type Node, Scalar } from "yaml";
import type { SourceSet } from "../load/source-set.ts";
import type { Diagnostic, LocatedDiagnostic, SourceRef } from "./diagnostic.ts";
import { parsePointer } from "./diagnostic.ts";

export interface Position {
  file: string;
  line: number;
  column: number;
}

export function locate(sources: SourceSet, ref: SourceRef): Position {
  const file = sources.get(ref.file);
  if (!file) return { file: ref.file, line: 1, column: 1 };
  // An absolute offset needs no syntax tree (and a file that is not YAML — a policy's TypeScript — has none).
  if (ref.pos !== undefined) return { file: ref.file, ...linePos(file.text, ref.pos) };
  const offset = ref.pos ?? nodeOffset(file.documents[ref.doc]?.contents ?? null, ref, file.text);
  const start = offset ?? file.documents[ref.doc]?.range[0] ?? 0;
  const { line, col } = file.lineCounter.linePos(Math.min(start, file.text.length));
  return { file: ref.file, line, column: col };
}

function linePos(text: string, pos: number): { line: number; column: number } {
  const at = Math.min(Math.max(pos, 0), text.length);
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

function nodeOffset(root: Node | null, ref: SourceRef, text: string): number | undefined {
  let node: unknown = root;
  let keyNode: unknown;
  for (const segment of parsePointer(ref.pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === segment);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
  }
  const target = (ref.key && keyNode ? keyNode : (node ?? keyNode)) as Node | undefined;
  const range = target?.range;
  if (!range) return undefined;
  if (ref.inScalar && isScalar(target)) return insideScalar(target, ref.inScalar, text);
  if (ref.offset !== undefined && isScalar(target)) return range[0] + scalarContentStart(target) + ref.offset;
  return range[0];
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * The file offset of a line and column of a scalar's value. A block scalar's value lines are its
 * source lines after the header, less the block's indentation; a one-line flow scalar's value
 * starts after its opening quote. (A multi-line flow scalar folds lines: its start is as near as
 * it gets.)
 */
function insideScalar(node: Scalar, at: { line: number; column: number }, text: string): number {
  const start = node.range?.[0] ?? 0;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const end = node.range?.[1] ?? text.length;
    const headerEnd = text.indexOf("\n", start);
    if (headerEnd < 0) return start;
    const lines: number[] = [];
    for (let i = headerEnd + 1; i < end; i = text.indexOf("\n", i) + 1 || end) lines.push(i);
    let indent = 0;
    for (const l of lines) {
      const line = text.slice(l, text.indexOf("\n", l) < 0 ? end : text.indexOf("\n", l));
      if (line.trim() !== "") {
        indent = line.length - line.trimStart().length;
        break;
      }
    }
    const lineStart = lines[at.line];
    return lineStart === undefined ? start : lineStart + indent + at.column;
  }
  const source = text.slice(start, node.range?.[1] ?? start);
  if (at.line > 0 || source.includes("\n")) return start;
  return start + scalarContentStart(node) + at.column;
}

/** Characters between a scalar's start and its content: the opening quote, if any. */
function scalarContentStart(node: Scalar): number {
  return node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
}

export function locateDiagnostic(sources: SourceSet, d: Diagnostic): LocatedDiagnostic {
  const pos = locate(sources, d.at);
  const out: LocatedDiagnostic = {
    file: pos.file,
    line: pos.line,
    column: pos.column,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
  if (d.hint) out.hint = d.hint;
  if (d.related?.length) {
    out.related = d.related.map((r) => ({ message: r.message, ...locate(sources, r.at) }));
  }
  return out;
}

/** Sorts located diagnostics by file, line and column, the order a reader expects. */
export function compareLocated(a: LocatedDiagnostic, b: LocatedDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

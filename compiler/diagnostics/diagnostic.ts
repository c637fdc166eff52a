// One diagnostic type for every stage of the compiler. Locations are kept as a source file plus a
// JSON pointer into one YAML document; they are turned into line:column only when printed (see
// ./locate.ts), so stages never compute positions against re-serialised data.

export type Severity = "error" | "warning";

/** Where a problem is: a file, the index of the YAML document in it, and a JSON pointer. */
export interface SourceRef {
  /** Path as given to the loader (relative to the working directory when possible). */
  file: string;
  /** 0-based index of the YAML document within the file. */
  doc: number;
  /** RFC 6901 JSON pointer into that document ("" is the document root). */
  pointer: string;
  /** Point at the key of the property rather than its value (unknown properties, duplicates). */
  key?: boolean;
  /** Extra character offset inside a scalar value (e.g. the position of an error inside an expression). */
  offset?: number;
  /**
   * A 0-based line and column inside a scalar's value (a `javascript` policy's script), mapped
   * through the scalar's source form — a block scalar's indentation — when printed.
   */
  inScalar?: { line: number; column: number };
  /** Absolute character offset in the file, for problems that have no pointer (YAML syntax errors). */
  pos?: number;
}

export interface Diagnostic {
  /** Stable code from the catalogue (compiler/diagnostics/catalogue.ts), e.g. `exposure/entrypoint-api-type`. */
  code: string;
  severity: Severity;
  /** What is wrong and why, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
  at: SourceRef;
  /** Other places that matter (e.g. the other file of a path collision). */
  related?: Array<{ message: string; at: SourceRef }>;
}

/** A diagnostic with its location resolved to 1-based line and column, ready to print. */
export interface LocatedDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  related?: Array<{ message: string; file: string; line: number; column: number }>;
}

/** Escape one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string | number): string {
  const s = typeof segment === "string" ? segment : String(segment);
  // Most segments have neither character: no new string for them.
  return s.includes("~") || s.includes("/") ? s.replaceAll("~", "~0").replaceAll("/", "~1") : s;
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let out = base;
  for (const s of segments) out += `/${escapePointerSegment(s)}`;
  return out;
}

/** The pointer of a path of segments from the document root. */
export function pointerOf(segments: ReadonlyArray<string | number>): string {
  return joinPointer("", ...segments);
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  const segments = pointer.slice(1).split("/");
  // Only a pointer with `~` has escaped segments.
  if (!pointer.includes("~")) return segments;
  return segments.map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

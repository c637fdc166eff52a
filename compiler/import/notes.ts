// What import changed on the way: every field dropped, value rewritten or secret replaced is a
// note with the JSON pointer of the place in the written resource. The notes become comments in
// the YAML and lines of the report, so a team reviews the conversion instead of trusting it.

export type NoteKind = "dropped" | "changed" | "secret" | "unsupported";

export interface Note {
  kind: NoteKind;
  /** JSON pointer into the written resource (the parent's, for a dropped field). */
  pointer: string;
  message: string;
}

/** A secret taken out of the export: the field now holds `${env}`. The value is never kept. */
export interface Secret {
  env: string;
  pointer: string;
}

export class Notes {
  readonly list: Note[] = [];
  readonly secrets: Secret[] = [];

  add(kind: NoteKind, pointer: string, message: string): void {
    this.list.push({ kind, pointer, message });
  }
}

/** `["spec", "plans", 0]` → `/spec/plans/0` (RFC 6901). */
export function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((p) => `/${String(p).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

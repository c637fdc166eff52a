// The parsed YAML of every file the compiler read, kept so that a diagnostic's JSON pointer can be
// turned into a 1-based line and column at print time, and so code frames can show the source.
import type { Document, LineCounter } from "yaml";

export interface SourceFile {
  /** The path to print (relative to the working directory, or `<stdin>`). */
  path: string;
  text: string;
  lineCounter: LineCounter;
  documents: Document.Parsed[];
}

export class SourceSet {
  readonly files = new Map<string, SourceFile>();

  add(file: SourceFile): void {
    this.files.set(file.path, file);
  }

  get(path: string): SourceFile | undefined {
    return this.files.get(path);
  }
}

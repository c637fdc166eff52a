// The text of every file the compiler read, and — only when asked — its YAML syntax tree with
// source positions. Values are loaded with a fast parser that keeps no positions (js-yaml, ~7×
// faster than building position-aware documents); a file is parsed again with `yaml` (positions
// kept) only when a diagnostic in it is printed, or when it has a syntax error. Both parsers read
// YAML 1.2 with the core schema, so documents and values are the same.
import { type Document, LineCounter, parseAllDocuments } from "yaml";

export class SourceFile {
  /** The path to print (relative to the working directory, or `<stdin>`). */
  readonly path: string;
  readonly text: string;
  private parsed: { lineCounter: LineCounter; documents: Document.Parsed[] } | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  private parse(): { lineCounter: LineCounter; documents: Document.Parsed[] } {
    if (!this.parsed) {
      const lineCounter = new LineCounter();
      const documents = parseAllDocuments(this.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      this.parsed = { lineCounter, documents: Array.isArray(documents) ? documents : [] };
    }
    return this.parsed;
  }

  get lineCounter(): LineCounter {
    return this.parse().lineCounter;
  }

  get documents(): Document.Parsed[] {
    return this.parse().documents;
  }
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

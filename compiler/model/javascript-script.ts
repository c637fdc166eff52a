// A `javascript` policy's script, made the body of a function: Gravitee runs a script and takes the
// value of its last expression statement as the new content (`overrideContent`, v2's content
// scripts); a function returns it instead. The script is parsed (TypeScript's parser, as
// JavaScript) to find that statement — the last one, or the last of each branch of a final
// `if`/block — and `return ` is written before it. The insertions are kept so that a type error's
// column on such a line maps back to the script's own column.
import { ts } from "ts-morph";

export interface PreparedScript {
  /** The script with `return ` before each completion statement; otherwise unchanged, line for line. */
  body: string;
  /** Where `return ` was inserted: 0-based line and column in the script. */
  insertions: Array<{ line: number; column: number }>;
  /** Syntax errors (0-based line and column): the script is not emitted. */
  syntaxErrors: Array<{ line: number; column: number; message: string }>;
}

export const RETURN = "return ";

export function prepareScript(text: string): PreparedScript {
  const file = ts.createSourceFile("script.js", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const offsets: number[] = [];
  const completion = (statements: ts.NodeArray<ts.Statement>): void => {
    const last = statements[statements.length - 1];
    if (!last) return;
    if (ts.isExpressionStatement(last)) offsets.push(last.getStart(file));
    else if (ts.isBlock(last)) completion(last.statements);
    else if (ts.isIfStatement(last)) {
      branch(last.thenStatement);
      if (last.elseStatement) branch(last.elseStatement);
    }
  };
  const branch = (s: ts.Statement): void => {
    if (ts.isExpressionStatement(s)) offsets.push(s.getStart(file));
    else if (ts.isBlock(s)) completion(s.statements);
    else if (ts.isIfStatement(s)) {
      branch(s.thenStatement);
      if (s.elseStatement) branch(s.elseStatement);
    }
  };
  const parse = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (parse.length > 0)
    return {
      body: text,
      insertions: [],
      syntaxErrors: parse.map((d) => ({
        ...positionOf(file, d.start ?? 0),
        message: `${ts.flattenDiagnosticMessageText(d.messageText, " ")} (TS${d.code})`,
      })),
    };
  completion(file.statements);
  offsets.sort((a, b) => a - b);
  let body = "";
  let from = 0;
  const insertions: PreparedScript["insertions"] = [];
  for (const offset of offsets) {
    body += text.slice(from, offset) + RETURN;
    from = offset;
    const { line, character } = file.getLineAndCharacterOfPosition(offset);
    insertions.push({ line, column: character });
  }
  body += text.slice(from);
  return { body, insertions, syntaxErrors: [] };
}

function positionOf(file: ts.SourceFile, offset: number): { line: number; column: number } {
  const { line, character } = file.getLineAndCharacterOfPosition(offset);
  return { line, column: character };
}

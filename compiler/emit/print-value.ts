// Prints the data part of generated modules — typed configuration objects — deterministically, one
// property a line, keys and strings escaped through JSON.stringify (never spliced raw). The printer
// records which YAML node each line came from, so a type error in generated code is reported
// against the spec line it came from (compile/type-check), never as a raw tsc error.
import type { SourceRef } from "../diagnostics/diagnostic.ts";
import { joinPointer } from "../diagnostics/diagnostic.ts";
import {
  CompiledSchemaValue,
  ElValue,
  EnvTemplateValue,
  EnvValue,
  type ModelValue,
  ScriptValue,
} from "../model/model.ts";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A key as an object literal property name. `__proto__`, quoted or not, would set the object's
 * prototype; as a computed name it is a property like any other (a plan or header may be named so).
 */
function propertyName(key: string): string {
  if (key === "__proto__") return '["__proto__"]';
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** Raw TypeScript, for wiring the emitter writes itself (connector calls, imported names). */
export class Code {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A value whose nested lines map to a YAML node. */
export class Located {
  readonly value: Printable;
  readonly at: SourceRef;
  constructor(value: Printable, at: SourceRef) {
    this.value = value;
    this.at = at;
  }
}

/** A call `callee(arg, …)` whose arguments are printed like values. */
export class Call {
  readonly callee: string;
  readonly args: readonly Printable[];
  constructor(callee: string, args: readonly Printable[]) {
    this.callee = callee;
    this.args = args;
  }
}

export type Printable =
  | ModelValue
  | Code
  | Located
  | Call
  | undefined
  | Printable[]
  | { [key: string]: Printable };

function scalarText(v: Printable): string | undefined {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (typeof v === "boolean") return String(v);
  if (v instanceof Code) return v.text;
  return undefined;
}

export interface LineOrigin {
  /** 0-based line within the printed text. */
  line: number;
  at: SourceRef;
  /**
   * The line is the first of a `javascript` script (a ScriptValue's body, written line for line):
   * an error below it is located inside the script's YAML scalar; `return ` was inserted at these
   * places (columns after one shift by its length).
   */
  script?: { lines: number; insertions: ReadonlyArray<{ line: number; column: number }> };
}

export class ValuePrinter {
  private readonly lines: string[] = [""];
  readonly origins: LineOrigin[] = [];
  private indent = 0;
  private readonly envHelpers = new Set<string>();
  private readonly elHelpers = new Set<string>();
  private readonly schemas = new Map<string, string>();
  private readonly scripts = new Map<string, ScriptValue>();

  /** Names of runtime/index.ts (env, envTemplate) and runtime/el.ts helpers the output uses. */
  get usedEnvHelpers(): ReadonlySet<string> {
    return this.envHelpers;
  }

  get usedElHelpers(): ReadonlySet<string> {
    return this.elHelpers;
  }

  /** Validators compiled from JSON Schemas the output names: export name → standalone code. */
  get usedSchemas(): ReadonlyMap<string, string> {
    return this.schemas;
  }

  /** `javascript` scripts the output names, by export name. */
  get usedScripts(): ReadonlyMap<string, ScriptValue> {
    return this.scripts;
  }

  text(): string {
    return this.lines.join("\n");
  }

  write(value: Printable, at?: SourceRef): this {
    this.value(value, at);
    return this;
  }

  private put(s: string): void {
    this.lines[this.lines.length - 1] += s;
  }

  private newline(): void {
    this.lines.push("  ".repeat(this.indent));
  }

  private mark(at: SourceRef | undefined): void {
    if (at) this.origins.push({ line: this.lines.length - 1, at });
  }

  private value(v: Printable, at: SourceRef | undefined): void {
    const scalar = scalarText(v);
    if (scalar !== undefined) {
      this.put(scalar);
      return;
    }
    if (v instanceof Located) {
      this.mark(v.at);
      this.value(v.value, v.at);
      return;
    }
    if (v instanceof Call) {
      this.put(`${v.callee}(`);
      v.args.forEach((a, i) => {
        if (i > 0) this.put(", ");
        this.value(a, at);
      });
      this.put(")");
      return;
    }
    if (v instanceof EnvValue) {
      this.envHelpers.add("env");
      const args = [v.name, v.kind, v.field, ...(v.defaultText === undefined ? [] : [v.defaultText])];
      this.put(`env(${args.map((a) => JSON.stringify(a)).join(", ")})`);
      return;
    }
    if (v instanceof EnvTemplateValue) {
      this.envHelpers.add("envTemplate");
      const parts = v.parts.map((p) =>
        typeof p === "string"
          ? JSON.stringify(p)
          : `{ env: ${JSON.stringify(p.env)}${p.default === undefined ? "" : `, default: ${JSON.stringify(p.default)}`} }`,
      );
      this.put(`envTemplate([${parts.join(", ")}], ${JSON.stringify(v.field)})`);
      return;
    }
    if (v instanceof ScriptValue) {
      this.scripts.set(v.name, v);
      this.put(v.name);
      return;
    }
    if (v instanceof CompiledSchemaValue) {
      this.schemas.set(v.name, v.code);
      this.put(v.name);
      return;
    }
    if (v instanceof ElValue) {
      for (const h of v.imports) this.elHelpers.add(h);
      // The compiled expression is one line of TypeScript; indent its continuation lines.
      const [first, ...rest] = v.code.split("\n");
      this.put(first ?? "");
      for (const line of rest) {
        this.newline();
        this.put(line);
      }
      return;
    }
    if (Array.isArray(v)) this.array(v, at);
    else this.object(v as Record<string, Printable>, at);
  }

  private array(items: readonly Printable[], at: SourceRef | undefined): void {
    if (items.length === 0) {
      this.put("[]");
      return;
    }
    if (items.every((i) => i === null || typeof i !== "object")) {
      const inline = items.map((i) => (i === undefined ? "undefined" : JSON.stringify(i))).join(", ");
      if (inline.length <= 80) {
        this.put(`[${inline}]`);
        return;
      }
    }
    this.put("[");
    this.indent++;
    items.forEach((item, i) => {
      this.newline();
      const itemAt = at ? { ...at, pointer: joinPointer(at.pointer, i) } : undefined;
      this.mark(itemAt);
      this.value(item, itemAt);
      this.put(",");
    });
    this.indent--;
    this.newline();
    this.put("]");
  }

  private object(obj: Record<string, Printable>, at: SourceRef | undefined): void {
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (keys.length === 0) {
      this.put("{}");
      return;
    }
    this.put("{");
    this.indent++;
    for (const key of keys) {
      this.newline();
      const keyAt = at ? { ...at, pointer: joinPointer(at.pointer, key) } : undefined;
      this.mark(keyAt);
      this.put(`${propertyName(key)}: `);
      this.value(obj[key], keyAt);
      this.put(",");
    }
    this.indent--;
    this.newline();
    this.put("}");
  }
}

// The typed syntax tree of one Gravitee EL expression (the SpEL subset Sluice compiles). Every node
// keeps `start`/`end` character offsets into the *whole* spec string (template text included), so a
// problem found while type-checking or emitting can point at the exact characters in the YAML scalar.

export interface Span {
  /** Offset of the first character of the node in the spec string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export type Expr =
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | Variable
  | Identifier
  | Property
  | Index
  | MethodCall
  | FunctionCall
  | Unary
  | Binary
  | Ternary
  | Elvis
  | TypeReference
  | InlineList
  | Selection;

export interface StringLiteral extends Span {
  kind: "string";
  value: string;
  /** `'` or `"`: needed to map an offset inside `value` back to the source (doubled quotes). */
  quote: "'" | '"';
}

export interface NumberLiteral extends Span {
  kind: "number";
  value: number;
}

export interface BooleanLiteral extends Span {
  kind: "boolean";
  value: boolean;
}

export interface NullLiteral extends Span {
  kind: "null";
}

/** `#request`, `#context`, … — a SpEL variable reference. */
export interface Variable extends Span {
  kind: "variable";
  name: string;
}

/** A bare name at the start of an expression (`request` without `#`): SpEL reads it from the root object. */
export interface Identifier extends Span {
  kind: "identifier";
  name: string;
}

/** `object.name`, or `object?.name` (`safe`: null when the object is null, SpEL's safe navigation). */
export interface Property extends Span {
  kind: "property";
  object: Expr;
  name: string;
  nameStart: number;
  safe: boolean;
}

/** `object[index]`. */
export interface Index extends Span {
  kind: "index";
  object: Expr;
  index: Expr;
}

/** `object.name(args)`, or `object?.name(args)` (`safe`). */
export interface MethodCall extends Span {
  kind: "call";
  object: Expr;
  name: string;
  nameStart: number;
  args: Expr[];
  safe: boolean;
}

/** `T(java.lang.Math)`: a class, only usable as the receiver of its static methods. */
export interface TypeReference extends Span {
  kind: "type";
  /** The class name as written (`Math`, `java.util.UUID`). */
  name: string;
}

/** `{'GET', 'POST'}`: an inline list. */
export interface InlineList extends Span {
  kind: "list";
  items: Expr[];
}

/** `list.?[condition]` (selection) or `list.![expression]` (projection); `#this` is the element. */
export interface Selection extends Span {
  kind: "selection";
  operator: ".?[" | ".![";
  object: Expr;
  body: Expr;
}

/** `#name(args)` — a registered SpEL function such as `#jsonPath`. */
export interface FunctionCall extends Span {
  kind: "function";
  name: string;
  args: Expr[];
}

export type UnaryOperator = "!" | "-" | "+";

export interface Unary extends Span {
  kind: "unary";
  operator: UnaryOperator;
  operand: Expr;
}

/** Word forms (`eq`, `and`, …) are normalised to their symbols by the parser. */
export type BinaryOperator =
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "matches"
  | "&&"
  | "||"
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "^"
  | "instanceof"
  | "between";

export interface Binary extends Span {
  kind: "binary";
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
  /** Where the operator itself is written, for errors about the operation. */
  operatorSpan: Span;
}

export interface Ternary extends Span {
  kind: "ternary";
  condition: Expr;
  whenTrue: Expr;
  whenFalse: Expr;
}

/** `value ?: fallback` — SpEL's Elvis operator. */
export interface Elvis extends Span {
  kind: "elvis";
  value: Expr;
  fallback: Expr;
}

/** A spec string split into literal text and `{#…}` blocks. */
export type TemplatePart =
  | { kind: "text"; text: string; start: number }
  | { kind: "block"; expr: Expr; start: number; end: number };

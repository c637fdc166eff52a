// The contract of a check rule: one rule a file under ./rules, the file name is the rule's id and
// the diagnostic code it reports. Per-API rules see one document; repository rules see them all.
import type { LoadedDocument, SupportedKind } from "../load/load-specs.ts";
import type { Obj } from "./spec-view.ts";

export interface Finding {
  pointer: string;
  message: string;
  hint?: string;
  /** Point at the property's key instead of its value. */
  key?: boolean;
  offset?: number;
  /** Other places that matter; in another document when `doc` is given. */
  related?: Array<{ message: string; pointer: string; doc?: LoadedDocument }>;
}

export interface ApiRule {
  code: string;
  severity: "error" | "warning";
  kinds: readonly SupportedKind[];
  /** Reports through `report`, with pointers into the document. */
  check(api: { spec: Obj; doc: LoadedDocument }, report: (f: Finding) => void): void;
}

export interface RepositoryRule {
  code: string;
  severity: "error" | "warning";
  check(docs: readonly LoadedDocument[], report: (doc: LoadedDocument, f: Finding) => void): void;
}

export function defineApiRule(rule: ApiRule): ApiRule {
  return rule;
}

export function defineRepositoryRule(rule: RepositoryRule): RepositoryRule {
  return rule;
}

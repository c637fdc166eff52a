// The compiler's front half as one call: load → validate → check → model. Building the model is
// part of checking because it compiles every EL expression: a malformed one is a spec error that
// `sluice check` must report too. Returns data; only the CLI prints or sets exit codes.
import { checkSpecs } from "./check/check-specs.ts";
import { unimplementedFields } from "./check/unimplemented-fields.ts";
import { type LocalPolicies, localPoliciesDir, readLocalPolicies } from "./connectors/local-policies.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { type LoadCache, type LoadedDocument, type LoadInput, loadSpecs } from "./load/load-specs.ts";
import type { SourceSet } from "./load/source-set.ts";
import {
  buildModel,
  checkExpressions,
  type ModelCache,
  usesMessageSchemas,
  usesXmlSchemas,
} from "./model/build-model.ts";
import type { GatewayModel } from "./model/model.ts";
import { validateSpec } from "./validate/validate-spec.ts";

export interface CheckResult {
  sources: SourceSet;
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
  /** Documents that passed schema validation and every rule: safe to build a model from. */
  valid: LoadedDocument[];
  /** The model of the valid documents; undefined when any document has an error. */
  model?: GatewayModel;
  /** The repository's own policies (policies/ beside the specs). */
  localPolicies: LocalPolicies;
}

/**
 * What checking a repository can reuse from the previous check in the same process (watch mode):
 * the documents of unchanged files, and their schema diagnostics and models. The rules, which
 * look across documents, run every time.
 */
export class CheckCache {
  readonly load: LoadCache = new Map();
  readonly validation = new WeakMap<LoadedDocument, Diagnostic[]>();
  readonly models: ModelCache = new WeakMap();
}

export async function checkRepository(input: LoadInput, cache?: CheckCache): Promise<CheckResult> {
  const loaded = await loadSpecs(input, cache?.load);
  const localPolicies = readLocalPolicies(localPoliciesDir(input), input.cwd);
  for (const file of localPolicies.sources.values()) loaded.sources.add(file);
  const diagnostics = [...loaded.diagnostics, ...localPolicies.diagnostics];
  const failed = new Set<LoadedDocument>();
  // A repository with its own policies: validated against the schemas assembled with them (not
  // cached across checks, since the policies may change).
  const validation = localPolicies.schemas ? undefined : cache?.validation;
  for (const doc of loaded.documents) {
    let found = validation?.get(doc);
    if (!found) {
      found = validateSpec(doc, localPolicies.schemas);
      validation?.set(doc, found);
    }
    if (found.length > 0) failed.add(doc);
    diagnostics.push(...found);
  }
  // A value the schema already rejected (an enum typo) is reported once, by the schema.
  const schemaPlaces = new Set(diagnostics.map((d) => `${d.at.file}#${d.at.doc}#${d.at.pointer}`));
  const ruleDiagnostics = checkSpecs(loaded.documents).filter(
    (d) =>
      !schemaPlaces.has(`${d.at.file}#${d.at.doc}#${d.at.pointer.replace(/\/type$|\/qos$/, "")}`) &&
      !schemaPlaces.has(`${d.at.file}#${d.at.doc}#${d.at.pointer}`),
  );
  diagnostics.push(...ruleDiagnostics);
  // The documents at each file#doc, so an error finds its document without a scan of them all.
  const byPlace = new Map<string, LoadedDocument[]>();
  for (const doc of loaded.documents) {
    const place = `${doc.at.file}#${doc.at.doc}`;
    const list = byPlace.get(place);
    if (list) list.push(doc);
    else byPlace.set(place, [doc]);
  }
  for (const d of ruleDiagnostics) {
    if (d.severity !== "error") continue;
    for (const doc of byPlace.get(`${d.at.file}#${d.at.doc}`) ?? []) failed.add(doc);
  }
  const valid = loaded.documents.filter((d) => !failed.has(d));
  // Valid fields the runtime ignores: warnings on their keys (schema-valid documents only).
  for (const doc of valid) diagnostics.push(...unimplementedFields(doc));
  // Documents with other errors get no model, but their expressions are still checked.
  for (const doc of loaded.documents) if (failed.has(doc)) diagnostics.push(...checkExpressions(doc));
  const result: CheckResult = {
    sources: loaded.sources,
    documents: loaded.documents,
    diagnostics,
    valid,
    localPolicies,
  };
  // The schema parsers of avro-json, protobuf-json and html-json load only for specs that use them.
  const messageSchemas = valid.some(usesMessageSchemas)
    ? (await import("./model/message-schemas.ts")).checkMessageSchemas
    : undefined;
  // libxml2 (xml-validation's XSD processor) loads only for specs that use the policy.
  const xmlSchemas = valid.some(usesXmlSchemas)
    ? (await import("./model/xml-schemas.ts")).checkXmlSchema
    : undefined;
  const built = buildModel(valid, cache?.models, {
    cwd: input.cwd,
    ...(messageSchemas ? { messageSchemas } : {}),
    ...(xmlSchemas ? { xmlSchemas } : {}),
  });
  diagnostics.push(...built.diagnostics);
  if (!hasErrors(diagnostics)) result.model = built.model;
  return result;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

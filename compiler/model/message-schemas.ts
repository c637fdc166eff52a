// The schemas of the message conversions (avro-json, protobuf-json) and html-json's selectors,
// checked at compile time with the runtime's own parsers: a `schemaFile` is read relative to the
// spec's folder and inlined as `schemaDefinition` (the gateway reads no repository file), every
// schema is parsed (and protobuf's `messageType` looked up), and a `schema-registry` location is
// reported as not implemented. Problems are diagnostics on the field's line.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { parseAvroSchema } from "../../runtime/policies/avro-json/avro.ts";
import { checkSelector } from "../../runtime/policies/html-json/html.ts";
import { messageByName, parseProtoSchema } from "../../runtime/policies/protobuf-json/proto.ts";
import { obj, str } from "../check/spec-view.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

type Report = (diagnostic: Omit<Diagnostic, "at"> & { pointer: string }) => void;

/** The policies whose configuration this module checks. */
export const MESSAGE_SCHEMA_POLICIES: ReadonlySet<string> = new Set([
  "avro-json",
  "protobuf-json",
  "html-json",
]);

/**
 * Checks `raw` (the step's configuration as written) and completes `out` (its model value): a
 * `schemaFile` becomes the `schemaDefinition` it holds.
 */
export function checkMessageSchemas(
  policy: string,
  raw: unknown,
  out: unknown,
  pointer: string,
  specFile: string,
  /** The repository (the parent of the specs' folder): schema files must be inside it. */
  root: string,
  report: Report,
): void {
  const config = obj(raw);
  if (policy === "html-json") {
    (Array.isArray(config.selectors) ? config.selectors : []).forEach((s, i) => {
      const selector = str(obj(s).selector);
      if (selector === undefined) return;
      try {
        checkSelector(selector);
      } catch (error) {
        report({
          code: "policy/invalid-selector",
          severity: "error",
          message: `invalid selector \`${selector}\`: ${(error as Error).message}`,
          hint: "CSS selectors, with jsoup's :contains(), :matches(), :has(), :eq(n), :lt(n), :gt(n)",
          pointer: `${pointer}/selectors/${i}/selector`,
        });
      }
    });
    return;
  }
  const sides =
    policy === "avro-json"
      ? [
          {
            location: config,
            inline: config,
            inlinePointer: pointer,
            out: obj(out),
            locationPointer: pointer,
          },
        ]
      : (["protobufIn", "protobufOut"] as const)
          .filter((side) => (config.conversion === "json-to-protobuf") === (side === "protobufOut"))
          .map((side) => {
            const key = side === "protobufIn" ? "inlineIn" : "inlineOut";
            return {
              location: obj(config[side]),
              inline: obj(obj(config[side])[key]),
              inlinePointer: `${pointer}/${side}/${key}`,
              locationPointer: `${pointer}/${side}`,
              out: obj(obj(obj(out)[side])[key]),
            };
          });
  for (const side of sides) {
    if (side.location.schemaLocation === "schema-registry") {
      report({
        code: "compile/not-implemented",
        severity: "error",
        message: "a schema registry resource as the schema location is not implemented by the Sluice runtime",
        hint: "set `schemaLocation: inline` with the registry's schema in `schemaDefinition`, or in a file of the repository named by `schemaFile`",
        pointer: `${side.locationPointer}/schemaLocation`,
      });
      continue;
    }
    const file = str(side.inline.schemaFile);
    let text = str(side.inline.schemaDefinition);
    let at = `${side.inlinePointer}/schemaDefinition`;
    if (file !== undefined) {
      at = `${side.inlinePointer}/schemaFile`;
      if (text !== undefined) {
        report({
          code: "policy/invalid-message-schema",
          severity: "error",
          message: "`schemaFile` and `schemaDefinition` are both set",
          hint: "keep one of them",
          pointer: at,
        });
        continue;
      }
      const path = resolve(dirname(specFile), file);
      const inside = relative(root, path);
      if (isAbsolute(file) || inside.startsWith("..") || isAbsolute(inside)) {
        report({
          code: "policy/invalid-message-schema",
          severity: "error",
          message: `\`${file}\` is outside the repository`,
          hint: "name a file of the repository, relative to the folder of the spec file",
          pointer: at,
        });
        continue;
      }
      try {
        text = readFileSync(path, "utf8");
      } catch {
        report({
          code: "policy/invalid-message-schema",
          severity: "error",
          message: `no readable schema file at \`${path}\``,
          hint: "the path is relative to the folder of the spec file",
          pointer: at,
        });
        continue;
      }
      delete side.out.schemaFile;
      side.out.schemaDefinition = text;
    }
    if (text === undefined) {
      report({
        code: "policy/invalid-message-schema",
        severity: "error",
        message: "the policy has no schema: set `schemaDefinition` or `schemaFile`",
        pointer: side.inlinePointer,
      });
      continue;
    }
    try {
      if (policy === "avro-json") parseAvroSchema(text);
      else {
        const keepCase = obj(config.json).preservingProtoFieldNames === true;
        const schema = parseProtoSchema(text, keepCase);
        const messageType = str(side.inline.messageType);
        if (messageType !== undefined) {
          try {
            messageByName(schema, messageType);
          } catch (error) {
            report({
              code: "policy/invalid-message-schema",
              severity: "error",
              message: (error as Error).message,
              pointer: `${side.inlinePointer}/messageType`,
            });
          }
        }
      }
    } catch (error) {
      report({
        code: "policy/invalid-message-schema",
        severity: "error",
        message: `${file !== undefined ? `${file}: ` : ""}${(error as Error).message}`,
        hint: "the schema is parsed at compile time; fix it here",
        pointer: at,
      });
    }
  }
}

// Every GKO manifest of the Gravitee corpus validates as-is, except the ones with real mistakes
// (which Gravitee silently ignores and Sluice reports), which must fail exactly where the mistake is.
// The manifests are verbatim copies of ../shared/gravitee-corpus (see SOURCES.md there).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { compileSchemas, type ErrorSummary, errorsOf } from "./ajv.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "gravitee-corpus");
const SHARED_CORPUS = join(import.meta.dirname, "..", "..", "..", "shared", "gravitee-corpus");
const GKO_FILE = /^gko.*\.ya?ml$/;

interface KnownMistake {
  why: string;
  errors: ErrorSummary[];
  /** Fixes the mistake; the document must then be valid, so the listed errors are the only ones. */
  fix: (doc: Record<string, unknown>) => void;
}

const mockMessagesCount: KnownMistake = {
  why: "the mock endpoint's key is `messageCount`; Gravitee ignores `messagesCount`, so the mock never stops",
  errors: [
    {
      instancePath: "/spec/endpointGroups/0/endpoints/0/configuration",
      keyword: "additionalProperties",
      params: { additionalProperty: "messagesCount" },
    },
  ],
  fix: (doc) => {
    const config = at(doc, ["spec", "endpointGroups", 0, "endpoints", 0, "configuration"]);
    config.messageCount = config.messagesCount;
    delete config.messagesCount;
  },
};

const KNOWN_MISTAKES: Record<string, KnownMistake> = {
  "v4/gko-e2e_apiv4definition_message_sse-webhook_mock.yaml": mockMessagesCount,
  "v4/gko-e2e_apiv4definition_message_channel-flow-publish-policy.yaml": mockMessagesCount,
};

function at(value: unknown, path: Array<string | number>): Record<string, unknown> {
  let v = value;
  for (const p of path) v = (v as Record<string | number, unknown>)[p];
  return v as Record<string, unknown>;
}

function corpusFiles(dir: string): string[] {
  return ["v4", "v2"].flatMap((sub) =>
    readdirSync(join(dir, sub))
      .filter((f) => GKO_FILE.test(f))
      .sort()
      .map((f) => `${sub}/${f}`),
  );
}

function documents(file: string): Array<Record<string, unknown>> {
  return parseAllDocuments(readFileSync(join(FIXTURES, file), "utf8"))
    .map((d) => {
      expect(d.errors, file).toEqual([]);
      return d.toJS() as Record<string, unknown> | null;
    })
    .filter((d): d is Record<string, unknown> => d !== null);
}

const validators = compileSchemas();

describe("Gravitee corpus (GKO manifests)", () => {
  const files = corpusFiles(FIXTURES);

  it("has every GKO manifest of the shared corpus, byte for byte", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    if (!existsSync(SHARED_CORPUS)) return; // CI without the shared checkout: the copies stand alone.
    expect(files).toEqual(corpusFiles(SHARED_CORPUS));
    for (const f of files) {
      expect(readFileSync(join(FIXTURES, f), "utf8"), f).toBe(readFileSync(join(SHARED_CORPUS, f), "utf8"));
    }
  });

  it("lists only known mistakes that exist", () => {
    for (const f of Object.keys(KNOWN_MISTAKES)) expect(files).toContain(f);
  });

  it.each(files)("%s", (file) => {
    const docs = documents(file);
    expect(docs.length).toBeGreaterThan(0);
    const mistake = KNOWN_MISTAKES[file];
    for (const doc of docs) {
      const validate = validators[doc.kind as "ApiV4Definition" | "ApiDefinition"];
      expect(validate, `unexpected kind ${String(doc.kind)}`).toBeDefined();
      if (!mistake) {
        expect(errorsOf(validate, doc)).toEqual([]);
        continue;
      }
      expect(errorsOf(validate, doc), mistake.why).toEqual(mistake.errors);
      mistake.fix(doc);
      expect(errorsOf(validate, doc)).toEqual([]);
    }
  });
});

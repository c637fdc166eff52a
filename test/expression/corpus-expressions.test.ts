// Every EL expression of the Gravitee files users bring (./corpus-expressions.ts) compiles as it
// sits there (condition or template), and evaluates to Gravitee's value over the requests whose
// result Gravitee's semantics fix. The compiled code is written to a module and imported, as the
// gateway loads it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileCondition, compileTemplate } from "../../compiler/expression/compile-expression.ts";
import { type ElContext, elMultiMap } from "../../runtime/el.ts";
import { CORPUS_EXPRESSIONS, type CorpusRequest } from "./corpus-expressions.ts";
import { removeDirectory, scratchDirectory, writeModule } from "./emitted-module.ts";

function context(request: CorpusRequest): ElContext {
  return {
    request: {
      id: "r",
      transactionId: "t",
      method: "GET",
      scheme: "http",
      host: "localhost",
      path: "/",
      pathInfo: "/",
      contextPath: "/",
      uri: "/",
      remoteAddress: "127.0.0.1",
      headers: elMultiMap(request.headers ?? {}, true),
      params: elMultiMap(request.params ?? {}),
      pathParams: elMultiMap({}),
      ...(request.timestamp === undefined ? {} : { timestamp: request.timestamp }),
    },
    ...(request.status === undefined
      ? {}
      : { response: { status: request.status, headers: elMultiMap({}) } }),
    context: { attributes: {} },
    properties: {},
  };
}

let directory = "";
let compiled: Record<string, (ctx: ElContext) => unknown> = {};

beforeAll(async () => {
  directory = scratchDirectory("corpus-el");
  const functions = CORPUS_EXPRESSIONS.map((item, i) => {
    const result = item.kind === "condition" ? compileCondition(item.source) : compileTemplate(item.source);
    if (!result.ok) throw new Error(`${item.origin} ${item.at}: ${result.error.message}`);
    return { name: String(i), code: result.code, imports: result.imports };
  });
  const path = writeModule(directory, functions);
  compiled = ((await import(path)) as { compiled: typeof compiled }).compiled;
});

afterAll(() => removeDirectory(directory));

describe("the corpus's expressions", () => {
  it.each(CORPUS_EXPRESSIONS.map((item, i) => [`${item.origin} ${item.at}`, i] as const))(
    "%s compiles where it sits and gives Gravitee's values",
    (_, i) => {
      const item = CORPUS_EXPRESSIONS[i]!;
      const fn = compiled[String(i)]!;
      expect(item.values.length).toBeGreaterThan(0);
      for (const { request, expected, why } of item.values) {
        expect([why, fn(context(request))]).toEqual([why, expected]);
      }
    },
  );
});

// A new user's first expressions: every example of Gravitee's Expression Language page
// (documentation.gravitee.io/apim/4.10/gravitee-expression-language), copied as written. Each either
// compiles, or is a compile error whose message says why — where Gravitee itself would fail or read
// it as text, or where Sluice does not compile the feature (docs/expression-language.md).
import { describe, expect, it } from "vitest";
import {
  type CompileResult,
  compileCondition,
  compileTemplate,
} from "../../compiler/expression/compile-expression.ts";

type Outcome = "compiles" | { error: string };

/** [as written on the page, how it is used there, outcome]. */
const EXAMPLES: ReadonlyArray<readonly [string, "template" | "condition", Outcome]> = [
  ["{#api.id}", "template", "compiles"],
  ["{#api.name}", "template", "compiles"],
  ["{#api.version}", "template", "compiles"],
  ["{#request.headers['Content-Type']}", "template", "compiles"],
  ["{#request.params['userId']}", "template", "compiles"],
  ["{#request.path}", "template", "compiles"],
  ["{#request.method}", "template", "compiles"],
  ["{#request.content}", "template", "compiles"],
  ["{#response.status}", "template", "compiles"],
  ["{#response.headers['Content-Type']}", "template", "compiles"],
  ["{#response.content}", "template", "compiles"],
  ["{#message.id}", "template", "compiles"],
  ["{#message.content}", "template", "compiles"],
  ["{#message.metadata['key']}", "template", "compiles"],
  ["{#node.id}", "template", { error: "#node is not supported" }],
  ["{#context.attributes['user'].email}", "template", "compiles"],
  ["{#request.headers.my-header}", "template", { error: "" }],
  ["{#request.headers['my-header']}", "template", "compiles"],
  ["{({'admin', 'writer'})}", "template", "compiles"],
  [
    "{#jsonPath(#request.content, \"$.store.book[?(@.title=='The Lord of the Rings')].price\")}",
    "template",
    { error: "Wildcards, filters, slices and unions are not supported" },
  ],
  ["{#request.jsonContent.foo.bar}", "template", "compiles"],
  ["{#request.xmlContent.foo.bar}", "template", { error: "#xpath(#request.content" }],
  ["{#api.properties['my-property']}", "template", "compiles"],
  ["{#api.properties['my-secret']}", "template", "compiles"],
  ["{#dictionaries['my-dictionary-id']['dict-key']}", "template", "compiles"],
  ["{#endpoints['default']}", "template", "compiles"],
  ["{#request.headers['content-type']}", "template", "compiles"],
  ["{#request.paths[1]}", "template", "compiles"],
  ["{#context.attributes['user-id']}", "template", "compiles"],
  ["{#context.attributes['plan']}", "template", "compiles"],
  ["{#request.ssl.clientHost}", "template", "compiles"],
  ["{#request.ssl.client.dn}", "template", "compiles"],
  ["{#request.ssl.server.o}", "template", "compiles"],
  ["{#request.ssl.server.attributes['ou'][0]}", "template", "compiles"],
  ["{#request.ssl.server.attributes['OU'][1]}", "template", "compiles"],
  ["{#request.ssl.server.attributes['Ou'][2]}", "template", "compiles"],
  ["{#request.ssl.client.attributes['1.2.3.4'][0]}", "template", "compiles"],
  ["{#request.ssl.client.defined}", "condition", "compiles"],
  ["{#message.headers['content-type']}", "template", "compiles"],
  ["{#message.contentLength}", "template", "compiles"],
  ["{#node.version}", "template", { error: "#node is not supported" }],
  ['{T(java.lang.Integer).parseInt("some_string")}', "template", "compiles"],
  [
    "{(\"\"+#jsonPath(#message.content, '$.customerId')).equals(\"\"+ #subscription.metadata['my_key'])}",
    "condition",
    "compiles",
  ],
  // Gravitee reads this one as text (a block opens with {#, {T or {(): as a condition it is refused.
  [
    "{\"PARTNER\".equals(#subscription.metadata['clientType'])}",
    "condition",
    { error: "Gravitee reads this as text" },
  ],
  ["{(\"PARTNER\".equals(#subscription.metadata['clientType']))}", "condition", "compiles"],
  ["{(\"PARTNER\").equals(#subscription.metadata['clientType'])}", "condition", "compiles"],
  ["{#subscription.metadata['clientType'].equals(\"PARTNER\")}", "condition", "compiles"],
  ["{#application.metadata['some_key']}", "template", "compiles"],
  ["{#subscription.metadata['some_key']}", "template", "compiles"],
  ["{#request.headers['Test_Endpoints_header'][0] == 'test'}", "condition", "compiles"],
  ["{#response.status == 200}", "condition", "compiles"],
  // The page's tip forgets a '#': Gravitee fails on `request`, Sluice says so at compile time.
  [
    "{#request.headers['X-Custom-Header'] != null ? request.headers['X-Custom-Header'] : 'default-value'}",
    "template",
    { error: "Unknown name 'request'" },
  ],
  ["{#request.path.substring(0, 10)}", "template", "compiles"],
  // A header is a list of values in Gravitee: List has no toLowerCase(), SpEL fails.
  ["{#request.headers['User-Agent'].toLowerCase()}", "template", { error: "not supported on a list" }],
  ["{#request.headers['X-Optional-Header']?:'default'}", "template", "compiles"],
  // No such function in Gravitee's EL (its functions are #jsonPath and #xpath).
  [
    "{#dateFormat(#request.timestamp, 'yyyy-MM-dd HH:mm:ss')}",
    "template",
    { error: "Unknown function #dateFormat" },
  ],
];

const compile = (source: string, kind: "template" | "condition"): CompileResult =>
  kind === "condition" ? compileCondition(source) : compileTemplate(source);

describe("the examples of Gravitee's EL documentation", () => {
  it.each(EXAMPLES)("%s", (source, kind, outcome) => {
    const result = compile(source, kind);
    if (outcome === "compiles") {
      expect(result.ok ? "compiles" : result.error.message).toBe("compiles");
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(outcome.error);
    }
  });
});

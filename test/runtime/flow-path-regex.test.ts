// Flow paths as Java regular expressions (runtime/server/flow-path-regex.ts): the constructs Sluice
// refuses, with the offset in the path the error points at, and — where a JDK is installed (CI has
// one for the differential suite) — every path of the table run through Gravitee's own pattern
// construction in java.util.regex (test/runtime/java/PathPatternsCheck.java): Sluice agrees with Java
// on every request path, or refuses the flow path at compile time, and refuses every path Java does.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FlowPathRegexError, translateFlowPath } from "../../runtime/server/flow-path-regex.ts";
import { flowPathPattern } from "../../runtime/server/flows.ts";

const refusal = (path: string): { message: string; index: number } | undefined => {
  try {
    flowPathPattern(path, false);
    return undefined;
  } catch (e) {
    if (!(e instanceof FlowPathRegexError)) throw e;
    return { message: e.message, index: e.index };
  }
};

describe("flow paths Sluice refuses", () => {
  it.each([
    // What Java itself refuses: Gravitee fails the request; Sluice refuses to compile.
    ["/items/{id}", "illegal repetition", 7],
    ["/(unclosed", "unclosed group", 1],
    ["/a)", "unmatched `)`", 2],
    ["/[abc", "unclosed character class", 1],
    ["/(*)", "dangling `*`", 2],
    ["/a**", "dangling `*`", 3],
    ["/\\y", "illegal escape `\\y`", 1],
    ["/a{3,1}", "illegal repetition range", 2],
    ["/[z-a]", "illegal character range", 3],
    ["/(?<1a>x)", "group name `1a`", 1],
    ["/(?<a>x)(?<a>y)", "group name `a` used twice", 8],
    // What Java and JavaScript read differently.
    ["/a*+", "possessive quantifier `*+`", 2],
    ["/v1/a{2}+", "possessive quantifier `{2}+`", 5],
    ["/(?>a|ab)c", "atomic group", 1],
    ["/(?i)admin", "inline flag `(?i)`", 1],
    ["/(?i:admin)", "inline flag `(?i:`", 1],
    ["/\\p{Alpha}", "property class `\\p{…}`", 1],
    ["/\\pL", "property class", 1],
    ["/(a)\\1", "back reference `\\1`", 4],
    ["/(?<n>a)\\k<n>", "back reference `\\k<…>`", 8],
    ["/[a-z&&[^x]]", "intersection `&&`", 5],
    ["/[a[b]]", "union", 3],
    ["/[\\S]", "`\\S` inside a character class", 2],
    ["/(?<=a+)b", "unbounded repetition `+` in a look-behind", 6],
    ["/^*a", "quantifier on an anchor", 1],
    ["/\\R", "`\\R`", 1],
    ["/a\\b{g}", "boundary `\\b{…}`", 2],
    ["/x/[a/:id]", "`:name` segment inside a character class", 6],
  ] as const)("%s: %s", (path, message, index) => {
    const found = refusal(path);
    expect(found?.message).toContain(message);
    expect(found?.index).toBe(index);
  });

  it("translates Java's forms to JavaScript's", () => {
    expect(translateFlowPath("/\\Qa.b\\E").source).toBe("\\/a\\.b\\/?");
    expect(translateFlowPath("/[]a]").source).toBe("\\/[\\]a]\\/?");
    expect(translateFlowPath("/\\0101\\x42\\x{43}\\u0044\\cA").source).toBe("\\/ABCD\\u{1}\\/?");
    expect(translateFlowPath("/\\s\\h").source).toBe(
      "\\/[\\t\\n\\x0B\\f\\r ][ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]\\/?",
    );
    expect(translateFlowPath("/(?<name>a)(b)").source).toBe("\\/(?:a)(?:b)\\/?");
  });
});

/** A JDK 21 or newer (Gravitee's), or any JDK able to run a single-file program (17+). */
function findJava(): string | undefined {
  const candidates = [
    process.env.JAVA_HOME,
    ...(existsSync("/usr/lib/jvm") ? readdirSync("/usr/lib/jvm").map((d) => `/usr/lib/jvm/${d}`) : []),
  ];
  for (const home of candidates) if (home && existsSync(`${home}/bin/java`)) return `${home}/bin/java`;
  return undefined;
}

const PATHS = [
  "/admin",
  "/admin/",
  "/v1.0",
  "/(.*)/products",
  "/orders|/carts",
  "/v[0-9]+/items",
  "/items/\\d{3}",
  "/files/[^/]+\\.json",
  "/(?:a|b)/:id",
  "/\\Q(v1)\\E",
  "/a.b",
  "/a\\sb",
  "/a$",
  "/a\\Z",
  "/\\Aa\\z",
  "/x/:id/(y|z)?",
  "/[]a]x",
  "/[\\w-]+",
  "/(?=ab)a",
  "/a(?!b)",
  "/x(?<=x)y",
  "/a{2,}b",
  "/\\0101\\x42\\x{43}\\u0044",
  "/\\e\\a\\t",
  "/[a-c-]",
  "/\\hX\\vY",
  "/items/{id}",
  "/(unclosed",
  "/a**",
  "/\\y",
  "/(?<a>x)(?<a>y)",
  "/a*+",
  "/(?i)admin",
  "/\\p{Alpha}",
];
const REQUESTS = [
  "/",
  "/admin",
  "/admin/",
  "/administrator",
  "/v1.0/x",
  "/v1x0",
  "/shop/products",
  "/products",
  "/carts/1",
  "/x/carts",
  "/v12/items",
  "/items/123",
  "/items/1234",
  "/files/a.json",
  "/files/a/b.json",
  "/b/7",
  "/(v1)",
  "/a\u0085b",
  "/a b",
  "/a\u00a0b",
  "/a",
  "/a\u2028",
  "/a\n",
  "/x/7/y",
  "/x/7/",
  "/]x",
  "/ax",
  "/ab",
  "/xy",
  "/aab",
  "/ABCD",
  "/\u001b\u0007\t",
  "/-",
  "/\u00a0X\u2029Y",
  "/a\u{1F600}b",
];

describe.skipIf(!findJava())("flow paths against java.util.regex (Gravitee's PathPatterns)", () => {
  it("agrees on every request path, or refuses the flow path; refuses every path Java refuses", () => {
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
    const pairs = PATHS.flatMap((path) => REQUESTS.map((request) => [path, request] as const));
    const source = fileURLToPath(new URL("./java/PathPatternsCheck.java", import.meta.url));
    const out = execFileSync(findJava()!, [source], {
      input: pairs.map(([p, r]) => `${b64(p)} ${b64(r)}`).join("\n"),
      encoding: "utf8",
    }).split("\n");
    const disagreements: string[] = [];
    let compared = 0;
    pairs.forEach(([path, request], i) => {
      const java = out[i]!;
      let sluice: string;
      try {
        const prefix = flowPathPattern(path, false).regex.test(request);
        const whole = flowPathPattern(path, true).regex.test(request);
        sluice = `${prefix} ${whole}`;
      } catch (e) {
        if (!(e instanceof FlowPathRegexError)) throw e;
        return; // refused at compile time: never runs
      }
      compared++;
      if (java !== sluice)
        disagreements.push(`${path} on ${JSON.stringify(request)}: java ${java} · sluice ${sluice}`);
    });
    expect(disagreements).toEqual([]);
    // The table exercises both sides: most pairs run, and Java's refusals are all refused too.
    expect(compared).toBeGreaterThan(800);
    const javaRefuses = PATHS.filter((_, i) => out[i * REQUESTS.length]!.startsWith("ERR"));
    expect(javaRefuses.length).toBeGreaterThan(4);
    for (const path of javaRefuses) expect(refusal(path), path).toBeDefined();
  }, 60_000);
});

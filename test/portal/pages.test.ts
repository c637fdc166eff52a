// Documentation pages as the portal publishes them: inline Markdown and a file beside the spec are
// rendered (and sanitised), unpublished and PRIVATE pages are left out, a network fetcher and a
// missing file are located warnings, and `sluice docs` writes the whole site.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../compiler/cli/main.ts";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { buildSite, collectApiDocs } from "../../compiler/docs/build-site.ts";
import { type CheckResult, checkRepository } from "../../compiler/pipeline.ts";
import { writeRepository } from "../helpers/gateway.ts";

const SPEC = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata: { name: books }
spec:
  name: Books
  description: Read the <b>catalogue</b>
  version: "1.0"
  type: PROXY
  listeners:
    - type: HTTP
      paths: [{ path: /books }]
      entrypoints: [{ type: http-proxy }]
  endpointGroups:
    - name: g
      type: http-proxy
      endpoints: [{ name: e, type: http-proxy, configuration: { target: "http://127.0.0.1:9" } }]
  flows:
    - name: one book
      selectors: [{ type: HTTP, path: /:isbn, pathOperator: EQUALS, methods: [GET] }]
  plans:
    keys: { name: Keys, security: { type: API_KEY } }
  pages:
    home:
      name: Welcome
      type: MARKDOWN
      published: true
      homepage: true
      content: |
        # Welcome
        Hello <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">
    guide:
      name: Guide
      type: MARKDOWN
      published: true
      source: { type: file, configuration: { path: docs/guide.md } }
    remote:
      name: Remote
      type: MARKDOWN
      published: true
      source:
        type: github-fetcher
        configuration: { owner: acme, repository: books, filepath: README.md }
    lost:
      name: Lost
      type: MARKDOWN
      published: true
      source: { type: file, configuration: { path: nowhere.md } }
    draft: { name: Draft, type: MARKDOWN, published: false, content: "draft text" }
    secret: { name: Secret, type: MARKDOWN, published: true, visibility: PRIVATE, content: "secret text" }
`;

let dir: string;
let result: CheckResult;

beforeAll(async () => {
  dir = await writeRepository({
    "books.yaml": SPEC,
    "docs/guide.md": "## Borrowing\n\nTwo weeks, *renewable*.\n",
  });
  result = await checkRepository({ target: join(dir, "apis"), allowEmpty: false });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("documentation pages", () => {
  it("a network fetcher and a missing file are located warnings, nothing else", () => {
    const found = result.diagnostics
      .map((d) => locateDiagnostic(result.sources, d))
      .map((d) => `${d.severity} ${d.code}@${d.line}:${d.column}`)
      .sort();
    // `type: github-fetcher` (line 41) and the missing file's path (line 47).
    expect(found).toEqual(["warning page/file-missing@47:52", "warning page/source-skipped@41:15"]);
  });

  it("publishes inline and file pages, rendered and sanitised; leaves the others out", () => {
    const apis = collectApiDocs(result.model!, result.valid, { gatewayUrl: "http://gw.example:8082" });
    expect(apis[0]?.pages.map((p) => p.key)).toEqual(["guide", "home"]);
    const files = new Map(
      buildSite(apis, { gatewayUrl: "http://gw.example:8082" }).map((f) => [f.path, f.text]),
    );
    const index = files.get("apis/books/index.html")!;
    expect(index).toContain("<h1>Welcome</h1>");
    expect(index).not.toMatch(/<script>alert|javascript:|onerror/);
    expect(index).toContain("Read the &#60;b&#62;catalogue&#60;/b&#62;");
    expect(index).toContain("<code>/books/{isbn}</code>");
    expect(index).toContain('value="http://gw.example:8082/books/{isbn}"');
    expect(files.get("apis/books/pages/guide.html")).toContain(
      "<h2>Borrowing</h2>\n<p>Two weeks, <em>renewable</em>.</p>",
    );
    expect([...files.keys()].filter((p) => p.startsWith("apis/books/pages/"))).toEqual([
      "apis/books/pages/guide.html",
    ]);
    const all = [...files.values()].join("\n");
    expect(all).not.toContain("draft text");
    expect(all).not.toContain("secret text");
    const openapi = JSON.parse(files.get("apis/books/openapi.json")!);
    expect(openapi.paths["/books/{isbn}"].parameters).toEqual([
      { name: "isbn", in: "path", required: true, schema: { type: "string" } },
    ]);
  });

  it("`sluice docs DIR --out OUT` writes the site and exits 0", async () => {
    const out = await mkdtemp(join(tmpdir(), "sluice-site-"));
    await writeFile(join(out, "stale.html"), "from a previous run");
    const printed: string[] = [];
    const io = { out: (s: string) => printed.push(s), err: (s: string) => printed.push(s) };
    const code = await main(["docs", join(dir, "apis"), "--out", out], io);
    expect(code).toBe(0);
    expect(printed.join("\n")).toMatch(/developer portal for 1 API \(2 pages\)/);
    expect(await readFile(join(out, "index.html"), "utf8")).toContain('data-api="books"');
    await expect(readFile(join(out, "stale.html"), "utf8")).rejects.toThrow();
    await expect(readFile(join(out, "assets", "try-it.js"), "utf8")).resolves.toContain("fetch(");
    await rm(out, { recursive: true, force: true });
  });
});

describe("pages of a Management API export", () => {
  it("are imported as GKO pages (folders by key, links dropped with a note) and published", async () => {
    const exported = {
      api: {
        definitionVersion: "V4",
        id: "api-1",
        name: "Echo",
        apiVersion: "1.0",
        type: "PROXY",
        listeners: [{ type: "HTTP", paths: [{ path: "/echo" }], entrypoints: [{ type: "http-proxy" }] }],
        endpointGroups: [
          {
            name: "g",
            type: "http-proxy",
            endpoints: [{ name: "e", type: "http-proxy", configuration: { target: "http://127.0.0.1:9" } }],
          },
        ],
      },
      plans: [{ id: "p", name: "Open", security: { type: "KEY_LESS" }, status: "PUBLISHED" }],
      pages: [
        { id: "root", name: "Root", type: "ROOT" },
        { id: "f1", name: "Guides", type: "FOLDER", published: true, order: 1, parentId: "root" },
        {
          id: "m1",
          name: "Getting started",
          type: "MARKDOWN",
          content: "# Start\n\nCall `/echo`.",
          published: true,
          parentId: "f1",
          createdAt: "2024-09-13T07:00:07.874Z",
          accessControls: [],
        },
        { id: "l1", name: "Status page", type: "LINK", published: true },
      ],
    };
    const { importApis } = await import("../../compiler/import/import-apis.ts");
    const imported = await importApis([{ path: "export.json", text: JSON.stringify(exported) }]);
    const text = imported.apis[0]?.text ?? "";
    expect(text).toContain("page `Status page` of type LINK dropped");
    const repo = await writeRepository({ "echo.yaml": text });
    try {
      const checked = await checkRepository({ target: join(repo, "apis"), allowEmpty: false });
      expect(checked.diagnostics.filter((d) => d.code !== "compile/not-implemented")).toEqual([]);
      const apis = collectApiDocs(checked.model!, checked.valid, { gatewayUrl: "http://localhost:8082" });
      expect(apis[0]?.pages.map((p) => [p.key, p.type, p.parent])).toEqual([
        ["getting-started", "MARKDOWN", "guides"],
        ["guides", "FOLDER", undefined],
      ]);
      const files = new Map(
        buildSite(apis, { gatewayUrl: "http://localhost:8082" }).map((f) => [f.path, f.text]),
      );
      expect(files.get("apis/echo/pages/getting-started.html")).toContain("<h1>Start</h1>");
      expect(files.get("apis/echo/index.html")).toMatch(
        /<li class="folder">Guides<ul><li><a [^>]+>Getting started</,
      );
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});

// Emits the gateway around the API modules: `link.ts` (where generated code meets runtime/: the
// connectors, policies and helpers the APIs use, each named once), `gateway.ts` (the bundle:
// version, route table with explicit precedence, the APIs), `main.ts` (the process entry the
// bundler starts from; besides link.ts it imports only runtime/server/node-flags.ts, which runs
// before anything is loaded) and the `tsconfig.json` that type-checks the output with the
// repository's strict settings. The link module is also the seam of the build: it is bundled on
// its own (runtime + npm packages, cached) and the API modules beside it (../build/bundle.ts).
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { StructureKind } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { XML_HELPER_PREFIX } from "../expression/ts-build.ts";
import type { ApiModel, GatewayModel } from "../model/model.ts";
import { compare } from "../shared/compare.ts";
import type { ConnectorModule, ConnectorResolver } from "./connectors.ts";
import { BANNER, type EmittedModule, emitApi, type Links, withNewline } from "./emit-api.ts";
import { printStructureOnce } from "./print-structure.ts";
import { ValuePrinter } from "./print-value.ts";

export interface EmitOptions {
  /** Absolute paths: where output goes and where runtime/ is. */
  outDir: string;
  runtimeDir: string;
  /** Absolute path of node_modules/@types, for the generated tsconfig. */
  typesDir: string;
  version: string;
  /**
   * The repository has its own policies (policies/<id>/): they import the runtime as `sluice/runtime`,
   * which the generated tsconfig maps to runtime/index.ts (so it resolves wherever Sluice is).
   */
  localPolicies?: boolean;
}

export interface EmitResult {
  modules: EmittedModule[];
  diagnostics: Diagnostic[];
}

/** Emitted API modules by model, with the diagnostics emitting them gave (watch mode reuses them). */
export type EmitCache = WeakMap<ApiModel, { emitted: ReturnType<typeof emitApi>; diagnostics: Diagnostic[] }>;

export function emitGateway(
  model: GatewayModel,
  resolver: ConnectorResolver,
  options: EmitOptions,
  cache?: EmitCache,
): EmitResult {
  const diagnostics: Diagnostic[] = [];
  const emitted = model.apis.map((api) => {
    let hit = cache?.get(api);
    if (!hit) {
      const found: Diagnostic[] = [];
      hit = { emitted: emitApi(api, resolver, "../link.js", found), diagnostics: found };
      cache?.set(api, hit);
    }
    diagnostics.push(...hit.diagnostics);
    return hit.emitted;
  });
  const apiModules = emitted.flatMap((e) => [e.module, ...e.extra]);
  const version = `${options.version}+${createHash("sha256")
    .update(model.apis.map((a) => `${a.id}:${a.hash}`).join("\n"))
    .digest("hex")
    .slice(0, 12)}`;
  const runtime = posix(relative(options.outDir, options.runtimeDir));
  const link = emitLink(
    emitted.map((e) => e.links),
    runtime,
    options.outDir,
  );
  const routes = new ValuePrinter().write(
    model.routes.map((r) =>
      r.host ? { host: r.host, path: r.path, api: r.api } : { path: r.path, api: r.api },
    ),
  );
  // The API modules are bundled in CHUNKS groups (../build/bundle.ts): a chunk module re-exports
  // its APIs; gateway.ts imports them from the chunks.
  const chunks = new Map<string, ApiModel[]>();
  for (const api of model.apis) {
    const name = chunkOf(api.id);
    chunks.set(name, [...(chunks.get(name) ?? []), api]);
  }
  const chunkModules: EmittedModule[] = [...chunks].map(([name, apis]) => ({
    path: `chunks/${name}.ts`,
    text: withNewline(
      printStructureOnce({
        kind: StructureKind.SourceFile,
        leadingTrivia: `${BANNER("the API repository")}// A chunk: these APIs are bundled together into dist/chunks/${name}.js.\n`,
        statements: apis.map((api) => ({
          kind: StructureKind.ExportDeclaration as const,
          moduleSpecifier: `#apis/${api.id}.js`,
          namedExports: [{ name: "default", alias: api.ident }],
        })),
      }),
    ),
    origins: [],
  }));
  const imports = printStructureOnce({
    kind: StructureKind.SourceFile,
    leadingTrivia: BANNER("the API repository"),
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "./link.js",
        namedImports: [{ name: "GatewayBundle", isTypeOnly: true }],
      },
      ...[...chunks.keys()].sort(compare).map((name) => ({
        kind: StructureKind.ImportDeclaration as const,
        moduleSpecifier: `./chunks/${name}.js`,
        namedImports: chunks
          .get(name)!
          .map((api) => api.ident)
          .sort(compare),
      })),
    ],
  });
  // The route table and the bundle, printed as values, follow the imports as they are.
  const gateway = [
    imports.trimEnd(),
    "",
    "/** Routes in match order: a host-bound route before a host-less one, then the longest path. */",
    `export const routes = ${routes.text()} as const;`,
    "",
    `export const bundle: GatewayBundle = {\n  version: ${JSON.stringify(version)},\n  apis: [${model.apis.map((a) => a.ident).join(", ")}],\n  routes,\n};`,
  ].join("\n");
  // The entry decides first whether a single process replaces itself with its Node flags
  // (runtime/server/node-flags.ts), and only then loads the runtime and the APIs: dynamic imports,
  // which the bundler leaves to dist/link.js and dist/gateway.js, so a process that is replaced
  // has loaded nothing of them.
  const main = printStructureOnce({
    kind: StructureKind.SourceFile,
    leadingTrivia: BANNER("the API repository"),
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `${runtime}/server/node-flags.ts`,
        namedImports: ["restartWithGatewayFlags"],
      },
      "// A single process replaces itself with its Node flags before it loads the runtime and the APIs.",
      "restartWithGatewayFlags();",
      'const { runGateway } = await import("./link.js");',
      'const { bundle } = await import("./gateway.js");',
      "await runGateway(bundle, { bundleDir: import.meta.dirname });",
    ],
  });
  const tsconfig = `${JSON.stringify(
    {
      compilerOptions: {
        ...GENERATED_COMPILER_OPTIONS,
        noEmit: true,
        // `javascript` scripts are JavaScript modules (generated/scripts/), checked by `// @ts-check`.
        ...(apiModules.some((m) => m.path.startsWith("scripts/")) ? { allowJs: true } : {}),
        typeRoots: [posix(relative(options.outDir, options.typesDir))],
        ...(options.localPolicies
          ? {
              paths: {
                [RUNTIME_SPECIFIER]: [posix(relative(options.outDir, join(options.runtimeDir, "index.ts")))],
              },
            }
          : {}),
      },
      files: ["main.ts"],
    },
    null,
    2,
  )}\n`;
  const modules: EmittedModule[] = [
    ...apiModules,
    ...chunkModules,
    { path: "gateway.ts", text: withNewline(gateway), origins: [] },
    { path: "link.ts", text: link, origins: [] },
    { path: "main.ts", text: withNewline(main), origins: [] },
    { path: "tsconfig.json", text: tsconfig, origins: [] },
    // An ES module package wherever OUT is, so tsc and Node read the output as ESM. Chunks import
    // the API modules as `#apis/<id>.js` (../build/typecheck.ts checks the wiring with stand-ins
    // for them, while the API modules are checked in parallel).
    {
      path: "package.json",
      text: `${JSON.stringify({ private: true, type: "module", imports: { "#apis/*": "./apis/*" } }, null, 2)}\n`,
      origins: [],
    },
  ].sort((a, b) => compare(a.path, b.path));
  return { modules, diagnostics };
}

/** The import specifier a repository's own policy uses for the runtime (package.json `exports`). */
export const RUNTIME_SPECIFIER = "sluice/runtime";

/** How many bundles the API modules are grouped into. */
export const CHUNKS = 16;

/** The chunk of an API: a stable hash of its id, so adding or changing one API touches one chunk. */
export function chunkOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return String((hash >>> 0) % CHUNKS).padStart(2, "0");
}

/** The strict settings generated code is checked with (and the runtime's declarations built with). */
export const GENERATED_COMPILER_OPTIONS = {
  target: "es2023",
  lib: ["es2023"],
  module: "nodenext",
  moduleResolution: "nodenext",
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  types: ["node"],
} as const;

/** `link.ts`: re-exports, under one name each, everything the API modules take from runtime/. */
function emitLink(links: readonly Links[], runtime: string, outDir: string): string {
  const connectors = new Map<string, ConnectorModule>();
  const helpers = new Set<string>(["runGateway"]);
  const el = new Set<string>();
  const xml = new Set<string>();
  const elTypes = new Set<string>();
  for (const l of links) {
    for (const c of l.connectors) connectors.set(c.name, c);
    for (const name of l.runtime) helpers.add(name);
    for (const name of l.el) (name.startsWith(XML_HELPER_PREFIX) ? xml : el).add(name);
    for (const name of l.types) elTypes.add(name);
  }
  const text = printStructureOnce({
    kind: StructureKind.SourceFile,
    leadingTrivia: `${BANNER("the API repository")}// What this gateway links from runtime/: the connectors, policies and helpers its APIs use.\n`,
    statements: [
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: `${runtime}/index.ts`,
        namedExports: [{ name: "GatewayBundle", isTypeOnly: true }, ...[...helpers].sort(compare)],
      },
      ...(el.size + elTypes.size > 0
        ? [
            {
              kind: StructureKind.ExportDeclaration as const,
              moduleSpecifier: `${runtime}/el.ts`,
              namedExports: [
                ...[...elTypes].sort(compare).map((name) => ({ name, isTypeOnly: true })),
                ...[...el].sort(compare),
              ],
            },
          ]
        : []),
      // The XML parser and XPath engine, only for gateways whose expressions call #xpath.
      ...(xml.size > 0
        ? [
            {
              kind: StructureKind.ExportDeclaration as const,
              moduleSpecifier: `${runtime}/el-xml.ts`,
              namedExports: [...xml].sort(compare),
            },
          ]
        : []),
      ...[...connectors.values()]
        .sort((a, b) => compare(a.module, b.module))
        .map((c) => ({
          kind: StructureKind.ExportDeclaration as const,
          moduleSpecifier: c.local ? posix(relative(outDir, c.module)) : `${runtime}/${c.module}`,
          namedExports: [{ name: "connector", alias: c.name }],
        })),
    ],
  });
  return withNewline(text);
}

function posix(p: string): string {
  const s = p.split("\\").join("/");
  return s.startsWith(".") ? s : `./${s}`;
}

// Emits the gateway around the API modules: `gateway.ts` (the bundle: version, route table with
// explicit precedence, the APIs), `main.ts` (the process entry the bundler starts from) and the
// `tsconfig.json` that type-checks the output with the repository's strict settings.
import { createHash } from "node:crypto";
import { relative } from "node:path";
import { printStructure, StructureKind } from "ts-morph";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { GatewayModel } from "../model/model.ts";
import { compare } from "../shared/compare.ts";
import type { ConnectorResolver } from "./connectors.ts";
import { BANNER, type EmittedModule, emitApi, withNewline } from "./emit-api.ts";
import { ValuePrinter } from "./print-value.ts";

export interface EmitOptions {
  /** Absolute paths: where output goes and where runtime/ is. */
  outDir: string;
  runtimeDir: string;
  /** Absolute path of node_modules/@types, for the generated tsconfig. */
  typesDir: string;
  version: string;
}

export interface EmitResult {
  modules: EmittedModule[];
  diagnostics: Diagnostic[];
}

export function emitGateway(
  model: GatewayModel,
  resolver: ConnectorResolver,
  options: EmitOptions,
): EmitResult {
  const diagnostics: Diagnostic[] = [];
  const toRuntime = (fromDir: string) => posix(relative(fromDir, options.runtimeDir));
  const apiModules = model.apis.map((api) =>
    emitApi(api, resolver, toRuntime(`${options.outDir}/apis`), diagnostics),
  );
  const version = `${options.version}+${createHash("sha256")
    .update(model.apis.map((a) => `${a.id}:${a.hash}`).join("\n"))
    .digest("hex")
    .slice(0, 12)}`;
  const runtime = toRuntime(options.outDir);
  const routes = new ValuePrinter().write(
    model.routes.map((r) =>
      r.host ? { host: r.host, path: r.path, api: r.api } : { path: r.path, api: r.api },
    ),
  );
  const gateway = printStructure(
    {
      kind: StructureKind.SourceFile,
      leadingTrivia: BANNER("the API repository"),
      statements: [
        {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier: `${runtime}/index.ts`,
          namedImports: [{ name: "GatewayBundle", isTypeOnly: true }],
        },
        ...model.apis.map((api) => ({
          kind: StructureKind.ImportDeclaration as const,
          moduleSpecifier: `./apis/${api.id}.ts`,
          defaultImport: api.ident,
        })),
        "",
        "/** Routes in match order: a host-bound route before a host-less one, then the longest path. */",
        `export const routes = ${routes.text()} as const;`,
        "",
        `export const bundle: GatewayBundle = {\n  version: ${JSON.stringify(version)},\n  apis: [${model.apis.map((a) => a.ident).join(", ")}],\n  routes,\n};`,
      ],
    },
    { indentNumberOfSpaces: 2 },
  );
  const main = printStructure(
    {
      kind: StructureKind.SourceFile,
      leadingTrivia: BANNER("the API repository"),
      statements: [
        {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier: `${runtime}/index.ts`,
          namedImports: ["runGateway"],
        },
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./gateway.ts", namedImports: ["bundle"] },
        "",
        "await runGateway(bundle);",
      ],
    },
    { indentNumberOfSpaces: 2 },
  );
  const tsconfig = `${JSON.stringify(
    {
      compilerOptions: {
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
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [posix(relative(options.outDir, options.typesDir))],
      },
      files: ["main.ts"],
    },
    null,
    2,
  )}\n`;
  const modules: EmittedModule[] = [
    ...apiModules,
    { path: "gateway.ts", text: withNewline(gateway), origins: [] },
    { path: "main.ts", text: withNewline(main), origins: [] },
    { path: "tsconfig.json", text: tsconfig, origins: [] },
    // An ES module package wherever OUT is, so tsc and Node read the output as ESM.
    {
      path: "package.json",
      text: `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`,
      origins: [],
    },
  ].sort((a, b) => compare(a.path, b.path));
  return { modules, diagnostics };
}

function posix(p: string): string {
  const s = p.split("\\").join("/");
  return s.startsWith(".") ? s : `./${s}`;
}

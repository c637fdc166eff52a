// A type-checker kept warm between the compiles of `sluice compile --watch`: TypeScript 7's API
// (`typescript/unstable/async`) runs one tsgo process holding the generated project's program;
// after a change it is told which files changed and asked for their diagnostics only — ~20 ms for
// a changed API module of a 1,000-API gateway, where starting tsc on that module alone costs
// ~0.2 s (most of it parsing the Node.js types again).
//
// The API is marked unstable, so everything here is optional: if the checker cannot start or a
// request fails, the compile falls back to running tsc (./typecheck.ts) and says nothing.
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { EmittedModule } from "../emit/emit-api.ts";
import { touch } from "./cache.ts";
import { runtimeDeclarations } from "./runtime-declarations.ts";
import { tscExecutable } from "./tsc.ts";
import { mapTscErrors, type TscError, type TypecheckResult, writeProject } from "./typecheck.ts";

type AsyncApi = typeof import("typescript/unstable/async");
type Api = InstanceType<AsyncApi["API"]>;
type Snapshot = Awaited<ReturnType<Api["updateSnapshot"]>>;

export class WarmTypechecker {
  private readonly outDir: string;
  private readonly projectDir: string;
  private state: Promise<{ api: Api; config: string; snapshot: Snapshot } | undefined> | undefined;
  private config: string | undefined;

  constructor(outDir: string, projectDir: string) {
    this.outDir = outDir;
    this.projectDir = projectDir;
  }

  private ready = false;

  /**
   * Starts the checker on OUT as it is now and checks it all once, in the background; resolves
   * with whether it is ready (false: it could not start, tsc will be used).
   */
  warm(): Promise<boolean> {
    this.state ??= this.start()
      .catch(() => undefined)
      .then((state) => {
        this.ready = state !== undefined;
        return state;
      });
    return this.state.then((state) => state !== undefined);
  }

  /**
   * After `changed` (paths below OUT) were written: the diagnostics of those of them in `check`,
   * or undefined when the warm checker is not available (the caller runs tsc instead).
   */
  async check(
    modules: readonly EmittedModule[],
    changed: readonly string[],
    check: readonly string[],
  ): Promise<TypecheckResult | undefined> {
    // Still warming up (it checks the whole gateway once): tsc answers this one.
    void this.warm();
    if (!this.ready) return undefined;
    const state = await this.state;
    if (!state) return undefined;
    try {
      await touch(state.config); // in use: cache pruning keeps it
      state.snapshot = await state.api.updateSnapshot({
        fileChanges: { changed: changed.map((p) => join(this.outDir, p)) },
      });
      const project = state.snapshot.getProject(state.config);
      if (!project) return undefined;
      const errors: TscError[] = [];
      for (const file of check.filter((p) => p.endsWith(".ts")).map((p) => join(this.outDir, p))) {
        const found = [
          ...(await project.program.getSyntacticDiagnostics(file)),
          ...(await project.program.getSemanticDiagnostics(file)),
        ];
        if (found.length === 0) continue;
        const text = readFileSync(file, "utf8");
        for (const d of found) {
          const line = lineOf(text, d.pos);
          const message = flatten(d.text);
          errors.push({
            file,
            line,
            code: `TS${d.code}`,
            message,
            text: `${file}(${line}): error TS${d.code}: ${message}`,
          });
        }
      }
      return mapTscErrors(this.outDir, modules, errors);
    } catch {
      await this.dispose();
      return undefined;
    }
  }

  async dispose(): Promise<void> {
    this.ready = false;
    const state = await this.state?.catch(() => undefined);
    this.state = Promise.resolve(undefined);
    await state?.api.close().catch(() => undefined);
    if (this.config) await rm(this.config, { force: true });
  }

  private async start(): Promise<{ api: Api; config: string; snapshot: Snapshot } | undefined> {
    const tsc = tscExecutable(this.projectDir);
    const runtime = await runtimeDeclarations(this.projectDir, tsc);
    if ("internal" in runtime) return undefined;
    const { API } = (await import("typescript/unstable/async")) as AsyncApi;
    const config = await writeProject(this.outDir, runtime.project, { files: ["main.ts"] });
    this.config = config;
    const api = new API({ cwd: this.outDir, tsserverPath: tsc });
    const snapshot = await api.updateSnapshot({ openProjects: [config] });
    // Check everything once now, so that the first change is checked against warm types.
    await snapshot.getProject(config)?.program.getSemanticDiagnostics();
    return { api, config, snapshot };
  }
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function flatten(text: unknown): string {
  return typeof text === "string" ? text : JSON.stringify(text);
}

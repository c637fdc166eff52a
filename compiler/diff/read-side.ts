// One side of `sluice diff`: the gravitee.io resources of a specs directory, read from the working
// tree or from a git ref (`git ls-tree` + `git show`, nothing checked out). Raw YAML values, no
// validation: a diff must still say what changed when one side does not pass `check`.
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";

const run = promisify(execFile);
const SPEC_FILE = /\.ya?ml$/i;

export interface Resource {
  kind: string;
  name: string;
  /** Where it came from: `apis/orders.yaml` (or `main:apis/orders.yaml`). */
  file: string;
  value: Record<string, unknown>;
}

export interface Side {
  label: string;
  resources: Map<string, Resource>;
}

/** `Kind/name`: how a resource is matched across sides. */
export function resourceKey(kind: string, name: string): string {
  return `${kind}/${name}`;
}

/** A side is a directory when one exists with that name, else a git ref in `cwd`'s repository. */
export async function readSide(spec: string, specsDir: string, cwd = process.cwd()): Promise<Side> {
  const asDir = join(cwd, spec);
  if (existsSync(asDir) && statSync(asDir).isDirectory()) {
    const files = await yamlFiles(asDir);
    const texts = await Promise.all(
      files.map(async (f) => [relative(cwd, f), await readFile(f, "utf8")] as const),
    );
    return { label: spec, resources: collect(texts) };
  }
  try {
    await run("git", ["rev-parse", "--verify", "--quiet", `${spec}^{commit}`], { cwd });
  } catch {
    throw new SideError(`\`${spec}\` is neither a directory nor a git ref`);
  }
  const { stdout } = await run("git", ["ls-tree", "-r", "--name-only", spec, "--", specsDir], {
    cwd,
    maxBuffer: 1 << 26,
  });
  const files = stdout
    .split("\n")
    .filter(
      (f) =>
        SPEC_FILE.test(f) && !f.split("/").some((part) => part.startsWith(".") || part === "node_modules"),
    )
    .sort();
  const texts = await Promise.all(
    files.map(async (f) => {
      const shown = await run("git", ["show", `${spec}:./${f}`], { cwd, maxBuffer: 1 << 26 });
      return [`${spec}:${f}`, shown.stdout] as const;
    }),
  );
  return { label: spec, resources: collect(texts) };
}

/** A BASE or HEAD that cannot be read: a usage error for the CLI. */
export class SideError extends Error {}

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFiles(path)));
    else if (SPEC_FILE.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function collect(texts: ReadonlyArray<readonly [string, string]>): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  for (const [file, text] of texts) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length > 0) continue;
      const value = doc.toJS() as unknown;
      if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
      const v = value as Record<string, unknown>;
      if (typeof v.apiVersion !== "string" || !v.apiVersion.startsWith("gravitee.io/")) continue;
      const metadata = v.metadata as Record<string, unknown> | undefined;
      const kind = String(v.kind);
      const name = String(metadata?.name ?? "");
      resources.set(resourceKey(kind, name), { kind, name, file, value: v });
    }
  }
  return resources;
}

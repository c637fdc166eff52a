// `sluice init [DIR]`: a new API repository from templates/api-repo/ — example specs, a package.json
// depending on Sluice, a GitHub Actions workflow, a Dockerfile and Kubernetes manifests. A team
// starts from files it owns and edits, not from generated ones, so the template is plain files in
// the package. Nothing is ever overwritten: if any file exists, nothing is written.
import { existsSync, statSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { PROJECT_DIR } from "../shared/package-dir.ts";
import { EXIT_OK, EXIT_USAGE, type Io, parse, UsageError } from "./main.ts";

/** The template, inside the Sluice package. */
export const TEMPLATE_DIR = join(PROJECT_DIR, "templates", "api-repo");
const PACKAGE_JSON = join(PROJECT_DIR, "package.json");

/**
 * Template files stored under another name: npm leaves `.gitignore` files out of packages, so the
 * template keeps it as `gitignore`.
 */
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

export async function commandInit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    io.out("Usage: sluice init [DIR]   create an API repository in DIR (default: the current directory)\n");
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError("init takes one DIR");
  const dir = resolve(positionals[0] ?? ".");
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`${positionals[0]} is a file, not a directory`);
  const files = await templateFiles(TEMPLATE_DIR);
  const targets = files.map((file) => ({ file, target: join(dir, targetName(file)) }));
  const existing = targets.map(({ target }) => target).filter((target) => existsSync(target));
  if (existing.length > 0) {
    const shown = existing.sort().map((target) => `  ${relative(process.cwd(), target)}`);
    io.err(
      `sluice: init writes nothing: ${existing.length === 1 ? "this file exists" : "these files exist"}\n${shown.join("\n")}\n` +
        "Run it in an empty directory, or move these files away first.",
    );
    return EXIT_USAGE;
  }
  const { name, version } = JSON.parse(await readFile(PACKAGE_JSON, "utf8")) as {
    name: string;
    version: string;
  };
  for (const { file, target } of targets) {
    let text = await readFile(join(TEMPLATE_DIR, file), "utf8");
    if (file === "package.json") text = personalisePackage(text, packageName(dir), name, version);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, { flag: "wx" });
  }
  const shown = relative(process.cwd(), dir);
  const cd = shown === "" ? "" : `  cd ${shown.includes(" ") ? JSON.stringify(shown) : shown}\n`;
  io.out(
    `sluice: created an API repository in ${shown === "" ? "the current directory" : `${shown}/`} (${targets.length} files)\n\n` +
      "Next steps:\n" +
      cd +
      "  npm install                  # installs Sluice; commit package-lock.json\n" +
      "  npx sluice check apis        # validate the specs\n" +
      "  npx sluice compile apis      # build the gateway into generated/\n" +
      "  npx sluice start generated   # run it, then: curl localhost:8082/events\n\n" +
      "README.md explains the repository, the workflow and the deployment (Dockerfile, deploy/kubernetes/).\n",
  );
  return EXIT_OK;
}

/** Every file of the template, relative to it, sorted. */
async function templateFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

function targetName(file: string): string {
  const renamed = RENAMED[basename(file)];
  return renamed === undefined ? file : join(dirname(file), renamed);
}

/** An npm package name from the directory's name: lower case, URL-safe, never empty. */
export function packageName(dir: string): string {
  const name = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[-]+$/g, "");
  return name === "" ? "apis" : name;
}

/** The template's package.json with the repository's name and this Sluice's version. */
function personalisePackage(text: string, repository: string, sluice: string, version: string): string {
  const pkg = JSON.parse(text) as { name: string; devDependencies: Record<string, string> };
  pkg.name = repository;
  pkg.devDependencies = { [sluice]: `^${version}` };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

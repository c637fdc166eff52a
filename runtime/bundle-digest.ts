// The digest of a gateway bundle: one value that names exactly what is deployed, printed by
// `sluice compile` and served by /info, so a running gateway can be matched to the build that
// produced it (and a digest pinned in a deployment). Defined over the files of OUT/dist/ so anyone
// can recompute it with standard tools:
//
//   cd OUT/dist && find . -type f ! -name '.sluice-*.json' | sed 's|^\./||' | LC_ALL=C sort \
//     | xargs sha256sum | sha256sum
//
// i.e. the SHA-256 of the lines `<sha256 of the file>  <path relative to dist/, with />\n` of every
// file, sorted by path (byte order). `.sluice-build.json` (the compiler's record of what it built,
// for incremental builds) and `.sluice-sources.json` (each API's spec commit, for /info) are
// records about the bundle, not part of it.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/** The compiler's build record in dist/: not part of the bundle, not in its digest. */
export const BUILD_RECORD = ".sluice-build.json";
/** Each API's last spec commit (compiler/build/provenance.ts), for /info: not in the digest either. */
export const SOURCES_RECORD = ".sluice-sources.json";
const RECORDS = new Set([BUILD_RECORD, SOURCES_RECORD]);

export interface SourcesRecord {
  /** API id → the last commit of its spec file; `modified`: the file has uncommitted changes. */
  apis: Record<string, { commit?: string; modified?: true }>;
}

/** `sha256:<hex>` of the bundle in `dist` (see above). */
export async function bundleDigest(dir: string): Promise<string> {
  const dist = resolve(dir);
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !(RECORDS.has(e.name) && e.parentPath === dist))
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dist.length + 1)
        .split("\\")
        .join("/"),
    )
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const manifest = createHash("sha256");
  for (const path of files) {
    const content = await readFile(join(dist, path));
    manifest.update(`${createHash("sha256").update(content).digest("hex")}  ${path}\n`);
  }
  return `sha256:${manifest.digest("hex")}`;
}

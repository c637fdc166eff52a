// The compiler's cache does not grow without end: after a full build the newest entries of each
// kind stay, older ones go, and nothing touched in the last ten minutes is removed.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pruneCache } from "../../compiler/build/cache.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("cache pruning", () => {
  it("keeps the newest entries of each kind and anything in use, removes the rest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-cache-"));
    dirs.push(dir);
    const hourAgo = (n: number) => new Date(Date.now() - n * 3600_000);
    const entry = async (name: string, age: Date, isDir = true) => {
      if (isDir) await mkdir(join(dir, name));
      else await writeFile(join(dir, name), "{}");
      await utimes(join(dir, name), age, age);
    };
    // Eight link bundles, one an hour older than the next; the oldest was just used.
    for (let i = 0; i < 8; i++) await entry(`link-${String(i).padStart(16, "0")}`, hourAgo(10 - i));
    await utimes(join(dir, `link-${"0".repeat(16)}`), new Date(), new Date());
    await entry("runtime-aaaaaaaaaaaaaaaa", hourAgo(5));
    await entry("runtime-bbbbbbbbbbbbbbbb", hourAgo(4));
    await entry("runtime-cccccccccccccccc", hourAgo(3));
    await entry("validators-1111111111111111.cjs", hourAgo(2), false);
    await entry("build-0123456789abcdef.json", hourAgo(2), false);
    await entry("tsconfig-partial-0123456789abcdef.json", hourAgo(2), false);
    await entry("typecheck-123-abc.json", hourAgo(1), false);
    await entry("typecheck-456-def.json", new Date(), false);
    await entry("link-ffffffffffffffff.99-abc", hourAgo(1));
    await entry("node", hourAgo(48));

    await pruneCache(dir);

    expect((await readdir(dir)).sort()).toEqual([
      // six link bundles: the one used a moment ago and the five newest of the others
      "link-0000000000000000",
      "link-0000000000000003",
      "link-0000000000000004",
      "link-0000000000000005",
      "link-0000000000000006",
      "link-0000000000000007",
      "node",
      "runtime-bbbbbbbbbbbbbbbb",
      "runtime-cccccccccccccccc",
      "typecheck-456-def.json",
      "validators-1111111111111111.cjs",
    ]);
  });
});

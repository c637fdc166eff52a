// `npm run dev:secrets`: the secrets the example repository's subscriptions reference, for a local
// run — a random API key for the partner portal and a client certificate — written to `.secrets/`
// (git-ignored; `npm start` reads it) in the layout of a Kubernetes Secret volume, which is also
// how to rotate them: run it again while the gateway runs, and the new key is in use within a
// second. Prints the key, never stores it anywhere else.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Writes `data` as the Secret `name` the way the kubelet updates a Secret volume: the files in a new
 * timestamped directory, then the `..data` symlink swapped to it in one rename, then one symlink per
 * key through `..data`. Readers never see a half-written Secret; the previous version is removed.
 */
export async function writeSecretVolume(
  dir: string,
  name: string,
  data: Record<string, string | Buffer>,
): Promise<void> {
  const secret = join(dir, name);
  await mkdir(secret, { recursive: true });
  const version = `..${new Date().toISOString().replace(/[-:.]/g, "_")}_${randomBytes(4).toString("hex")}`;
  await mkdir(join(secret, version));
  for (const [key, value] of Object.entries(data))
    await writeFile(join(secret, version, key), value, { mode: 0o600 });
  await symlink(version, join(secret, "..data_tmp"));
  await rename(join(secret, "..data_tmp"), join(secret, "..data"));
  for (const entry of await readdir(secret)) {
    if (entry.startsWith("..") && entry !== "..data" && entry !== version)
      await rm(join(secret, entry), { recursive: true });
    else if (!entry.startsWith("..") && !Object.hasOwn(data, entry)) await rm(join(secret, entry));
  }
  for (const key of Object.keys(data)) await symlink(join("..data", key), join(secret, key)).catch(() => {});
}

async function main(): Promise<void> {
  const dir = process.env.SLUICE_SECRETS_DIR ?? ".secrets";
  const key = randomBytes(24).toString("hex");
  await writeSecretVolume(dir, "orders-keys", { "partner-portal": key });
  const tls = join(dir, ".partner-portal-tls.tmp");
  await mkdir(tls, { recursive: true });
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "365",
        "-subj",
        "/CN=partner-portal",
        "-keyout",
        join(tls, "tls.key"),
        "-out",
        join(tls, "tls.crt"),
      ],
      { stdio: "ignore" },
    );
    const { readFile } = await import("node:fs/promises");
    await writeSecretVolume(dir, "partner-portal-tls", {
      "tls.crt": await readFile(join(tls, "tls.crt")),
      "tls.key": await readFile(join(tls, "tls.key")),
    });
    console.log(`client certificate: ${join(dir, "partner-portal-tls", "tls.crt")} (key: tls.key beside it)`);
  } catch {
    console.log("openssl not found: no client certificate written (the MTLS subscription stays unusable)");
  } finally {
    await rm(tls, { recursive: true, force: true });
  }
  console.log(
    `partner-portal's API key for the orders API (${join(dir, "orders-keys", "partner-portal")}):\n${key}`,
  );
}

if (import.meta.main) await main();

// Secrets of `[[ secret `name/key` ]]` references, read from `$SLUICE_SECRETS_DIR/name/key`: the
// layout of a Kubernetes Secret mounted as a volume (one directory per Secret, one file per key).
// Kubernetes updates such a volume by swapping a `..data` symlink, so a file's content can change
// under the same path at any moment: every secret read once is re-read every SLUICE_SECRETS_POLL_MS
// (default 1000 ms) and the listeners are told when one changed — a key rotated or revoked in
// its Secret takes effect with no rebuild and no restart. Polling (rather than fs.watch) sees the
// symlink swap, edits in place and files that appear later alike. Values are never logged, nor
// kept: the store remembers a digest of each file to see changes, and reads the file when asked.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../contract.ts";
import { isValidSecretRef, type SecretRef } from "./secret-ref.ts";

export class SecretStore {
  private readonly dir: string | undefined;
  private readonly log: Logger;
  private readonly pollMs: number;
  /** SHA-256 of each watched secret's content as last polled, by `name/key`; undefined while missing. */
  private readonly digests = new Map<string, string | undefined>();
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(dir: string | undefined, log: Logger, pollMs = 1000) {
    this.dir = dir || undefined;
    this.log = log;
    this.pollMs = pollMs;
  }

  /** The secret's current content, read now (undefined when missing); from now on it is watched. */
  read(ref: SecretRef): string | undefined {
    // The compiler emits valid references only; a hand-edited bundle must not read outside the directory.
    if (!isValidSecretRef(ref)) return undefined;
    const id = `${ref.name}/${ref.key}`;
    const value = this.load(ref);
    if (this.digests.has(id)) return value;
    // First read: watched from now on. Later reads never move the digest: only poll() does, so
    // every change reaches the listeners.
    this.digests.set(id, digestOf(value));
    if (value === undefined) {
      // The file's place, never its content; named so that the log's secret masking keeps it.
      this.log.warn("secret not found; credentials from it are refused until it appears", {
        reference: id,
        directory: this.dir ?? "(SLUICE_SECRETS_DIR not set)",
      });
    }
    this.start();
    return value;
  }

  /** Called after any watched secret changed (appeared, changed, or disappeared). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Re-reads every watched secret now; resolves once the listeners ran (tests call it too). */
  async poll(): Promise<void> {
    if (this.polling || !this.dir) return;
    this.polling = true;
    try {
      let changed = false;
      for (const [id, before] of this.digests) {
        const [name, key] = splitId(id);
        const now = digestOf(await readFile(join(this.dir, name, key), "utf8").catch(() => undefined));
        if (now === before) continue;
        this.digests.set(id, now);
        changed = true;
        this.log.info(now === undefined ? "secret removed" : "secret changed", { secretRef: id });
      }
      if (changed) for (const listener of this.listeners) listener();
    } finally {
      this.polling = false;
    }
  }

  private load(ref: SecretRef): string | undefined {
    if (!this.dir) return undefined;
    try {
      return readFileSync(join(this.dir, ref.name, ref.key), "utf8");
    } catch {
      return undefined;
    }
  }

  private start(): void {
    if (this.timer || !this.dir) return;
    this.timer = setInterval(() => {
      this.poll().catch((error: unknown) =>
        this.log.error("reading secrets failed", {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }, this.pollMs);
    this.timer.unref();
  }
}

function digestOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : createHash("sha256").update(value).digest("hex");
}

function splitId(id: string): [string, string] {
  const slash = id.indexOf("/");
  return [id.slice(0, slash), id.slice(slash + 1)];
}

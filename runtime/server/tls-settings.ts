// TLS on the traffic port (docs/runtime.md): SLUICE_TLS_CERT and SLUICE_TLS_KEY (PEM files) turn on
// HTTPS on SLUICE_HTTPS_PORT (default 8443), beside the clear-text SLUICE_HTTP_PORT or instead of it
// (`SLUICE_HTTP_PORT=off`). SLUICE_TLS_CLIENT_CA (a PEM file of CA certificates) restricts which
// client certificates MTLS plans accept; a client certificate is always requested, never required
// by the TLS handshake itself, so plans without certificates keep working on the same port.
// The files are watched: a renewed certificate (cert-manager rewriting a Secret volume, a `mv` over
// the file) is used for new connections without a restart; a broken one is logged and ignored.
import { type FSWatcher, readFileSync, watch } from "node:fs";
import { dirname } from "node:path";
import { createSecureContext } from "node:tls";
import type { Logger } from "../contract.ts";

export const TLS_CERT = "SLUICE_TLS_CERT";
export const TLS_KEY = "SLUICE_TLS_KEY";
export const TLS_CLIENT_CA = "SLUICE_TLS_CLIENT_CA";
export const HTTPS_PORT = "SLUICE_HTTPS_PORT";
export const DEFAULT_HTTPS_PORT = 8443;

export interface TlsSettings {
  readonly port: number;
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca: Buffer | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The TLS settings, or undefined when TLS is off; throws one readable message when they are wrong. */
export function readTlsSettings(env: Env): TlsSettings | undefined {
  const certFile = env[TLS_CERT];
  const keyFile = env[TLS_KEY];
  if (!certFile && !keyFile) {
    if (env[TLS_CLIENT_CA] || env[HTTPS_PORT])
      throw new Error(
        `${env[TLS_CLIENT_CA] ? TLS_CLIENT_CA : HTTPS_PORT} is set but TLS is off: set ${TLS_CERT} and ${TLS_KEY}`,
      );
    return undefined;
  }
  if (!certFile || !keyFile) throw new Error(`TLS needs both ${TLS_CERT} and ${TLS_KEY} (PEM files)`);
  const cert = readPem(TLS_CERT, certFile);
  const key = readPem(TLS_KEY, keyFile);
  const ca = env[TLS_CLIENT_CA] ? readPem(TLS_CLIENT_CA, env[TLS_CLIENT_CA]) : undefined;
  try {
    createSecureContext({ cert, key, ...(ca ? { ca } : {}) });
  } catch (error) {
    throw new Error(
      `${TLS_CERT}/${TLS_KEY}${ca ? `/${TLS_CLIENT_CA}` : ""}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const port = Number(env[HTTPS_PORT] ?? DEFAULT_HTTPS_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${HTTPS_PORT} must be a port number, not ${JSON.stringify(env[HTTPS_PORT])}`);
  return { port, cert, key, ca };
}

function readPem(variable: string, file: string): Buffer {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new Error(`${variable}=${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!content.includes("-----BEGIN")) throw new Error(`${variable}=${file}: not a PEM file`);
  return content;
}

/**
 * Calls `apply` with the settings read again whenever a file of `current` changes (the directories
 * are watched, so Kubernetes' symlink swap of a Secret volume is seen). Returns a stop function.
 */
export function watchTlsSettings(
  env: Env,
  current: TlsSettings,
  apply: (next: TlsSettings) => void,
  log: Logger,
): () => void {
  let active = current;
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    let next: TlsSettings | undefined;
    try {
      next = readTlsSettings(env);
    } catch (error) {
      log.error("TLS files changed but cannot be used; keeping the previous certificate", {
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (!next || (next.cert.equals(active.cert) && next.key.equals(active.key) && sameCa(next.ca, active.ca)))
      return;
    active = next;
    apply(next);
    log.info("TLS certificate reloaded", { file: env[TLS_CERT] });
  };
  const files = [env[TLS_CERT], env[TLS_KEY], env[TLS_CLIENT_CA]].filter((f): f is string => Boolean(f));
  const watchers: FSWatcher[] = [...new Set(files.map((f) => dirname(f)))].map((dir) =>
    watch(dir, () => {
      // Writers touch several files one after the other: read once things settle.
      clearTimeout(timer);
      timer = setTimeout(reload, 200);
      timer.unref();
    }).on("error", () => {}),
  );
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

function sameCa(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

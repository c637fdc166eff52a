// Structured JSON logs on stdout, one object a line (docs/contract.md §4). Field names that look like
// secrets are masked, so a key, password or token never reaches the log.
import type { Logger } from "../contract.ts";

const SECRET = /pass(word)?|secret|token|api[-_]?key|authorization|credential|jaas|cookie/i;

/** Whether a field, header or query parameter of this name holds a secret (its value is masked). */
export function isSecretName(name: string): boolean {
  return SECRET.test(name);
}

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET.test(k)) out[k] = "***";
    else if (v instanceof Error) out[k] = v.message;
    else if (v !== null && typeof v === "object" && !Array.isArray(v))
      out[k] = redact(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

export function createLogger(
  base: Record<string, unknown> = {},
  write: (line: string) => void = defaultWrite,
): Logger {
  const emit = (level: string, msg: string, fields?: Record<string, unknown>) => {
    write(
      `${JSON.stringify({ level, time: new Date().toISOString(), msg, ...base, ...(fields ? redact(fields) : {}) })}\n`,
    );
  };
  return {
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
  };
}

/** Whether stdout broke (EPIPE: the log collector went away): logging stops, serving goes on. */
let stdoutBroken = false;
let stdoutGuarded = false;

function defaultWrite(line: string): void {
  if (!stdoutGuarded) {
    stdoutGuarded = true;
    // Without a listener a broken pipe is an uncaught error that stops the gateway.
    process.stdout.on("error", () => {
      stdoutBroken = true;
    });
  }
  if (!stdoutBroken) process.stdout.write(line);
}

export function childLogger(parent: Logger, fields: Record<string, unknown>): Logger {
  return {
    info: (msg, f) => parent.info(msg, { ...fields, ...f }),
    warn: (msg, f) => parent.warn(msg, { ...fields, ...f }),
    error: (msg, f) => parent.error(msg, { ...fields, ...f }),
  };
}

// What a client may cost the gateway: how long it may take to say something, how long it may stay
// silent, how many HTTP/2 streams and resets it may open. Every limit is a `SLUICE_*` variable with a
// default sane for an API gateway behind a load balancer (docs/runtime.md, "Client limits"); 0
// switches a limit off. Read once at start; a value that is not a number stops the start-up with
// the variable's name.

export interface ClientLimits {
  /** The request head (request line and headers) must arrive within this (slowloris). */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive HTTP/1.1 connection is closed after this (above common LB idle of 60 s). */
  readonly keepAliveTimeoutMs: number;
  /** A request body that stops arriving for this long is abandoned (the backend sees an abort). */
  readonly bodyIdleTimeoutMs: number;
  /** A new connection must send its first bytes within this. */
  readonly firstBytesTimeoutMs: number;
  /** An HTTP/2 connection without open streams and traffic is closed (GOAWAY) after this. */
  readonly h2IdleTimeoutMs: number;
  /** SETTINGS_MAX_CONCURRENT_STREAMS announced to HTTP/2 clients. */
  readonly h2MaxConcurrentStreams: number;
  /** Streams a client may reset within 10 s before the connection gets GOAWAY (rapid reset). */
  readonly h2MaxResets: number;
  /** Open connections per client IP address (0: no limit). */
  readonly maxConnectionsPerIp: number;
}

const VARIABLES: Readonly<Record<keyof ClientLimits, readonly [name: string, defaultValue: number]>> = {
  headersTimeoutMs: ["SLUICE_HEADERS_TIMEOUT_MS", 15_000],
  keepAliveTimeoutMs: ["SLUICE_KEEPALIVE_TIMEOUT_MS", 65_000],
  bodyIdleTimeoutMs: ["SLUICE_BODY_TIMEOUT_MS", 30_000],
  firstBytesTimeoutMs: ["SLUICE_FIRST_BYTES_TIMEOUT_MS", 10_000],
  h2IdleTimeoutMs: ["SLUICE_H2_IDLE_TIMEOUT_MS", 120_000],
  h2MaxConcurrentStreams: ["SLUICE_H2_MAX_CONCURRENT_STREAMS", 100],
  h2MaxResets: ["SLUICE_H2_MAX_RESETS", 200],
  maxConnectionsPerIp: ["SLUICE_MAX_CONNECTIONS_PER_IP", 0],
};

/** The limits from the environment; throws naming the variable when a value is not a count. */
export function clientLimitsFrom(env: Readonly<Record<string, string | undefined>>): ClientLimits {
  const out: Partial<Record<keyof ClientLimits, number>> = {};
  for (const [key, [name, fallback]] of Object.entries(VARIABLES) as Array<
    [keyof ClientLimits, readonly [string, number]]
  >) {
    out[key] = count(env, name, fallback);
  }
  return out as ClientLimits;
}

/** A non-negative integer variable (the upstream queue limit reads its own the same way). */
export function count(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  const value = env[name];
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

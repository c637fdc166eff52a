// Gravitee's message sampling (v4 `analytics.sampling`): which messages of a session get their own
// access-log line. PROBABILITY `p` — each message with probability p; COUNT `n` — the first message,
// then every n-th; TEMPORAL `PT1S` — at most one per period; WINDOWED_COUNT `n/PT10S` — at most n
// per window. Counted per session (one client connection), as Gravitee's strategies count per
// connection. No sampling: every message.
// https://documentation.gravitee.io/apim/analyze-and-monitor-apis/reporters (message sampling)

export type SamplingSpec = {
  readonly type: "PROBABILITY" | "TEMPORAL" | "COUNT" | "WINDOWED_COUNT";
  readonly value?: string;
};

/** Per-session state: how many messages were seen, and the current window. */
interface SessionState {
  seen: number;
  lastAt: number;
  windowStart: number;
  inWindow: number;
}

export type Sampler = (session: object, now?: number) => boolean;

/** Gravitee's defaults when `value` is absent: probability 0.01, count 100, one per second, 1/PT10S. */
export function createSampler(spec: SamplingSpec | undefined): Sampler {
  if (!spec) return () => true;
  const states = new WeakMap<object, SessionState>();
  const stateOf = (session: object): SessionState => {
    let s = states.get(session);
    if (!s) {
      s = { seen: 0, lastAt: Number.NEGATIVE_INFINITY, windowStart: 0, inWindow: 0 };
      states.set(session, s);
    }
    return s;
  };
  switch (spec.type) {
    case "PROBABILITY": {
      const p = Number(spec.value ?? 0.01);
      return () => Math.random() < p;
    }
    case "COUNT": {
      const n = Math.max(1, Math.floor(Number(spec.value ?? 100)) || 100);
      return (session) => {
        const s = stateOf(session);
        s.seen++;
        return (s.seen - 1) % n === 0;
      };
    }
    case "TEMPORAL": {
      const period = parseDuration(spec.value ?? "PT1S");
      return (session, now = Date.now()) => {
        const s = stateOf(session);
        if (now - s.lastAt < period) return false;
        s.lastAt = now;
        return true;
      };
    }
    case "WINDOWED_COUNT": {
      const [count, window] = (spec.value ?? "1/PT10S").split("/");
      const n = Math.max(1, Number(count) || 1);
      const period = parseDuration(window ?? "PT10S");
      return (session, now = Date.now()) => {
        const s = stateOf(session);
        if (now - s.windowStart >= period) {
          s.windowStart = now;
          s.inWindow = 0;
        }
        if (s.inWindow >= n) return false;
        s.inWindow++;
        return true;
      };
    }
  }
}

/** ISO-8601 durations as Gravitee writes them (`PT1S`, `PT0.5S`, `PT2M`, `PT1H30M`), in milliseconds. */
export function parseDuration(text: string): number {
  const m =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      text.trim(),
    );
  if (!m) return 1000;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}

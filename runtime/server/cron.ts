// Cron expressions with seconds, as Gravitee's health-check `schedule` takes them (Spring's
// format): `sec min hour day-of-month month day-of-week`; a 5-field expression gets second 0.
// Fields take `*`, `?`, numbers, ranges `a-b`, lists `a,b` and steps `*/n`, `a-b/n`, `a/n`; months
// and days may be names (JAN, MON). The next fire time is found field by field, never second by
// second, so a sparse schedule costs nothing.

const NAMES: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
  SUN: 0,
  MON: 1,
  TUE: 2,
  WED: 3,
  THU: 4,
  FRI: 5,
  SAT: 6,
};

export interface Cron {
  /** The first fire time strictly after `from` (ms since epoch), or undefined within 5 years. */
  next(from: number): number | undefined;
}

export function parseCron(expression: string): Cron {
  let fields = expression.trim().split(/\s+/);
  if (fields.length === 5) fields = ["0", ...fields];
  if (fields.length !== 6) throw new Error(`invalid cron expression "${expression}": expected 6 fields`);
  const [sec, min, hour, dom, mon, dow] = [
    field(fields[0]!, 0, 59),
    field(fields[1]!, 0, 59),
    field(fields[2]!, 0, 23),
    field(fields[3]!, 1, 31),
    field(fields[4]!, 1, 12),
    field(fields[5]!, 0, 7),
  ] as const;
  if (dow.has(7)) dow.add(0);
  const domAny = fields[3] === "*" || fields[3] === "?";
  const dowAny = fields[5] === "*" || fields[5] === "?";
  const dayMatches = (d: Date): boolean => {
    // Vixie cron: when both day fields are restricted, either may match.
    if (domAny) return dowAny || dow.has(d.getDay());
    if (dowAny) return dom.has(d.getDate());
    return dom.has(d.getDate()) || dow.has(d.getDay());
  };
  return {
    next(from) {
      const d = new Date(Math.floor(from / 1000) * 1000 + 1000);
      const limit = from + 5 * 366 * 86_400_000;
      while (d.getTime() < limit) {
        if (!mon.has(d.getMonth() + 1)) {
          d.setMonth(d.getMonth() + 1, 1);
          d.setHours(0, 0, 0);
          continue;
        }
        if (!dayMatches(d)) {
          d.setDate(d.getDate() + 1);
          d.setHours(0, 0, 0);
          continue;
        }
        if (!hour.has(d.getHours())) {
          d.setHours(d.getHours() + 1, 0, 0);
          continue;
        }
        if (!min.has(d.getMinutes())) {
          d.setMinutes(d.getMinutes() + 1, 0);
          continue;
        }
        if (!sec.has(d.getSeconds())) {
          d.setSeconds(d.getSeconds() + 1);
          continue;
        }
        return d.getTime();
      }
      return undefined;
    },
  };
}

function field(text: string, lo: number, hi: number): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = lo;
    let to = hi;
    if (range !== "*" && range !== "?") {
      const [a, b] = range.split("-");
      from = value(a!, text);
      to = b !== undefined ? value(b, text) : stepText !== undefined ? hi : from;
    }
    if (!Number.isInteger(step) || step < 1 || from < lo || to > hi || from > to)
      throw new Error(`invalid cron field "${text}"`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

function value(text: string, fieldText: string): number {
  const named = NAMES[text.toUpperCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) throw new Error(`invalid cron field "${fieldText}"`);
  return Number(text);
}

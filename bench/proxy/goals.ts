// The goal rows of the bench:proxy tables, one process (../proxy.ts) and a worker on every core
// (./all-cores.ts): each throughput goal as the ratio of the two medians and as the median of the
// rounds' own ratios — a target and its reference measured in the same round, a minute apart at
// most, where the medians of each may come from different states of the machine. The paired one
// decides "met": one round of a target against its reference in another state of the VM moves the
// ratio of the medians by more than the few per cent some goals are about (docs/benchmarks.md).

/** A figure per target and round (`byRound[name][round]`), a hole where the round failed. */
export type ByRound = Record<string, ReadonlyArray<number | undefined>>;

/** The median; NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The median over the rounds that measured both of name's figure over ref's; NaN for none. */
export function pairedRatio(byRound: ByRound, name: string, ref: string): number {
  const a = byRound[name] ?? [];
  const b = byRound[ref] ?? [];
  const ratios: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined && y > 0) ratios.push(x / y);
  }
  return median(ratios);
}

/** The header of a goals table whose rows `throughputGoal` (and latency rows of 7 cells) make. */
export const GOAL_HEADER = [
  "| goal | figure | reference (same run) | ratio of the medians | median of the rounds' ratios | target | met |",
  "|---|---:|---|---:|---:|---:|:-:|",
];

const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "—");

/**
 * A throughput goal's row: name's median req/s against ref's (`refLabel` in the table), both
 * ratios, met when the paired one reaches `target`.
 */
export function throughputGoal(
  byRound: ByRound,
  what: string,
  name: string,
  refLabel: string,
  ref: string,
  target: number,
): string {
  const figures = (n: string) => (byRound[n] ?? []).filter((v): v is number => v !== undefined);
  const value = median(figures(name));
  const refValue = median(figures(ref));
  const pair = pairedRatio(byRound, name, ref);
  const ok = Number.isFinite(pair) ? (pair >= target ? "✓" : "✗") : "—";
  const ofMedians = refValue > 0 ? value / refValue : Number.NaN;
  return `| ${what} | ${value.toFixed(0)} req/s | ${refLabel}: ${refValue.toFixed(0)} req/s | ${times(ofMedians)} | ${times(pair)} | ≥ ${target}× | ${ok} |`;
}

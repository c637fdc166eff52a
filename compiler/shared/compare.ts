// The one comparator for deterministic output: by UTF-16 code unit, independent of the locale.
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

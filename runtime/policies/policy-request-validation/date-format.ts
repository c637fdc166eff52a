// Java SimpleDateFormat patterns, strictly (Gravitee's DATE constraint is not lenient): the common
// letters — yyyy, yy, MM, dd, HH, hh, mm, ss, SSS, a — and quoted or other literal characters. A
// value matches when it has exactly the pattern's shape and its fields form a real date.
const FIELDS: Record<string, { re: string; field: string }> = {
  yyyy: { re: "(\\d{4})", field: "year" },
  yy: { re: "(\\d{2})", field: "year2" },
  MM: { re: "(\\d{2})", field: "month" },
  M: { re: "(\\d{1,2})", field: "month" },
  dd: { re: "(\\d{2})", field: "day" },
  d: { re: "(\\d{1,2})", field: "day" },
  HH: { re: "(\\d{2})", field: "hour" },
  H: { re: "(\\d{1,2})", field: "hour" },
  hh: { re: "(\\d{2})", field: "hour12" },
  mm: { re: "(\\d{2})", field: "minute" },
  ss: { re: "(\\d{2})", field: "second" },
  SSS: { re: "(\\d{3})", field: "millis" },
  a: { re: "(AM|PM)", field: "ampm" },
};
const TOKEN = /'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|hh|mm|ss|SSS|a|[A-Za-z]|[^A-Za-z']+/g;

const cache = new Map<string, { re: RegExp; fields: string[] } | undefined>();

function compile(format: string): { re: RegExp; fields: string[] } | undefined {
  if (cache.has(format)) return cache.get(format);
  let source = "";
  const fields: string[] = [];
  let ok = true;
  for (const match of format.matchAll(TOKEN)) {
    const token = match[0];
    if (match[1] !== undefined) source += escapeRegExp(match[1]);
    else if (FIELDS[token]) {
      source += FIELDS[token].re;
      fields.push(FIELDS[token].field);
    } else if (/^[A-Za-z]$/.test(token)) ok = false;
    else source += escapeRegExp(token);
  }
  const compiled = ok ? { re: new RegExp(`^${source}$`), fields } : undefined;
  cache.set(format, compiled);
  return compiled;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `value` is a date in Java's `format` (a pattern letter it does not know: never). */
export function validDate(value: string, format: string): boolean {
  const compiled = compile(format);
  const m = compiled?.re.exec(value);
  if (!compiled || !m) return false;
  const f: Record<string, number> = {};
  compiled.fields.forEach((name, i) => {
    f[name] = Number.isNaN(Number(m[i + 1])) ? 0 : Number(m[i + 1]);
  });
  const year = f.year ?? (f.year2 !== undefined ? 2000 + f.year2 : 1970);
  const month = f.month ?? 1;
  const day = f.day ?? 1;
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return false;
  if ((f.hour ?? 0) > 23 || (f.hour12 !== undefined && (f.hour12 < 1 || f.hour12 > 12))) return false;
  return (f.minute ?? 0) <= 59 && (f.second ?? 0) <= 59;
}

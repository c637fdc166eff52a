// The two halves of check.sh: `dump` prints the cases (one template a line), `compare FILE` checks
// what Gravitee's engine rendered against the expected values; exits 1 on a difference.
import { readFileSync } from "node:fs";
import { FAILING_CASES, REQUEST_CASES } from "../gravitee-values.ts";

const cases = [...REQUEST_CASES, ...FAILING_CASES.map((c) => ({ ...c, expected: "<FAILS>" }))];
const [mode, file] = process.argv.slice(2);
if (mode === "dump") {
  for (const c of cases) process.stdout.write(`${c.source}\n`);
} else {
  const rendered = readFileSync(file ?? "", "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split("\t").slice(1).join("\t"));
  let differences = 0;
  cases.forEach((c, i) => {
    // A failure prints `<FAILS: …>`; a lone null block renders as "" inside a larger template.
    const gravitee = (rendered[i] ?? "").replace(/^<FAILS: .*>$/s, "<FAILS>").replace(/^null$/, "");
    if (gravitee !== c.expected.replace(/\n/g, "\\n")) {
      differences++;
      console.log(
        `${c.source}\n  table:    ${JSON.stringify(c.expected)}\n  Gravitee: ${JSON.stringify(rendered[i])}`,
      );
    }
  });
  console.log(`${cases.length - differences} of ${cases.length} cases equal Gravitee's rendering`);
  process.exitCode = differences === 0 ? 0 : 1;
}

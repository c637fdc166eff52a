// `sluice diff BASE [HEAD]`: what a change to the specs does to clients, per API, each change
// classified breaking / risky / safe with why (compiler/diff/). BASE and HEAD are directories or
// git refs; HEAD defaults to the working tree. `--fail-on` turns the classification into a gate.
import { DIFF_FORMATS, type DiffFormat } from "../diff/render.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, type Io, parse, UsageError } from "./main.ts";

const HELP = `Usage: sluice diff BASE [HEAD] [--dir apis] [--format human|markdown|json] [--fail-on breaking|risky]

Compares the API specs of BASE and HEAD (directories, or git refs: main, origin/main, HEAD~1;
HEAD defaults to the working tree) and classifies every change as breaking, risky or safe.
  --dir DIR        the specs directory inside a git ref, and in the working tree (default apis)
  --format F       human (default), markdown (a pull-request comment), json
  --fail-on LEVEL  exit 1 when a change is at least this severe
`;

export async function commandDiff(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    dir: { type: "string" },
    format: { type: "string" },
    "fail-on": { type: "string" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const format = (values.format ?? "human") as DiffFormat;
  if (!DIFF_FORMATS.includes(format))
    throw new UsageError(
      `--format must be one of ${DIFF_FORMATS.join(", ")}, not \`${String(values.format)}\``,
    );
  const failOn = values["fail-on"];
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "risky")
    throw new UsageError(`--fail-on must be breaking or risky, not \`${failOn}\``);
  if (positionals.length < 1 || positionals.length > 2)
    throw new UsageError("diff takes BASE and optionally HEAD");
  const dir = String(values.dir ?? "apis");
  const { readSide, SideError } = await import("../diff/read-side.ts");
  const { diffSides } = await import("../diff/compare.ts");
  const { renderDiff, summary } = await import("../diff/render.ts");
  const sideOf = async (spec: string | undefined) => {
    try {
      return await readSide(spec ?? dir, dir);
    } catch (error) {
      if (error instanceof SideError) throw new UsageError(error.message);
      throw error;
    }
  };
  // A ref names the repository; the specs are its --dir. A directory is the specs.
  const base = await sideOf(positionals[0]);
  const head = await sideOf(positionals[1]);
  if (positionals[1] === undefined) head.label = `${dir} (working tree)`;
  const changes = diffSides(base, head);
  io.out(renderDiff(changes, format, base.label, head.label));
  const failing =
    failOn === undefined
      ? []
      : changes.filter((c) => c.severity === "breaking" || (failOn === "risky" && c.severity === "risky"));
  if (failing.length > 0) {
    io.err(`sluice: ${summary(changes)}; --fail-on ${failOn}: failing`);
    return EXIT_SPEC_ERRORS;
  }
  return EXIT_OK;
}

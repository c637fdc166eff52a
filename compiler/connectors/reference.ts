// docs/connectors-reference.md, generated from the connectors' folders by `npm run gen:docs`: a table
// of each kind from the manifests, then each connector's README.md (its heading replaced, its other
// headings moved under it, its relative links rewritten to work from docs/).
import { dirname, join, relative, resolve } from "node:path";
import type { ConnectorKind, ConnectorManifest } from "../../runtime/manifest.ts";
import { PROJECT_DIR } from "../shared/package-dir.ts";
import { type ConnectorFolder, KINDS } from "./folders.ts";

export const REFERENCE_FILE = join(PROJECT_DIR, "docs", "connectors-reference.md");

const TITLES: Record<ConnectorKind, string> = {
  entrypoint: "Entrypoints",
  endpoint: "Endpoints",
  security: "Plan security",
  policy: "Policies",
};

const code = (s: string) => `\`${s}\``;
const list = (items: readonly string[] | undefined) => (items?.length ? items.map(code).join(", ") : "—");
const heading = (m: ConnectorManifest) => `${m.id} (${m.kind})`;
const anchor = (m: ConnectorManifest) =>
  heading(m)
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replaceAll(" ", "-");

function table(kind: ConnectorKind, folders: readonly ConnectorFolder[]): string[] {
  const link = (m: ConnectorManifest) => `[${code(m.id)}](#${anchor(m)})`;
  const rows = folders.map((f) => f.manifest);
  switch (kind) {
    case "entrypoint":
      return [
        "| type | API types | listener | modes | QoS offered | what it is |",
        "|---|---|---|---|---|---|",
        ...rows.map(
          (m) =>
            `| ${link(m)} | ${list(m.apiTypes)} | ${m.listener ?? "—"} | ${list(m.modes)} | ${list(m.qos)} | ${m.summary} |`,
        ),
      ];
    case "endpoint":
      return [
        "| type | API types | QoS limits (entrypoint: levels honoured) | what it is |",
        "|---|---|---|---|",
        ...rows.map((m) => {
          const limits = Object.entries(m.qosLimits ?? {})
            .map(([e, q]) => `${code(e)}: ${list(q)}`)
            .join("; ");
          return `| ${link(m)} | ${list(m.apiTypes)} | ${limits || "—"} | ${m.summary} |`;
        }),
      ];
    case "security":
      return [
        "| type | API types | what it is |",
        "|---|---|---|",
        ...rows.map((m) => `| ${link(m)} | ${list(m.apiTypes)} | ${m.summary} |`),
      ];
    case "policy":
      return [
        "| policy | aliases | PROXY phases | MESSAGE phases | v2 phases | error keys | what it does |",
        "|---|---|---|---|---|---|---|",
        ...rows.map(
          (m) =>
            `| ${link(m)} | ${list(m.aliases)} | ${list(m.phases?.PROXY)} | ${list(m.phases?.MESSAGE)} | ${list(m.phases?.V2)} | ${list(m.errorKeys)} | ${m.summary} |`,
        ),
      ];
  }
}

/** A README's body for the reference: no title, headings two levels down, links working from docs/. */
function section(folder: ConnectorFolder, all: readonly ConnectorFolder[], docsDir: string): string {
  const lines = folder.readme.replace(/\r\n/g, "\n").split("\n");
  if (lines[0]?.startsWith("# ")) lines.shift();
  let fenced = false;
  const body = lines.map((line) => {
    if (line.startsWith("```")) fenced = !fenced;
    return !fenced && /^#{1,4} /.test(line) ? `##${line}` : line;
  });
  return body
    .join("\n")
    .trim()
    .replace(/\]\(([^)#\s]+)(#[^)\s]*)?\)/g, (whole, target: string, hash: string | undefined) => {
      if (/^[a-z]+:/i.test(target)) return whole;
      const file = resolve(folder.dir, target);
      const other = all.find((f) => join(f.dir, "README.md") === file);
      if (other) return `](#${anchor(other.manifest)})`;
      return `](${relative(docsDir, file).split("\\").join("/")}${hash ?? ""})`;
    });
}

export function renderConnectorReference(folders: readonly ConnectorFolder[]): string {
  const docsDir = dirname(REFERENCE_FILE);
  const lines = [
    "<!-- Generated from runtime/<kind>/<id>/ (manifest.json, README.md) by `npm run gen:docs`. Do not edit. -->",
    "# Connector reference",
    "",
    "Every entrypoint, endpoint, plan security type and policy the runtime implements, one folder each",
    "(`runtime/<kind>/<id>/`: [connectors.md](connectors.md#adding-a-connector) explains the folder and how to",
    "add one). The tables come from the manifests, the sections from each folder's README.md.",
    "",
  ];
  for (const kind of KINDS) {
    const ofKind = folders.filter((f) => f.manifest.kind === kind);
    lines.push(`## ${TITLES[kind]}`, "", ...table(kind, ofKind), "");
    for (const f of ofKind) {
      lines.push(`### ${heading(f.manifest)}`, "", f.manifest.summary, "", section(f, folders, docsDir), "");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

// `sluice new`: a new API in the terminal, in the steps of Gravitee's creation wizard — details,
// entrypoints, endpoints, security, documentation, summary — with @inquirer/prompts. Every question is also a
// flag, so scripts and tests can run it without a terminal; a missing answer without a terminal is
// a usage error naming the flag. The spec is written, then checked with the rest of the directory
// (a path another API uses is caught too); if the check fails the file is removed again.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { stringify } from "yaml";
import {
  buildApi,
  ENDPOINT_DESCRIPTIONS,
  ENTRYPOINT_DESCRIPTIONS,
  generatedPage,
  MESSAGE_ENDPOINT_TYPES,
  MESSAGE_ENTRYPOINT_TYPES,
  type NewApi,
  type NewPage,
  pageTypeOf,
  SECURITY_CHOICES,
  type Security,
} from "../new/build-api.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

const HELP = `Usage: sluice new [--out apis] [flags]

Creates an API spec step by step (details, entrypoints, endpoints, security, documentation,
summary). Every
question is also a flag; without a terminal, every answer must be given as a flag.
  --name NAME              resource name (lowercase, digits, -)
  --display-name TEXT      the API's name (default: from --name)
  --version V              (default 1.0)
  --description TEXT
  --type proxy|message
  --path /PATH             context path (default /NAME)
  --entrypoints A,B        message: ${MESSAGE_ENTRYPOINT_TYPES.join(", ")}
  --endpoint TYPE          message: ${MESSAGE_ENDPOINT_TYPES.join(", ")}
  --target URL|HOST:PORT   proxy: the backend URL; message: the broker address
  --topic NAME             message: the topic (RabbitMQ: the exchange)
  --security TYPE          ${SECURITY_CHOICES.map((c) => c.flag).join(", ")}
  --jwks-url URL           jwt: where the signing keys are
  --docs none|generated|FILE
                           a documentation page: none, one generated from the answers, or a
                           Markdown, OpenAPI or AsyncAPI file (default: none)
  --yes                    write without asking for confirmation
`;

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export async function commandNew(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string" },
    name: { type: "string" },
    "display-name": { type: "string" },
    version: { type: "string" },
    description: { type: "string" },
    type: { type: "string" },
    path: { type: "string" },
    entrypoints: { type: "string" },
    endpoint: { type: "string" },
    target: { type: "string" },
    topic: { type: "string" },
    security: { type: "string" },
    "jwks-url": { type: "string" },
    docs: { type: "string" },
    yes: { type: "boolean", short: "y" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError("new takes no positional argument (use --name)");
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const prompts = interactive ? await import("@inquirer/prompts") : undefined;
  const ask = async <T>(flag: string, given: T | undefined, question: () => Promise<T>): Promise<T> => {
    if (given !== undefined) return given;
    if (!prompts) throw new UsageError(`--${flag} is missing (no terminal to ask in)`);
    return question();
  };
  const section = (title: string) => {
    if (interactive) io.out(`\n── ${title} ──`);
  };
  const outDir = resolve(String(values.out ?? "apis"));

  section("Details");
  const name = await ask("name", values.name, () =>
    prompts!.input({
      message: "Resource name (file and metadata.name)",
      validate: (v) => NAME.test(v) || "lowercase letters, digits and -, at most 63",
    }),
  );
  if (!NAME.test(name))
    throw new UsageError(`--name \`${name}\`: lowercase letters, digits and -, at most 63`);
  if (existsSync(join(outDir, `${name}.yaml`)))
    throw new UsageError(
      `${relative(process.cwd(), join(outDir, `${name}.yaml`))} exists; choose another name`,
    );
  const displayName = await ask(
    "display-name",
    values["display-name"] ?? (interactive ? undefined : titleOf(name)),
    () => prompts!.input({ message: "API name", default: titleOf(name) }),
  );
  const version = await ask("version", values.version ?? (interactive ? undefined : "1.0"), () =>
    prompts!.input({ message: "Version", default: "1.0" }),
  );
  const description = await ask("description", values.description ?? (interactive ? undefined : ""), () =>
    prompts!.input({ message: "Description (optional)" }),
  );
  const typeFlag = values.type?.toUpperCase();
  if (typeFlag !== undefined && typeFlag !== "PROXY" && typeFlag !== "MESSAGE")
    throw new UsageError("--type must be proxy or message");
  const type = await ask("type", typeFlag as NewApi["type"] | undefined, () =>
    prompts!.select<NewApi["type"]>({
      message: "Backend exposure",
      choices: [
        {
          value: "PROXY",
          name: "Proxy upstream protocol",
          description: "REST, SOAP, GraphQL, gRPC, WebSocket backends",
        },
        {
          value: "MESSAGE",
          name: "Introspect messages from event-driven backend",
          description: "Kafka, MQTT, RabbitMQ, Solace, mock",
        },
      ],
    }),
  );

  section("Entrypoints");
  const path = await ask("path", values.path ?? (interactive ? undefined : `/${name}`), () =>
    prompts!.input({
      message: "Context path",
      default: `/${name}`,
      validate: (v) => (v.startsWith("/") && !/\s/.test(v)) || "starts with / and has no spaces",
    }),
  );
  if (!path.startsWith("/")) throw new UsageError("--path must start with /");
  let entrypoints = ["http-proxy"];
  if (type === "MESSAGE") {
    const listed = values.entrypoints
      ?.split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    for (const e of listed ?? [])
      if (!(MESSAGE_ENTRYPOINT_TYPES as readonly string[]).includes(e))
        throw new UsageError(
          `--entrypoints: \`${e}\` is not a message entrypoint (${MESSAGE_ENTRYPOINT_TYPES.join(", ")})`,
        );
    entrypoints = await ask("entrypoints", listed, () =>
      prompts!.checkbox({
        message: "Entrypoints (space to select)",
        choices: MESSAGE_ENTRYPOINT_TYPES.map((e) => ({
          value: e,
          name: `${e} — ${ENTRYPOINT_DESCRIPTIONS.get(e)}`,
          short: e,
        })),
        required: true,
      }),
    );
  } else if (values.entrypoints !== undefined && values.entrypoints !== "http-proxy")
    throw new UsageError("--entrypoints: a PROXY API has the http-proxy entrypoint only");

  section("Endpoints");
  let endpoint = "http-proxy";
  if (type === "MESSAGE") {
    if (
      values.endpoint !== undefined &&
      !(MESSAGE_ENDPOINT_TYPES as readonly string[]).includes(values.endpoint)
    )
      throw new UsageError(`--endpoint must be one of ${MESSAGE_ENDPOINT_TYPES.join(", ")}`);
    endpoint = await ask("endpoint", values.endpoint, () =>
      prompts!.select({
        message: "Endpoint",
        choices: MESSAGE_ENDPOINT_TYPES.map((e) => ({
          value: e,
          name: e,
          description: ENDPOINT_DESCRIPTIONS.get(e),
        })),
      }),
    );
  } else if (values.endpoint !== undefined && values.endpoint !== "http-proxy")
    throw new UsageError("--endpoint: a PROXY API has the http-proxy endpoint only");
  let target = "";
  let topic = "";
  if (type === "PROXY") {
    target = await ask("target", values.target, () =>
      prompts!.input({
        message: "Backend URL",
        validate: (v) => /^https?:\/\/\S+$/.test(v) || "an http:// or https:// URL",
      }),
    );
    if (!/^https?:\/\/\S+$/.test(target)) throw new UsageError("--target must be an http:// or https:// URL");
  } else if (endpoint !== "mock") {
    const example = {
      kafka: "localhost:9092",
      mqtt5: "localhost:1883",
      rabbitmq: "localhost:5672",
      solace: "tcp://localhost:1883",
    }[endpoint as "kafka"];
    target = await ask("target", values.target, () =>
      prompts!.input({ message: `Broker address (e.g. ${example})`, default: example }),
    );
    topic = await ask("topic", values.topic, () =>
      prompts!.input({ message: endpoint === "rabbitmq" ? "Exchange" : "Topic", default: name }),
    );
  }

  section("Security");
  const onlyWebhook = type === "MESSAGE" && entrypoints.every((e) => e === "webhook");
  const securityFlag =
    values.security === undefined
      ? undefined
      : SECURITY_CHOICES.find((c) => c.flag === values.security)?.value;
  if (values.security !== undefined && securityFlag === undefined)
    throw new UsageError(`--security must be one of ${SECURITY_CHOICES.map((c) => c.flag).join(", ")}`);
  const security: Security = onlyWebhook
    ? "KEY_LESS"
    : await ask("security", securityFlag, () =>
        prompts!.select({
          message: "Plan",
          choices: SECURITY_CHOICES.map(({ value, name, description }) => ({ value, name, description })),
        }),
      );
  let jwksUrl: string | undefined;
  if (security === "JWT") {
    jwksUrl = await ask("jwks-url", values["jwks-url"], () =>
      prompts!.input({
        message: "JWKS URL",
        validate: (v) => /^https?:\/\/\S+$/.test(v) || "an http:// or https:// URL",
      }),
    );
    if (!/^https?:\/\/\S+$/.test(jwksUrl))
      throw new UsageError("--jwks-url must be an http:// or https:// URL");
  }
  if (onlyWebhook && interactive)
    io.out("Webhook subscribers subscribe through a PUSH plan, which is added.");

  section("Documentation");
  const docs = await ask("docs", values.docs ?? (interactive ? undefined : "none"), async () => {
    const choice = await prompts!.select({
      message: "Documentation page",
      choices: [
        { value: "generated", name: "Generated", description: "a Markdown page from the answers above" },
        { value: "file", name: "From a file", description: "a Markdown, OpenAPI or AsyncAPI document" },
        { value: "none", name: "None", description: "no page (add `spec.pages` later)" },
      ],
    });
    if (choice !== "file") return choice;
    return prompts!.input({
      message: "File",
      validate: (v) => existsSync(v) || "no such file",
    });
  });
  const answered: Omit<NewApi, "page"> = {
    name,
    displayName,
    version,
    ...(description ? { description } : {}),
    type,
    path,
    entrypoints,
    endpoint,
    target,
    topic,
    security,
    ...(jwksUrl ? { jwksUrl } : {}),
  };
  let page: NewPage | undefined;
  if (docs === "generated") page = generatedPage(answered);
  else if (docs !== "none") {
    if (!existsSync(docs)) throw new UsageError(`--docs: no such file \`${docs}\``);
    const content = await readFile(docs, "utf8");
    const type = pageTypeOf(content);
    page = {
      type,
      name:
        type === "MARKDOWN" ? displayName : `${displayName} (${type === "SWAGGER" ? "OpenAPI" : "AsyncAPI"})`,
      content,
    };
  }
  const answers: NewApi = { ...answered, ...(page ? { page } : {}) };
  const text = `# Created by \`sluice new\`.\n${stringify(buildApi(answers), { lineWidth: 0 })}`;
  const file = join(outDir, `${name}.yaml`);
  const shown = relative(process.cwd(), file) || file;

  section("Summary");
  if (interactive) io.out(text);
  if (!values.yes && prompts && !(await prompts.confirm({ message: `Write ${shown}?`, default: true }))) {
    io.err("sluice: nothing written");
    return EXIT_OK;
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(file, text);
  const { checkRepository, hasErrors } = await import("../pipeline.ts");
  const check = await checkRepository({ target: relative(process.cwd(), outDir) || "." });
  const mine = check.diagnostics.filter((d) => d.at.file === relative(process.cwd(), file));
  if (hasErrors(mine)) {
    io.out(renderDiagnostics(mine, check.sources, "human"));
    await rm(file);
    io.err(`sluice: ${shown} would not pass check (above); nothing written`);
    return EXIT_SPEC_ERRORS;
  }
  io.err(`sluice: wrote ${shown}, checked, no errors`);
  return EXIT_OK;
}

function titleOf(name: string): string {
  return name
    .split("-")
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(" ");
}

// `sluice new` in a real terminal: tmux runs the command, the test sends keys and reads the
// screen, as a user would — the prompts of each step (documentation included), a checkbox, arrow
// keys, the summary, the
// confirmation — then checks the written spec. Skipped where tmux is not installed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { MANIFESTS } from "../../runtime/connector-manifests.ts";

const summaryOf = (id: string) =>
  MANIFESTS.find((m) => m.id === id && m.kind !== "policy" && m.apiTypes?.includes("MESSAGE"))?.summary ?? id;

const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;
const SESSION = `sluice-new-${process.pid}`;
const tmux = (...args: string[]) => execFileSync("tmux", args, { encoding: "utf8" });
const screen = () => tmux("capture-pane", "-p", "-t", SESSION);

/** Waits until the screen shows `text` (the prompt is ready for keys). */
async function waitFor(text: string | RegExp, timeoutMs = 15000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (typeof text === "string" ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${String(text)}; the screen:\n${shown}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const keys = (...k: string[]) => tmux("send-keys", "-t", SESSION, ...k);

describe.skipIf(!HAS_TMUX)("sluice new in a terminal", () => {
  afterAll(() => {
    spawnSync("tmux", ["kill-session", "-t", SESSION]);
  });

  it("creates a MESSAGE API step by step", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-wizard-"));
    const node = join(PROJECT_DIR, "node_modules", ".bin", "node");
    const command = `${node} ${join(PROJECT_DIR, "bin", "sluice.js")} new; echo "exit=$?"; sleep 60`;
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "90", "-c", dir, command);

    await waitFor("── Details ──");
    await waitFor("Resource name");
    keys("-l", "Orders Feed");
    keys("Enter");
    await waitFor("lowercase letters, digits and -"); // the name is validated as it is typed
    keys("C-u");
    keys("-l", "orders-feed");
    keys("Enter");
    await waitFor("API name (Orders Feed)");
    keys("Enter");
    await waitFor("Version (1.0)");
    keys("Enter");
    await waitFor("Description");
    keys("-l", "Order events as they happen");
    keys("Enter");
    await waitFor("Backend exposure");
    keys("Down", "Enter"); // Introspect messages
    await waitFor("── Entrypoints ──");
    await waitFor("Context path (/orders-feed)");
    keys("Enter");
    const entrypoints = await waitFor("Entrypoints (space to select)");
    // Only message entrypoints are offered for a MESSAGE API.
    // Each with its manifest's summary.
    expect(entrypoints).toContain(`sse — ${summaryOf("sse")}`);
    expect(entrypoints).not.toContain("http-proxy");
    keys("Space", "Down", "Down", "Space", "Enter"); // http-get and sse
    await waitFor("── Endpoints ──");
    const endpoints = await waitFor(summaryOf("kafka"));
    expect(endpoints).toMatch(/kafka[\s\S]*mock[\s\S]*mqtt5[\s\S]*rabbitmq[\s\S]*solace/);
    keys("Down", "Enter"); // mock
    await waitFor("── Security ──");
    await waitFor("anyone may call the API");
    keys("Down", "Enter"); // API key
    await waitFor("── Documentation ──");
    const documentation = await waitFor("a Markdown page from the answers above");
    expect(documentation).toMatch(/Generated[\s\S]*From a file[\s\S]*None/);
    keys("Enter"); // generated
    const summary = await waitFor("Write apis/orders-feed.yaml?");
    expect(summary).toContain("── Summary ──");
    expect(summary).toContain("type: API_KEY");
    expect(summary).toContain("type: MARKDOWN");
    keys("Enter");
    const done = await waitFor("exit=");
    expect(done).toContain("sluice: wrote apis/orders-feed.yaml, checked, no errors");
    expect(done).toContain("exit=0");

    const spec = await readFile(join(dir, "apis", "orders-feed.yaml"), "utf8");
    expect(spec).toContain("name: Orders Feed");
    expect(spec).toContain("description: Order events as they happen");
    expect(spec).toMatch(/entrypoints:\n\s+- type: http-get\n\s+- type: sse/);
    expect(spec).toContain("type: mock");
    // The documentation step's page: generated from the answers, published as the home page.
    expect(spec).toMatch(
      /pages:\n\s+home:\n\s+name: Orders Feed\n\s+type: MARKDOWN\n\s+content: \|\n\s+# Orders Feed\n/,
    );
    expect(spec).toContain("- Plan: API key — subscribed applications send X-Gravitee-Api-Key");
    const check = await checkRepository({ target: join(dir, "apis") });
    expect(check.diagnostics).toEqual([]);
  }, 60000);
});

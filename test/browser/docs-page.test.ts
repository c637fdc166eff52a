// The front-end page of docs/message-apis.md ("From the browser"), as a reader would try it: served
// from another origin, in headless Chromium, against the example API apis/message/demo-mock.yaml
// compiled as it is in the repository (only the gateway's address in the page is replaced).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { mockOf, waitReady } from "../message/message-api.ts";
import {
  findChromium,
  type LaunchedBrowser,
  launchChromium,
  type PageServer,
  servePage,
} from "./chromium.ts";

const chromium = findChromium();

/** The first ```html block after the "From the browser" heading. */
async function docsPage(): Promise<string> {
  const text = await readFile(join(PROJECT_DIR, "docs", "message-apis.md"), "utf8");
  const section = text.slice(text.indexOf("## From the browser"));
  const html = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!html) throw new Error('docs/message-apis.md: no html block under "From the browser"');
  return html;
}

describe.skipIf(!chromium)("the docs' browser page against the example API", () => {
  let gateway: TestGateway;
  let pageServer: PageServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    const spec = await readFile(join(PROJECT_DIR, "apis", "message", "demo-mock.yaml"), "utf8");
    gateway = await startTestGateway({ "demo-mock.yaml": spec });
    await waitReady(gateway);
    const html = (await docsPage()).replace("http://localhost:8082", gateway.url);
    pageServer = await servePage(() => html);
    launched = await launchChromium(chromium!);
  });
  afterAll(async () => {
    await launched?.close();
    await pageServer?.close();
    await gateway?.close();
  });

  it("shows SSE and WebSocket messages, a long-poll page and a posted message", async () => {
    const page = await launched.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(`${pageServer.origin}/`);
    const done = (text: string) =>
      /sse #2: /.test(text) && /ws: \{"event": "tick"\}/.test(text) && /http-post: 202/.test(text);
    const deadline = Date.now() + 20_000;
    let log = "";
    while (!done(log) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      log = await page.$eval("#log", (e) => e.textContent ?? "");
    }
    expect(log).toMatch(/^sse #0: \{"event": "tick"\}$/m);
    expect(log).toMatch(/^http-get: 3 messages, next cursor 2$/m);
    expect(log).toMatch(/^http-post: 202$/m);
    expect(log).toMatch(/^ws: \{"event": "tick"\}$/m);
    expect(errors).toEqual([]);
    const published = mockOf(gateway, "demo-mock").published.map((m) => m.content.toString());
    expect(published).toContain('{"hello":"from fetch"}');
    expect(published).toContain('{"hello":"from a socket"}');
    await page.close();
  });
});

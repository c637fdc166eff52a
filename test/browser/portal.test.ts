// The developer portal `sluice docs` builds for the example repository, served by the gateway on
// its admin port (SLUICE_PORTAL_DIR) and opened in headless Chromium: the API list shows every
// example API, an API's page shows its rendered pages and operations, and try-it sends a request
// through the gateway (the demo-mock API's CORS allows the admin origin). The screenshot of the
// list is docs/images/portal.png (rewritten with SLUICE_UPDATE_SCREENSHOTS=1).
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { buildSite, collectApiDocs } from "../../compiler/docs/build-site.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { waitReady } from "../message/message-api.ts";
import { findChromium, type LaunchedBrowser, launchChromium } from "./chromium.ts";

const chromium = findChromium();
const SCREENSHOT = join(PROJECT_DIR, "docs", "images", "portal.png");
const API_SCREENSHOT = join(PROJECT_DIR, "docs", "images", "portal-api.png");

describe.skipIf(!chromium)("the developer portal in Chromium", () => {
  let gateway: TestGateway;
  let launched: LaunchedBrowser;
  let site: string;
  let names: string[];

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), "sluice-portal-"));
    const read = (p: string) => readFile(join(PROJECT_DIR, "apis", p), "utf8");
    gateway = await startTestGateway(
      {
        "demo-mock.yaml": await read("message/demo-mock.yaml"),
        "orders.yaml": await read("proxy/orders.yaml"),
        "orders-errors.md": await read("proxy/orders-errors.md"),
      },
      { SLUICE_PORTAL_DIR: site },
    );
    await waitReady(gateway);
    const checked = await checkRepository({ target: join(PROJECT_DIR, "apis"), allowEmpty: false });
    const options = { gatewayUrl: gateway.url, title: "Example APIs" };
    const apis = collectApiDocs(checked.model!, checked.valid, options);
    names = apis.map((a) => a.api.name);
    for (const file of buildSite(apis, options)) {
      await mkdir(dirname(join(site, file.path)), { recursive: true });
      await writeFile(join(site, file.path), file.text);
    }
    launched = await launchChromium(chromium!);
  });
  afterAll(async () => {
    await launched?.close();
    await gateway?.close();
    await rm(site, { recursive: true, force: true });
  });

  it("lists every example API at /portal/ on the admin port, and keeps a screenshot", async () => {
    const page = await launched.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${gateway.adminUrl}/portal/`, { waitUntil: "load" });
    const shown = await page.$$eval(".api-card h2", (hs) => hs.map((h) => h.textContent ?? ""));
    expect(shown).toEqual(names);
    expect(shown).toContain("Orders");
    expect(shown).toContain("Demo events (mock)");
    expect(await page.$eval(".count", (e) => e.textContent)).toBe(`${names.length} APIs`);
    // The stylesheet loaded: the cards are laid out in a grid.
    expect(await page.$eval("ul.apis", (e) => getComputedStyle(e).display)).toBe("grid");
    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.SLUICE_UPDATE_SCREENSHOTS === "1") await writeFile(SCREENSHOT, png);
    await expect(readFile(SCREENSHOT)).resolves.toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an API's page shows its Markdown pages and operations; try-it calls the gateway", async () => {
    const page = await launched.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${gateway.adminUrl}/portal/`, { waitUntil: "load" });
    await Promise.all([page.waitForNavigation(), page.click('[data-api="orders"] a')]);
    expect(await page.$eval("article h1", (e) => e.textContent)).toBe("Orders v2.3.0");
    expect(await page.$eval(".homepage table", (e) => e.textContent)).toContain("X-Gravitee-Api-Key");
    const ops = await page.$$eval("details.operation summary", (s) =>
      s.map((x) => x.textContent?.trim() ?? ""),
    );
    expect(ops[0]).toMatch(/^GET \/orders/);
    if (process.env.SLUICE_UPDATE_SCREENSHOTS === "1") {
      await page.click("details.operation summary");
      await writeFile(API_SCREENSHOT, await page.screenshot({ fullPage: true }));
    }
    await Promise.all([page.waitForNavigation(), page.click("nav.pages a[href$='errors.html']")]);
    expect(await page.$eval(".page h1", (e) => e.textContent)).toBe("Errors and retries");

    await page.goto(`${gateway.adminUrl}/portal/apis/demo-mock/index.html`, { waitUntil: "load" });
    const form = 'details.operation:has(form[data-method="GET"])';
    await page.click(`${form} summary`);
    await page.click(`${form} button`);
    await page.waitForFunction(
      (sel) => document.querySelector(`${sel} output`)?.className === "ok",
      { timeout: 10_000 },
      form,
    );
    const output = await page.$eval(`${form} output`, (e) => e.textContent ?? "");
    expect(output).toMatch(/^200 OK\n/);
    expect(output).toContain('"content":"{\\"event\\": \\"tick\\"}"');
    await page.close();
  });
});

// SecurityContext.resource(): an API's resources with environment references resolved at start,
// secrets read from the secret volume each time (a rotated client secret is seen), disabled
// resources absent, and a missing variable reported like any other.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResources } from "../../runtime/consumers/resources.ts";
import { SecretStore } from "../../runtime/consumers/secrets.ts";
import { EnvError } from "../../runtime/env.ts";
import { createLogger } from "../../runtime/server/log.ts";
import { writeSecretVolume } from "../../scripts/dev-secrets.ts";

let dir: string;
const log = createLogger({}, () => {});
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sluice-resources-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("resources", () => {
  it("resolves the environment once and reads secrets on every call", async () => {
    await writeSecretVolume(dir, "auth", { "client-secret": "first\n" });
    const secrets = new SecretStore(dir, log, 60_000);
    const resource = createResources(
      [
        {
          name: "auth-server",
          type: "oauth2",
          enabled: true,
          configuration: {
            introspectionEndpoint: { $env: "AUTH_URL", kind: "string", field: "f" },
            clientId: "gateway",
            clientSecret: "[[ secret `auth/client-secret` ]]",
            nested: { list: ["[[ secret `auth/client-secret` ]]"] },
          },
        },
        { name: "off", type: "cache", enabled: false, configuration: {} },
      ],
      { AUTH_URL: "http://127.0.0.1:9000/introspect" },
      secrets,
    );
    expect(resource("auth-server")).toEqual({
      name: "auth-server",
      type: "oauth2",
      configuration: {
        introspectionEndpoint: "http://127.0.0.1:9000/introspect",
        clientId: "gateway",
        clientSecret: "first",
        nested: { list: ["first"] },
      },
    });
    expect(resource("off")).toBeUndefined();
    expect(resource("constructor")).toBeUndefined();
    await writeSecretVolume(dir, "auth", { "client-secret": "second" });
    await secrets.poll();
    expect(resource("auth-server")?.configuration.clientSecret).toBe("second");
    secrets.close();
  });

  it("a reference that would leave the secrets directory reads nothing", async () => {
    await writeSecretVolume(dir, "auth", { "client-secret": "inside" });
    const secrets = new SecretStore(join(dir, "auth"), log, 60_000);
    expect(secrets.read({ name: "..data", key: "client-secret" })).toBeUndefined();
    expect(secrets.read({ name: "x", key: "../client-secret" })).toBeUndefined();
    expect(new SecretStore(dir, log).read({ name: "auth", key: "client-secret" })).toBe("inside");
  });

  it("a missing variable is an EnvError", () => {
    expect(() =>
      createResources(
        [
          {
            name: "r",
            type: "oauth2",
            enabled: true,
            configuration: { url: { $env: "MISSING_URL", kind: "string", field: "f" } },
          },
        ],
        {},
        new SecretStore(undefined, log),
      ),
    ).toThrow(EnvError);
  });
});

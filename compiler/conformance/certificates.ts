// The test PKI of `sluice test` for MTLS plans: a CA, the gateway's server certificate and client
// certificates, made with the openssl command (what CI images and developer machines have; none
// of Node's modules makes X.509 certificates). Without openssl, MTLS plans are skipped, saying so.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Pki {
  dir: string;
  caFile: string;
  ca: string;
  serverCertFile: string;
  serverKeyFile: string;
  /** A client certificate and key signed by the CA, made on first use. */
  client(name: string): { cert: string; key: string };
}

export const hasOpenssl = (): boolean => spawnSync("openssl", ["version"], { stdio: "ignore" }).status === 0;

export function makePki(dir: string): Pki {
  mkdirSync(dir, { recursive: true });
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  ssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "1",
    "-subj",
    "/CN=sluice test CA",
  );
  const leaf = (name: string, cn: string, ext: string) => {
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.csr`,
      "-subj",
      `/CN=${cn}`,
    );
    ssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "1",
      "-extfile",
      `${name}.ext`,
    );
    return {
      cert: readFileSync(join(dir, `${name}.pem`), "utf8"),
      key: readFileSync(join(dir, `${name}.key`), "utf8"),
    };
  };
  leaf("server", "localhost", "subjectAltName=IP:127.0.0.1,DNS:localhost");
  const clients = new Map<string, { cert: string; key: string }>();
  return {
    dir,
    caFile: join(dir, "ca.pem"),
    ca: readFileSync(join(dir, "ca.pem"), "utf8"),
    serverCertFile: join(dir, "server.pem"),
    serverKeyFile: join(dir, "server.key"),
    client(name) {
      let pair = clients.get(name);
      if (!pair) {
        pair = leaf(`client-${clients.size}`, name, "extendedKeyUsage=clientAuth");
        clients.set(name, pair);
      }
      return pair;
    },
  };
}

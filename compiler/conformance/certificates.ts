// The test PKI of `sluice test` for MTLS plans: a CA, the gateway's server certificate and client
// certificates, made with the openssl command (what CI images and developer machines have; none
// of Node's modules makes X.509 certificates). Without openssl, MTLS plans are skipped, saying so.
// `makeAuthority` and `makeLeaf` are the two openssl steps every PKI here is built from.
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

/** A certificate and its key, as PEM text and as the files `<name>.pem` and `<name>.key`. */
export interface PemPair {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export const hasOpenssl = (): boolean => spawnSync("openssl", ["version"], { stdio: "ignore" }).status === 0;

const openssl = (dir: string, args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

/** A new RSA key, unencrypted, written to `<name>.key`: the arguments for `openssl req`. */
const newKey = (name: string) => ["-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`];

const readPair = (dir: string, name: string): PemPair => ({
  cert: readFileSync(join(dir, `${name}.pem`), "utf8"),
  key: readFileSync(join(dir, `${name}.key`), "utf8"),
  certPath: join(dir, `${name}.pem`),
  keyPath: join(dir, `${name}.key`),
});

/**
 * A self-signed certificate (a CA) for `subject` (openssl's `/C=…/CN=…` form), written to
 * `<dir>/<name>.pem` and `<name>.key`, valid for `days`.
 */
export function makeAuthority(dir: string, name: string, subject: string, days = 1): PemPair {
  mkdirSync(dir, { recursive: true });
  openssl(dir, [
    "req",
    "-x509",
    ...newKey(name),
    "-out",
    `${name}.pem`,
    "-days",
    String(days),
    "-subj",
    subject,
  ]);
  return readPair(dir, name);
}

/**
 * A certificate for `subject` written to `<dir>/<name>.pem` and `<name>.key`, signed by the CA
 * `<dir>/<ca>.pem`, with the X.509 v3 extensions in `ext` (an openssl extfile line).
 */
export function makeLeaf(
  dir: string,
  name: string,
  subject: string,
  ca: string,
  ext: string,
  days = 1,
): PemPair {
  openssl(dir, ["req", ...newKey(name), "-out", `${name}.csr`, "-subj", subject]);
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, [
    "x509",
    "-req",
    "-in",
    `${name}.csr`,
    "-CA",
    `${ca}.pem`,
    "-CAkey",
    `${ca}.key`,
    "-CAcreateserial",
    "-out",
    `${name}.pem`,
    "-days",
    String(days),
    "-extfile",
    `${name}.ext`,
  ]);
  return readPair(dir, name);
}

export function makePki(dir: string): Pki {
  const ca = makeAuthority(dir, "ca", "/CN=sluice test CA");
  const server = makeLeaf(dir, "server", "/CN=localhost", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost");
  const clients = new Map<string, { cert: string; key: string }>();
  return {
    dir,
    caFile: ca.certPath,
    ca: ca.cert,
    serverCertFile: server.certPath,
    serverKeyFile: server.keyPath,
    client(name) {
      let pair = clients.get(name);
      if (!pair) {
        const { cert, key } = makeLeaf(
          dir,
          `client-${clients.size}`,
          `/CN=${name}`,
          "ca",
          "extendedKeyUsage=clientAuth",
        );
        pair = { cert, key };
        clients.set(name, pair);
      }
      return pair;
    },
  };
}

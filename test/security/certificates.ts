// Certificates for the TLS and mTLS tests, made with the openssl CLI in a fresh temp directory:
// two CAs (one the gateway trusts, one it has never heard of), a server certificate for
// 127.0.0.1 and client certificates signed by either CA.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Pem {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
}

export interface TestPki {
  dir: string;
  ca: Pem;
  otherCa: Pem;
  server: Pem;
  client(name: string, ca?: "ca" | "otherCa"): Pem;
}

export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "sluice-pki-"));
  const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const read = (name: string): Pem => ({
    cert: readFileSync(join(dir, `${name}.pem`), "utf8"),
    key: readFileSync(join(dir, `${name}.key`), "utf8"),
    certPath: join(dir, `${name}.pem`),
    keyPath: join(dir, `${name}.key`),
  });
  const authority = (name: string) => {
    ssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      "-subj",
      `/CN=${name}`,
    );
    return read(name);
  };
  const leaf = (name: string, ca: string, ext: string): Pem => {
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
      `/CN=${name}`,
    );
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl(
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
      "2",
      "-extfile",
      `${name}.ext`,
    );
    return read(name);
  };
  const ca = authority("ca");
  const otherCa = authority("other-ca");
  const server = leaf("server", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  return {
    dir,
    ca,
    otherCa,
    server,
    client: (name, which = "ca") =>
      leaf(name, which === "ca" ? "ca" : "other-ca", "extendedKeyUsage=clientAuth\n"),
  };
}

// Certificates for the TLS and mTLS tests, made in a fresh temp directory with the product's
// openssl steps (compiler/conformance/certificates.ts): two CAs (one the gateway trusts, one it
// has never heard of), a server certificate for 127.0.0.1 and client certificates signed by
// either CA.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeAuthority, makeLeaf, type PemPair } from "../../compiler/conformance/certificates.ts";

export type Pem = PemPair;

export interface TestPki {
  dir: string;
  ca: Pem;
  otherCa: Pem;
  server: Pem;
  client(name: string, ca?: "ca" | "otherCa"): Pem;
}

export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), "sluice-pki-"));
  const ca = makeAuthority(dir, "ca", "/CN=ca", 2);
  const otherCa = makeAuthority(dir, "other-ca", "/CN=other-ca", 2);
  const server = makeLeaf(
    dir,
    "server",
    "/CN=server",
    "ca",
    "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
    2,
  );
  return {
    dir,
    ca,
    otherCa,
    server,
    client: (name, which = "ca") =>
      makeLeaf(
        dir,
        name,
        `/CN=${name}`,
        which === "ca" ? "ca" : "other-ca",
        "extendedKeyUsage=clientAuth\n",
        2,
      ),
  };
}

/**
 * A SASL login on a raw Kafka connection (`client.ts`), so Metadata and
 * DescribeQuorum reach a cluster whose client listener asks for SASL:
 * SaslHandshake v1, then SaslAuthenticate v1 with PLAIN (RFC 4616) or SCRAM
 * (RFC 5802: client-first, server-first, client-final with the proof, and the
 * server's signature checked).
 * @module
 */
import { Buffer } from "node:buffer";
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";
import { type Reader, WireAuthError, type WireSasl, Writer } from "./codec.ts";

const SASL_HANDSHAKE = 17;
const SASL_AUTHENTICATE = 36;

type Exchange = (
  api: { key: number; version: number; flexible: boolean },
  body: Buffer,
) => Promise<Reader>;

/** Logs `sasl` in on the connection `send` talks through; throws {@linkcode WireAuthError}. */
export async function saslAuthenticate(
  send: Exchange,
  sasl: WireSasl,
  address: string,
): Promise<void> {
  const mechanism = sasl.mechanism.toUpperCase();
  const hs = await send(
    { key: SASL_HANDSHAKE, version: 1, flexible: false },
    new Writer().string(mechanism).bytes(),
  );
  const hsError = hs.int16();
  const offered = hs.array(() => hs.nullableString() ?? "");
  hs.end();
  if (hsError !== 0) {
    throw new WireAuthError(hsError, address, `the broker offers ${offered.join(", ")}`);
  }
  const step = async (bytes: Uint8Array): Promise<Buffer> => {
    const r = await send(
      { key: SASL_AUTHENTICATE, version: 1, flexible: false },
      new Writer().sizedBytes(bytes).bytes(),
    );
    const code = r.int16();
    const message = r.nullableString();
    const answer = r.sizedBytes();
    if (code !== 0) throw new WireAuthError(code, address, message ?? "authentication failed");
    return answer;
  };
  if (sasl.mechanism === "plain") {
    await step(Buffer.from(`\0${sasl.username}\0${sasl.password}`, "utf8"));
    return;
  }
  await scram(step, sasl, address);
}

async function scram(
  step: (bytes: Uint8Array) => Promise<Buffer>,
  sasl: WireSasl,
  address: string,
): Promise<void> {
  const hash = sasl.mechanism === "scram-sha-512" ? "sha512" : "sha256";
  const keyLength = hash === "sha512" ? 64 : 32;
  const user = sasl.username.replaceAll("=", "=3D").replaceAll(",", "=2C");
  const nonce = randomBytes(18).toString("base64");
  const clientFirstBare = `n=${user},r=${nonce}`;
  const serverFirst = (await step(Buffer.from(`n,,${clientFirstBare}`))).toString("utf8");
  const attrs = new Map(serverFirst.split(",").map((kv) => [kv[0], kv.slice(2)]));
  const serverNonce = attrs.get("r") ?? "";
  const salt = Buffer.from(attrs.get("s") ?? "", "base64");
  const iterations = Number(attrs.get("i"));
  if (!serverNonce.startsWith(nonce) || !(iterations > 0)) {
    throw new WireAuthError(58, address, "the server's SCRAM challenge is malformed");
  }
  const salted = pbkdf2Sync(sasl.password, salt, iterations, keyLength, hash);
  const hmac = (key: Uint8Array, text: string) => createHmac(hash, key).update(text).digest();
  const clientKey = hmac(salted, "Client Key");
  const storedKey = createHash(hash).update(clientKey).digest();
  const withoutProof = `c=biws,r=${serverNonce}`;
  const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(storedKey, authMessage);
  const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
  const serverFinal = (await step(Buffer.from(`${withoutProof},p=${proof.toString("base64")}`)))
    .toString("utf8");
  const expected = hmac(hmac(salted, "Server Key"), authMessage);
  const got = Buffer.from(serverFinal.startsWith("v=") ? serverFinal.slice(2) : "", "base64");
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
    throw new WireAuthError(58, address, "the server's SCRAM signature does not match");
  }
}

/**
 * What the wire client's unit tests share: the frames recorded from Kafka
 * 4.1.1 (`fixtures/wire/*.hex`: a request and its response as hex, `#`
 * comments) and a read of exactly n bytes from a loopback connection.
 * @module
 */
import { Buffer } from "node:buffer";

export const FIXTURES = new URL("./fixtures/wire/", import.meta.url);

/** A recorded request (hex) and its response (bytes). */
export function recording(name: string): { request: string; response: Uint8Array } {
  const hex: Record<string, string> = { request: "", response: "" };
  let section = "";
  for (const line of Deno.readTextFileSync(new URL(`${name}.hex`, FIXTURES)).split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (line === "request:" || line === "response:") section = line.slice(0, -1);
    else hex[section] += line.trim();
  }
  return { request: hex.request, response: new Uint8Array(Buffer.from(hex.response, "hex")) };
}

/** Exactly `n` bytes from `conn`, or undefined when it closes first. */
export async function readFully(conn: Deno.Conn, n: number): Promise<Uint8Array | undefined> {
  const out = new Uint8Array(n);
  for (let got = 0; got < n;) {
    const read = await conn.read(out.subarray(got));
    if (read === null) return undefined;
    got += read;
  }
  return out;
}

/** The web console's guards against DNS rebinding, cross-site requests and missing tokens. */
import assert from "node:assert/strict";
import {
  isLocalHost,
  isLocalOrigin,
  newToken,
  refusal,
  sameToken,
  TOKEN_HEADER,
} from "../../commands/ui/security.ts";

const guard = { port: 8080, token: "0123456789abcdef0123456789abcdef" };
const request = (method: string, headers: Record<string, string>) =>
  new Request("http://127.0.0.1:8080/api/groups/g/reset", { method, headers });

Deno.test("isLocalHost accepts only localhost, 127.0.0.1 and [::1] on the console's port", () => {
  assert.ok(isLocalHost("127.0.0.1:8080", 8080));
  assert.ok(isLocalHost("LOCALHOST:8080", 8080));
  assert.ok(isLocalHost("[::1]:8080", 8080));
  assert.ok(!isLocalHost("localhost:8081", 8080));
  assert.ok(!isLocalHost("evil.example:8080", 8080), "a rebinding name");
  assert.ok(!isLocalHost("127.0.0.1.evil.example:8080", 8080));
  assert.ok(!isLocalHost(null, 8080));
});

Deno.test("isLocalOrigin accepts no Origin or the console's own, nothing else", () => {
  assert.ok(isLocalOrigin(null, 8080));
  assert.ok(isLocalOrigin("http://localhost:8080", 8080));
  assert.ok(!isLocalOrigin("http://evil.example", 8080));
  assert.ok(!isLocalOrigin("https://localhost:8080", 8080));
  assert.ok(!isLocalOrigin("null", 8080), "sandboxed frames send the string null");
});

Deno.test("refusal lets reads through and asks changes for the token and a JSON body", () => {
  const host = { host: "127.0.0.1:8080" };
  assert.equal(refusal(request("GET", host), guard), undefined);
  assert.equal(refusal(request("GET", { host: "evil.example:8080" }), guard), "host");
  assert.equal(
    refusal(request("GET", { ...host, origin: "http://evil.example" }), guard),
    "origin",
  );
  const json = { ...host, "content-type": "application/json" };
  assert.equal(refusal(request("POST", json), guard), "token");
  assert.equal(refusal(request("POST", { ...json, [TOKEN_HEADER]: "wrong" }), guard), "token");
  assert.equal(
    refusal(request("POST", { ...host, [TOKEN_HEADER]: guard.token }), guard),
    "content-type",
    "a form post (text/plain) is refused even with the token",
  );
  assert.equal(
    refusal(request("POST", { ...json, [TOKEN_HEADER]: guard.token }), guard),
    undefined,
  );
});

Deno.test("newToken makes 128-bit hex tokens that differ; sameToken compares exactly", () => {
  const a = newToken();
  assert.match(a, /^[0-9a-f]{32}$/);
  assert.notEqual(a, newToken());
  assert.ok(sameToken(a, a));
  assert.ok(!sameToken(a.slice(0, 31) + "x", a));
  assert.ok(!sameToken(null, a));
});

/** The web console's guards against DNS rebinding, cross-site requests and missing tokens. */
import assert from "node:assert/strict";
import {
  isLocalHost,
  isLocalOrigin,
  newToken,
  refusal,
  refusalStatus,
  sameToken,
  TOKEN_HEADER,
} from "../../commands/ui/security.ts";
import type { ApiContext } from "../../commands/ui/api.ts";
import { handle } from "../../commands/ui/server.ts";

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

Deno.test("refusal asks every API call for the token, reads included, and changes for a JSON body", () => {
  const host = { host: "127.0.0.1:8080" };
  const at = (method: string, path: string, headers: Record<string, string>) =>
    new Request(`http://127.0.0.1:8080${path}`, { method, headers });
  // The page itself holds no data: served without the token (it takes the token from its URL).
  for (const path of ["/", "/app.js", "/core.js", "/style.css"]) {
    assert.equal(refusal(at("GET", path, host), guard), undefined, path);
  }
  for (const path of ["/api/info", "/api/topics", "/api/topics/t/messages?partition=0", "/api"]) {
    assert.equal(refusal(at("GET", path, host), guard), "token", `${path} without the token`);
    assert.equal(
      refusal(at("GET", path, { ...host, [TOKEN_HEADER]: "wrong" }), guard),
      "token",
      `${path} with a wrong token`,
    );
    assert.equal(
      refusal(at("GET", path, { ...host, [TOKEN_HEADER]: guard.token }), guard),
      undefined,
      `${path} with the token`,
    );
  }
  assert.equal(refusal(request("GET", { host: "evil.example:8080" }), guard), "host");
  assert.equal(
    refusal(
      request("GET", { ...host, origin: "http://evil.example", [TOKEN_HEADER]: guard.token }),
      guard,
    ),
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
  assert.equal(refusalStatus("token"), 401);
  assert.equal(refusalStatus("host"), 403);
});

/** Our own stand-in for the API's context: these requests must be answered before it is used. */
const untouchedApi = new Proxy({}, {
  get: (_, name) => {
    throw new Error(`the API context was used (${String(name)})`);
  },
}) as unknown as ApiContext;

Deno.test("handle: a tokenless read is refused with 401 and a JSON error in English and Russian", async () => {
  for (const path of ["/api/topics/secret/messages?partition=0", "/api/topics", "/api/info"]) {
    const res = await handle(
      new Request(`http://127.0.0.1:8080${path}`, { headers: { host: "127.0.0.1:8080" } }),
      guard,
      untouchedApi,
      "en",
    );
    assert.equal(res.status, 401, path);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    const body = await res.json();
    assert.equal(body.refused, "token");
    assert.match(body.error.en, /token/);
    assert.match(body.error.ru, /токен/);
  }
});

Deno.test("handle: a bad %-encoding in the path is a 400 with a JSON error, no stack trace", async () => {
  for (const path of ["/api/topics/%E0%A4/messages", "/api/topics/%zz", "/api/groups/%"]) {
    const res = await handle(
      new Request(`http://127.0.0.1:8080${path}`, {
        headers: { host: "127.0.0.1:8080", [TOKEN_HEADER]: guard.token },
      }),
      guard,
      untouchedApi,
      "en",
    );
    const text = await res.text();
    assert.equal(res.status, 400, `${path}: ${text}`);
    const body = JSON.parse(text);
    assert.match(body.error.en, /%-encoding/);
    assert.match(body.error.ru, /%-кодировка/);
    assert.doesNotMatch(text, /URIError|\bat\s|\.ts:\d+/, "no stack trace");
  }
});

Deno.test("newToken makes 128-bit hex tokens that differ; sameToken compares exactly", () => {
  const a = newToken();
  assert.match(a, /^[0-9a-f]{32}$/);
  assert.notEqual(a, newToken());
  assert.ok(sameToken(a, a));
  assert.ok(!sameToken(a.slice(0, 31) + "x", a));
  assert.ok(!sameToken(null, a));
});

Deno.test("handle: every change the console makes is refused without the token, or without a JSON body", async () => {
  const changes: Array<[string, string]> = [
    ["POST", "/api/topics"],
    ["DELETE", "/api/topics/orders"],
    ["POST", "/api/topics/orders/configs"],
    ["POST", "/api/topics/orders/records"],
    ["POST", "/api/groups/g/reset"],
  ];
  for (const [method, path] of changes) {
    const send = (headers: Record<string, string>) =>
      handle(
        new Request(`http://127.0.0.1:8080${path}`, {
          method,
          headers: { host: "127.0.0.1:8080", ...headers },
          body: "{}",
        }),
        guard,
        untouchedApi,
        "en",
      );
    const tokenless = await send({ "content-type": "application/json" });
    assert.equal(tokenless.status, 401, `${method} ${path}`);
    assert.equal((await tokenless.json()).refused, "token");
    const form = await send({ [TOKEN_HEADER]: guard.token, "content-type": "text/plain" });
    assert.equal(form.status, 403, `${method} ${path} as a form`);
    assert.equal((await form.json()).refused, "content-type");
  }
});

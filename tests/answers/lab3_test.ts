/** Lab 3's answer key, proven on the real cluster and registry. */
import assert from "node:assert/strict";
import schema from "../../labs/lab3_coordinates/schema.json" with { type: "json" };
import { RegistryClient, SchemaValidationError } from "../../lib/registry.ts";
import { captureOutput, clusterConfig, unique } from "../helpers.ts";
import { send, withTopic } from "./support.ts";

Deno.test("lab3 answer: a record without latitude is refused by the producer but not by the broker", async () => {
  const config = clusterConfig();
  const registry = new RegistryClient(config, captureOutput().out);
  const subject = unique("answer-coordinates-value");
  try {
    const { id } = await registry.registerJson(schema, subject);
    await assert.rejects(
      () => registry.encode(id, { id: 7, longitude: 37.62 }),
      (err: unknown) => {
        assert.ok(err instanceof SchemaValidationError);
        assert.ok(err.issues.some((i) => /latitude/.test(`${i.path} ${i.message}`)), err.message);
        return true;
      },
    );
    const valid = await registry.encode(id, { id: 7, longitude: 37.62, latitude: 55.75 });
    assert.equal(valid[0], 0, "a valid record is encoded in the wire format");

    await withTopic(1, async (topic) => {
      const [ack] = await send(topic, [{
        key: "7",
        value: JSON.stringify({ id: 7, longitude: 37.62 }),
      }]);
      assert.equal(ack.offset, 0, "the broker stores whatever bytes it is given");
    });
  } finally {
    await fetch(`${config.registryUrl}/subjects/${encodeURIComponent(subject)}`, {
      method: "DELETE",
    })
      .then((r) => r.body?.cancel());
  }
});

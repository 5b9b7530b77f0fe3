/**
 * The grader's side of lab 3's exercise in the Schema Registry (its
 * Confluent-compatible API): the latest schema a subject holds and its id,
 * Confluent wire-format values for the grader's own records (good and
 * poison), and deleting the check run's subjects.
 *
 * @example
 * ```ts
 * await latestSchema(url, "kafka-lab-exercise-1a2b3c4d.users_coordinates-value"); // { id, schema } | undefined
 * wireValue(7, { id: 1 }); // 0x00, 0x00000007, then the JSON
 * ```
 * @module
 */

/** The latest schema under `subject` and its id; undefined when the subject has none. */
export async function latestSchema(
  registryUrl: string,
  subject: string,
): Promise<{ id: number; schema: string } | undefined> {
  const url = `${registryUrl}/subjects/${encodeURIComponent(subject)}/versions/latest`;
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) {
    await res.body?.cancel();
    return undefined;
  }
  const body = await res.json() as { id?: number; schema?: string };
  return body.id === undefined ? undefined : { id: body.id, schema: body.schema ?? "" };
}

/** A Confluent wire-format value: magic byte 0, the schema id (4 bytes, big-endian), the bytes. */
export function wireValue(schemaId: number, payload: unknown, raw?: string): Uint8Array {
  const body = new TextEncoder().encode(raw ?? JSON.stringify(payload));
  const out = new Uint8Array(5 + body.length);
  new DataView(out.buffer).setInt32(1, schemaId);
  out.set(body, 5);
  return out;
}

/** Deletes `subject` (soft, then permanently); a subject that is not there is fine. */
export async function deleteSubject(registryUrl: string, subject: string): Promise<void> {
  for (const query of ["", "?permanent=true"]) {
    const url = `${registryUrl}/subjects/${encodeURIComponent(subject)}${query}`;
    const res = await fetch(url, { method: "DELETE", signal: AbortSignal.timeout(10_000) })
      .catch(() => undefined);
    await res?.body?.cancel();
  }
}

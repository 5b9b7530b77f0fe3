/**
 * An OffsetCommit of a fake consumer's group member, as a coordinator answers
 * it: injected `commit` faults hit here (before or after the offsets are
 * stored, or no answer at all), a member that is not in the group is
 * UNKNOWN_MEMBER_ID, and every commit goes to the cluster's request log.
 *
 * @module
 */
import type { TopicPartitionOffset } from "../port.ts";
import type { FakeCluster } from "./cluster.ts";
import { protocolError } from "./errors.ts";
import { faultError, type RequestScope } from "./faults.ts";
import type { FakeGroup } from "./group.ts";
import { errorName } from "./requests.ts";

/** The member that commits, as it stands now. */
export interface CommittingMember {
  readonly cluster: FakeCluster;
  /** The member's group (made on first use, so asked only when the commit gets that far). */
  group(): FakeGroup;
  readonly groupId: string;
  readonly connected: boolean;
  readonly memberId: string | undefined;
  readonly generation: number;
  /** Aborts a commit left without an answer (the consumer stops). */
  readonly signal: AbortSignal;
}

/** Commits `offsets` for `m`; throws the refusal, or returns a promise that never answers. */
export function commitAs(
  m: CommittingMember,
  offsets: TopicPartitionOffset[],
  scope: RequestScope,
): void | Promise<never> {
  const logged = offsets.map((o) => ({ ...o }));
  const fault = m.cluster.takeFault("commit", scope);
  if (fault?.fault.hang) return m.cluster.hang(m.cluster.addresses[0], m.signal);
  const faultErr = fault && faultError(fault.fault.error, m.cluster.addresses[0]);
  try {
    if (faultErr && fault.fault.when !== "after") throw faultErr;
    if (!m.connected || m.memberId === undefined) {
      throw protocolError("UNKNOWN_MEMBER_ID");
    }
    const parsed = offsets.map((o) => ({ ...o, offset: BigInt(o.offset) }));
    m.group().commit(m.memberId, m.generation, parsed);
    if (faultErr) throw faultErr;
    m.cluster.log({ kind: "commit", groupId: m.groupId, offsets: logged });
  } catch (err) {
    m.cluster.log({ kind: "commit", groupId: m.groupId, offsets: logged, error: errorName(err) });
    throw err;
  }
}

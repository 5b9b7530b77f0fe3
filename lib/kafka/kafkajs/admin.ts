/**
 * kafkajs' admin client as the port's {@linkcode Admin}, replaced by a fresh
 * one when kafkajs' own state has gone bad.
 *
 * kafkajs 2.2.4 keeps, per admin client, a set of "target topics": every topic
 * it has looked partitions up for (`fetchOffsets`, `fetchTopicOffsets`,
 * `setOffsets`, `resetOffsets`). Each later metadata refresh asks for all of
 * them, and once one of them is deleted by someone else, every refresh fails
 * with UNKNOWN_TOPIC_OR_PARTITION: that client can no longer look up any
 * topic (`groups describe` failed so in CI while another test deleted its
 * topics; the console, which keeps its admin for hours, would stay broken).
 * Its `fetchTopicOffsets` also fails with a TypeError (`high.pop(...)` is
 * undefined) when its cached metadata lists the topic without partitions.
 * Only `deleteTopics` removes a target topic, so on those errors the client
 * is retired (disconnected once its calls in flight end), and the call runs
 * once more on a fresh client when the old one had looked up other topics
 * (kafkajs has already retried it for several seconds by then). A topic that
 * really does not exist still fails with Kafka's own error.
 *
 * @example
 * ```ts
 * const admin = portAdmin(() => kafka.admin());
 * await admin.connect();
 * ```
 * @module
 */
import { type Admin as KafkajsAdmin, AssignerProtocol } from "kafkajs";
import { protocolErrorType } from "../../error_kinds.ts";
import type { Admin, MemberDescription } from "../port.ts";

/** Errors after which a kafkajs admin client must not be used again (see the module docs). */
function spoilsAdmin(err: unknown): boolean {
  if (protocolErrorType(err) === "UNKNOWN_TOPIC_OR_PARTITION") return true;
  return err instanceof TypeError && /high\.pop/.test(err.message);
}

/** The partitions a member holds, from its assignment bytes (empty when not the consumer protocol). */
function decodeAssignment(bytes: Uint8Array | undefined): { [topic: string]: number[] } {
  if (!bytes || bytes.length === 0) return {};
  try {
    return AssignerProtocol.MemberAssignment.decode(bytes as never)?.assignment ?? {};
  } catch {
    // Not a consumer-protocol assignment (e.g. a connect worker): nothing to show.
    return {};
  }
}

/**
 * Runs a group request and names the group on kafkajs' "coordinator not
 * found", which is all kafkajs keeps of a GROUP_AUTHORIZATION_FAILED
 * (`lib/kafka/access.ts` asks the broker which it was).
 */
async function naming<T>(groupId: string | undefined, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof Error && err.name === "KafkaJSGroupCoordinatorNotFound" && groupId) {
      Object.assign(err, { groupId });
    }
    throw err;
  }
}

/** One kafkajs admin client, the calls it is running and the topics it has looked up. */
interface Slot {
  readonly admin: KafkajsAdmin;
  readonly targets: Set<string>;
  busy: number;
  retired: boolean;
}

/** The kafkajs admin client in use, replaced when it is spoiled (see the module docs). */
class Clients {
  readonly #make: () => KafkajsAdmin;
  #slot: Slot;
  #connected = false;
  #replacing?: Promise<void>;

  constructor(make: () => KafkajsAdmin) {
    this.#make = make;
    this.#slot = this.#fresh();
  }

  #fresh(): Slot {
    return { admin: this.#make(), targets: new Set(), busy: 0, retired: false };
  }

  /**
   * Puts a fresh client, connected, in place of `old` (once, however many
   * calls on `old` failed at the same time); the old one is disconnected
   * when its last call ends.
   */
  #replace(old: Slot): Promise<void> {
    if (old !== this.#slot) return this.#replacing ?? Promise.resolve();
    this.#replacing ??= (async () => {
      const next = this.#fresh();
      if (this.#connected) await next.admin.connect();
      this.#slot = next;
      // Called from a call on `old` only: the last of them disconnects it (`use`).
      old.retired = true;
    })().finally(() => this.#replacing = undefined);
    return this.#replacing;
  }

  async connect(): Promise<void> {
    await this.#slot.admin.connect();
    this.#connected = true;
  }

  async disconnect(): Promise<void> {
    this.#connected = false;
    await this.#slot.admin.disconnect();
  }

  /**
   * Runs `call` (which looks up `topics`) on the current client. On an error
   * that spoils it the client is replaced, and the call runs once more when
   * the old client had looked up other topics (one of those may be the
   * deleted one), or after a moment when the topic had no partitions yet;
   * otherwise the error is the call's own.
   */
  async use<T>(
    call: (admin: KafkajsAdmin) => Promise<T>,
    topics: readonly string[] = [],
    again = true,
  ): Promise<T> {
    const current = this.#slot;
    const others = [...current.targets].some((t) => !topics.includes(t));
    for (const t of topics) current.targets.add(t);
    current.busy++;
    try {
      return await call(current.admin);
    } catch (err) {
      if (!spoilsAdmin(err)) throw err;
      await this.#replace(current);
      if (others) return await this.use(call, topics);
      if (err instanceof TypeError && again) {
        // A topic just created: its partitions are not in the metadata yet.
        await new Promise((r) => setTimeout(r, 250));
        return await this.use(call, topics, false);
      }
      throw err;
    } finally {
      current.busy--;
      if (current.retired && current.busy === 0) current.admin.disconnect().catch(() => {});
    }
  }
}

/**
 * The port's {@linkcode Admin} on kafkajs admin clients made by `make`; see
 * the module docs for when a client is replaced.
 */
export function portAdmin(make: () => KafkajsAdmin): Admin {
  const clients = new Clients(make);
  const use = clients.use.bind(clients);
  return {
    connect: () => clients.connect(),
    disconnect: () => clients.disconnect(),
    listTopics: () => use((a) => a.listTopics()),
    createTopics: (options) => use((a) => a.createTopics(options)),
    deleteTopics: (options) => use((a) => a.deleteTopics(options)),
    createPartitions: (options) => use((a) => a.createPartitions(options)),
    fetchTopicMetadata: (options) => use((a) => a.fetchTopicMetadata(options)),
    fetchOffsets: (options) =>
      use((a) => naming(options.groupId, a.fetchOffsets(options)), options.topics),
    fetchTopicOffsets: (topic) => use((a) => a.fetchTopicOffsets(topic), [topic]),
    fetchTopicOffsetsByTimestamp: (topic, timestamp) =>
      use((a) => a.fetchTopicOffsetsByTimestamp(topic, timestamp), [topic]),
    describeCluster: () => use((a) => a.describeCluster()),
    setOffsets: (options) =>
      use((a) => naming(options.groupId, a.setOffsets(options)), [options.topic]),
    resetOffsets: (options) =>
      use((a) => naming(options.groupId, a.resetOffsets(options)), [options.topic]),
    describeConfigs: (options) => use((a) => a.describeConfigs(options as never)),
    alterConfigs: (options) => use((a) => a.alterConfigs(options as never)),
    listGroups: () => use((a) => a.listGroups()),
    deleteGroups: (ids) => use((a) => naming(ids[0], a.deleteGroups(ids))),
    describeGroups: async (ids) => {
      const { groups } = await use((a) => naming(ids[0], a.describeGroups(ids)));
      return {
        groups: groups.map((g) => ({
          groupId: g.groupId,
          state: g.state,
          protocol: g.protocol,
          protocolType: g.protocolType,
          members: g.members.map((m): MemberDescription => ({
            memberId: m.memberId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            assignment: decodeAssignment(m.memberAssignment),
          })),
        })),
      };
    },
  };
}

/**
 * The names kafka-lab gives what it makes on a cluster: the course's topics,
 * consumer groups and registry subjects (and the transactional ids made from
 * them), each behind the student's prefix, so students who share one cluster
 * do not collide. The prefix is resolved once, in `lib/config.ts` (`--prefix`
 * > `KAFKA_LAB_PREFIX` > `.env` > none); labs and grading take their names
 * from `ctx.config.names`.
 *
 * @example
 * ```ts
 * const names = new Names("anna.");
 * names.topic("hello-kafka"); // "anna.hello-kafka"
 * names.group("hello-group"); // "anna.hello-group"
 * ```
 * @module
 */

/** The names of one student's (one prefix's) topics, groups and subjects. */
export class Names {
  /** Put before every name ("" for none). */
  readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
    Object.freeze(this);
  }

  /** The topic named `name` in the course. */
  topic(name: string): string {
    return this.prefix + name;
  }

  /** The consumer group named `name` in the course. */
  group(name: string): string {
    return this.prefix + name;
  }

  /** The registry subject named `name` in the course. */
  subject(name: string): string {
    return this.prefix + name;
  }

  /** Whether `name` (a topic, group or subject) is behind this prefix; every name is for "". */
  owns(name: string): boolean {
    return name.startsWith(this.prefix);
  }
}

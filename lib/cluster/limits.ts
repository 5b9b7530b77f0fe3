/**
 * What `kafka-lab up` accepts, in a module of its own so that the command
 * table (`up`'s options) loads neither the KRaft layout (`kraft.ts`) nor the
 * SASL setup (`sasl.ts`), which re-export these.
 * @module
 */

/** The most brokers the local cluster runs. */
export const MAX_BROKERS = 5;

/** What `up --auth` accepts: `scram` means SCRAM-SHA-256. */
export const AUTH_CHOICES = ["none", "scram", "scram-sha-256", "scram-sha-512"] as const;

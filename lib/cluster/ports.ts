/**
 * The ports of a local cluster, in a module of their own so that resolving
 * the configuration (`lib/config_resolve.ts`) does not load the KRaft layout
 * (`kraft.ts`, which re-exports these).
 * @module
 */

/** The first node's client port; node i listens on 19092 + i. */
export const FIRST_BROKER_PORT = 19092;
/** The first controller's port on the java runtime; node i uses 19192 + i. */
export const FIRST_CONTROLLER_PORT = 19192;
/** The Schema Registry's port, on both runtimes. */
export const REGISTRY_PORT = 8081;
/** Kafka UI's port (docker runtime only). */
export const UI_PORT = 8080;
/** Where a local cluster listens: node i on `broker + i` (and `controller + i`), the registry. */
export interface ClusterPorts {
  readonly broker: number;
  readonly controller: number;
  readonly registry: number;
}
/** The ports of the default local cluster (the ones `compose.yaml` publishes). */
export const DEFAULT_PORTS: ClusterPorts = {
  broker: FIRST_BROKER_PORT,
  controller: FIRST_CONTROLLER_PORT,
  registry: REGISTRY_PORT,
};
/**
 * The ports of a local cluster whose first broker listens on `base`
 * (`KAFKA_LAB_PORT_BASE`): controllers 100 above, the registry 200 above. The
 * default base gives {@linkcode DEFAULT_PORTS} (registry on 8081).
 */
export function portsFromBase(base: number): ClusterPorts {
  if (base === FIRST_BROKER_PORT) return DEFAULT_PORTS;
  return { broker: base, controller: base + 100, registry: base + 200 };
}

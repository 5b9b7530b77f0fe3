/**
 * The program's version, read from deno.json at build time (an import, so the
 * compiled binary carries it).
 * @module
 */
import denoJson from "../deno.json" with { type: "json" };

/** kafka-lab's version, e.g. `0.1.0`. */
export const VERSION: string = denoJson.version;

/** The Apache Kafka version the labs and the local cluster are built for. */
export const KAFKA_VERSION = "4.1.1";

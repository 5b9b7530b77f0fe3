/**
 * What this build of kafka-lab is and runs: its own version (from deno.json,
 * imported so the compiled binary carries it), the Kafka and registry
 * versions of both cluster runtimes, and the Deno runtime and target it was
 * built for. Everything here is data the program already embeds, so
 * `--version` loads no client library.
 *
 * @example
 * ```ts
 * const info = versionInfo();
 * versionText(info, "en"); // "kafka-lab 0.1.0\nKafka 4.1.1 ..."
 * ```
 * @module
 */
import denoJson from "../deno.json" with { type: "json" };
import composeText from "../compose.yaml" with { type: "text" };
import { APICURIO_ARCHIVE } from "./cluster/artifacts.ts";
import type { Lang } from "./config.ts";

/** kafka-lab's version, e.g. `0.1.0`. */
export const VERSION: string = denoJson.version;

/** The Apache Kafka version the labs and the local cluster are built for. */
export const KAFKA_VERSION = "4.1.1";

/** The tag of an image in compose.yaml (`apache/kafka:4.1.1` -> `4.1.1`), or `unknown`. */
export function composeImageTag(compose: string, image: string): string {
  for (const line of compose.split("\n")) {
    const words = line.trim().split(/\s+/);
    if (words[0] !== "image:" || words[1] === undefined) continue;
    const at = words[1].lastIndexOf(":");
    if (at > 0 && words[1].slice(0, at) === image) return words[1].slice(at + 1);
  }
  return "unknown";
}

/** The facts `kafka-lab --version` prints (its `--json` event carries the same). */
export interface VersionInfo {
  readonly version: string;
  readonly kafka: string;
  /** The registry each runtime starts. */
  readonly registry: { readonly java: string; readonly docker: string };
  /** The Kafka image of the docker runtime. */
  readonly kafkaImage: string;
  /** The Deno runtime this program runs on (in a compiled binary: the one it was built with). */
  readonly deno: string;
  /** The target triple, e.g. `x86_64-unknown-linux-gnu`. */
  readonly target: string;
  /** True in a binary made by `deno compile`. */
  readonly compiled: boolean;
}

/** Collects the {@linkcode VersionInfo} of this process. */
export function versionInfo(): VersionInfo {
  return {
    version: VERSION,
    kafka: KAFKA_VERSION,
    registry: {
      java: `Apicurio Registry ${APICURIO_ARCHIVE.version}`,
      docker: `Confluent Schema Registry ${
        composeImageTag(composeText, "confluentinc/cp-schema-registry")
      }`,
    },
    kafkaImage: `apache/kafka:${composeImageTag(composeText, "apache/kafka")}`,
    deno: Deno.version.deno,
    target: Deno.build.target,
    compiled: Deno.build.standalone === true,
  };
}

const WORDS = {
  en: {
    runtime: "java runtime: {java}; docker runtime: {image}, {docker}",
    compiled: "compiled binary",
    source: "run from source",
  },
  ru: {
    runtime: "среда java: {java}; среда docker: {image}, {docker}",
    compiled: "скомпилированный файл",
    source: "запуск из исходников",
  },
} as const;

/** The three lines of `kafka-lab --version`. */
export function versionText(info: VersionInfo, lang: Lang): string {
  const w = WORDS[lang];
  const runtime = w.runtime.replace("{java}", info.registry.java)
    .replace("{image}", info.kafkaImage).replace("{docker}", info.registry.docker);
  return [
    `kafka-lab ${info.version}`,
    `Kafka ${info.kafka} (${runtime})`,
    `Deno ${info.deno}, ${info.target} (${info.compiled ? w.compiled : w.source})`,
  ].join("\n");
}

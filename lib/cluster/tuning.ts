/**
 * Sizing of the local cluster for a laptop: the broker settings and JVM
 * options that differ from Kafka's and the JVM's server defaults, in one
 * place (the java runtime applies them in `kraft.ts` and `jvm.ts`;
 * `compose.yaml` sets the same broker settings as `KAFKA_*` variables, and a
 * unit test keeps the two lists equal). Kafka's defaults are sized for a
 * server with many cores and disks: 3 network and 8 I/O threads, 10
 * background threads and a 128 MiB log-cleaner buffer per broker. A course
 * cluster of three brokers on two cores serves a handful of clients. Measured
 * together against the former settings (G1, 256 MiB initial heap, Kafka's
 * defaults), in interleaved `down`/`up` cycles: idle RSS of the brokers and
 * the registry 1.21 GiB -> about 620 MiB, `up` from empty 0.25-0.76x the time.
 * @module
 */

/** Broker settings for a small development cluster (`server.properties` keys). */
export const LAPTOP_BROKER_PROPERTIES: ReadonlyArray<[string, string | number]> = [
  ["num.network.threads", 1],
  ["num.io.threads", 2],
  ["background.threads", 2],
  ["num.recovery.threads.per.data.dir", 1],
  ["num.replica.fetchers", 1],
  ["queued.max.requests", 100],
  ["log.cleaner.threads", 1],
  // The cleaner allocates its dedupe map on the heap at start (Kafka: 128 MiB):
  // 2 MiB holds offsets of about 87,000 keys per pass, plenty for a course.
  ["log.cleaner.dedupe.buffer.size", 2 * 1024 * 1024],
  ["log.cleaner.io.buffer.size", 128 * 1024],
];

/**
 * A heap that stays close to what is live: a young generation that starts at
 * 4 MiB (the serial collector grows it with the heap under load), and a heap
 * given back after a collection when more than 20% of it is free.
 */
const TIGHT_HEAP: readonly string[] = [
  "-XX:NewSize=4m",
  "-XX:MinHeapFreeRatio=10",
  "-XX:MaxHeapFreeRatio=20",
];

/**
 * Map the class-data archives (`cds.ts`) at the address they were written
 * for. Debian's and newer JDKs move them to a random address by default and
 * then rewrite every pointer in them: about 50 MiB of each JVM's archive
 * pages become private copies, and the rewrite costs CPU at every start.
 * Mapped in place, the read-only pages are shared by the brokers' JVMs
 * (these are local development processes on loopback).
 */
const SHARED_ARCHIVE_IN_PLACE: readonly string[] = [
  "-XX:+UnlockDiagnosticVMOptions",
  "-XX:ArchiveRelocationMode=0",
];

/**
 * JVM options of a broker: a small heap that grows when needed, the serial
 * collector (one small heap, no parallel GC threads), and the client
 * compiler only (a broker of a course cluster starts often and never runs
 * long enough under load to pay back C2's compile time).
 */
export const BROKER_JVM_OPTIONS: readonly string[] = [
  "-Xms16m",
  "-Xmx256m",
  ...TIGHT_HEAP,
  "-XX:+UseSerialGC",
  "-XX:TieredStopAtLevel=1",
  "-XX:CICompilerCount=1",
  "-XX:ReservedCodeCacheSize=64m",
  "-XX:MaxMetaspaceSize=128m",
  "-Xss512k",
  ...SHARED_ARCHIVE_IN_PLACE,
];

/** JVM options of the registry (Apicurio on Quarkus): as the brokers'. */
export const REGISTRY_JVM_OPTIONS: readonly string[] = [
  "-Xms16m",
  "-Xmx192m",
  ...TIGHT_HEAP,
  "-XX:+UseSerialGC",
  "-XX:TieredStopAtLevel=1",
  "-XX:CICompilerCount=1",
  "-XX:ReservedCodeCacheSize=64m",
  "-Xss512k",
  ...SHARED_ARCHIVE_IN_PLACE,
];

/** JVM options of the one-shot storage formatter: start fast, exit. */
export const TOOL_JVM_OPTIONS: readonly string[] = [
  "-Xms32m",
  "-XX:+UseSerialGC",
  "-XX:TieredStopAtLevel=1",
  "-XX:CICompilerCount=1",
];

/**
 * The registry's connection pool to its H2 file: Apicurio opens 20
 * connections at start and allows 100; a course needs a few, and a loaded
 * laptop needs more than the 5 s default to hand one out.
 */
export const REGISTRY_PROPERTIES: ReadonlyArray<readonly [string, string]> = [
  ["apicurio.datasource.jdbc.initial-size", "2"],
  ["apicurio.datasource.jdbc.min-size", "2"],
  ["apicurio.datasource.jdbc.max-size", "20"],
  ["quarkus.datasource.h2.jdbc.acquisition-timeout", "60S"],
];

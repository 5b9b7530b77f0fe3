/**
 * Class-data sharing for the brokers (AppCDS, JDK 17's dynamic archive):
 * the classes a broker loads are parsed and verified once, stored in an
 * archive in the download cache, and mapped into every later broker JVM,
 * which then starts with less CPU (on a laptop's two cores, three brokers and
 * the registry start at once, so CPU is the start-up time).
 *
 * The first `up` without an archive lets one broker record its classes
 * (`-XX:ArchiveClassesAtExit`, written when the JVM exits on `down`) into a
 * file of its own; `down` renames that file into place once the broker
 * stopped cleanly, so a JVM never maps a half-written archive and clusters
 * sharing the cache never write the same file. Every later start maps it
 * (`-XX:SharedArchiveFile`). An archive the JVM cannot use (another Java,
 * other jars) is ignored by the JVM with a warning in the broker's log.
 *
 * The registry gets an archive of its own the same way: JDK 17's dynamic
 * archive also holds the classes Quarkus' runner class loader defines from
 * its jars, so mapping it cuts the registry's start (the longest part of
 * `up`) from about 3.4 s to 1.3 s (medians of interleaved runs on two busy
 * cores, the registry alone until `/subjects` answers).
 * @module
 */
import { join } from "node:path";
import type { JavaInfo } from "./jvm.ts";
import type { ProcessRecord } from "./state.ts";

const DUMP_FLAG = "-XX:ArchiveClassesAtExit=";
const USE_FLAG = "-XX:SharedArchiveFile=";
const PENDING = ".pending-";

/** The brokers' archive for this Kafka and this Java, in the download cache. */
export function brokerArchive(cacheDir: string, kafkaVersion: string, java: JavaInfo): string {
  return join(cacheDir, "cds", `kafka-${kafkaVersion}-java-${java.version}.jsa`);
}

/** The registry's archive for this Apicurio and this Java, in the download cache. */
export function registryArchive(
  cacheDir: string,
  apicurioVersion: string,
  java: JavaInfo,
): string {
  return join(cacheDir, "cds", `apicurio-${apicurioVersion}-java-${java.version}.jsa`);
}

function exists(path: string): boolean {
  try {
    return Deno.statSync(path).size > 0;
  } catch {
    return false;
  }
}

/**
 * The class-data options of broker `index` (0-based): map the archive when
 * there is one, else the first broker records one; the others get none.
 */
export function brokerCdsOptions(archive: string, index: number): string[] {
  if (exists(archive)) return [`${USE_FLAG}${archive}`];
  if (index !== 0) return [];
  Deno.mkdirSync(join(archive, ".."), { recursive: true });
  return [`${DUMP_FLAG}${archive}${PENDING}${crypto.randomUUID().slice(0, 8)}`];
}

/** Options that map `archive` if it exists (for short-lived tools: never record one). */
export function mapOnlyCdsOptions(archive: string): string[] {
  return exists(archive) ? [`${USE_FLAG}${archive}`] : [];
}

/** The registry's class-data options: map its archive, else record one. */
export function registryCdsOptions(archive: string): string[] {
  return brokerCdsOptions(archive, 0);
}

/**
 * After `down`: moves each archive a cleanly stopped broker wrote into
 * place, and deletes those of brokers that were killed (possibly cut short).
 */
export async function settleArchives(
  records: readonly ProcessRecord[],
  stopped: readonly string[],
): Promise<void> {
  for (const record of records) {
    const flag = record.argv?.find((a) => a.startsWith(DUMP_FLAG));
    if (!flag) continue;
    const pending = flag.slice(DUMP_FLAG.length);
    const at = pending.lastIndexOf(PENDING);
    if (at < 0) continue;
    if (stopped.includes(record.name) && exists(pending)) {
      await Deno.rename(pending, pending.slice(0, at)).catch(() => {});
    } else {
      await Deno.remove(pending).catch(() => {});
    }
  }
}

/**
 * The registry's H2 database folder, kept safe to start on. Apicurio refuses
 * a database another registry version wrote (H2 reports a "legacy" file),
 * and a registry killed during its first start can leave a database it
 * cannot open again. So `up` records the registry version beside the
 * database once the registry has answered, and before a start moves aside a
 * database that carries no record or another version's: the registry starts
 * on a fresh one, and the old files stay in the folder (`down --purge`
 * deletes them).
 * @module
 */
import { join } from "node:path";
import { KafkaLabError } from "../errors.ts";
import { fillText, localize, t } from "../i18n.ts";
import { RUNTIME_TEXT as R } from "./runtime_text.ts";
import type { Output } from "../output.ts";
import { APICURIO_ARCHIVE, APICURIO_RUNNER_JAR } from "./artifacts.ts";

const MARKER = "registry-version";

/** Files of an H2 database named `db` (`db.mv.db`, `db.trace.db`, ...). */
function isDatabaseFile(name: string): boolean {
  return name.startsWith("db.");
}

/**
 * Makes `dataDir` ready for registry `version`: creates it, and moves a
 * database not recorded as this version's into `old-<time>/`. Returns that
 * folder when it moved one.
 */
export async function prepareRegistryData(
  dataDir: string,
  version: string,
): Promise<string | undefined> {
  await Deno.mkdir(dataDir, { recursive: true });
  let recorded: string | undefined;
  try {
    recorded = (await Deno.readTextFile(join(dataDir, MARKER))).trim();
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
  if (recorded === version) return undefined;
  const files: string[] = [];
  for await (const entry of Deno.readDir(dataDir)) {
    if (entry.isFile && isDatabaseFile(entry.name)) files.push(entry.name);
  }
  await Deno.remove(join(dataDir, MARKER)).catch(() => {});
  if (files.length === 0) return undefined;
  const aside = join(dataDir, `old-${new Date().toISOString().replaceAll(":", "-")}`);
  await Deno.mkdir(aside, { recursive: true });
  for (const name of files) await Deno.rename(join(dataDir, name), join(aside, name));
  return aside;
}

/** Records that the database in `dataDir` is registry `version`'s (after a start that answered). */
export async function markRegistryData(dataDir: string, version: string): Promise<void> {
  await Deno.writeTextFile(join(dataDir, MARKER), `${version}\n`);
}

/** Unpacks the registry's archive into the cache once; returns its folder. */
export async function unpackRegistry(
  archive: string,
  cacheDir: string,
  out: Output,
): Promise<string> {
  const dir = join(cacheDir, `apicurio-registry-${APICURIO_ARCHIVE.version}`);
  try {
    Deno.statSync(join(dir, APICURIO_RUNNER_JAR));
    return dir;
  } catch {
    // not unpacked yet
  }
  const tmp = `${dir}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.mkdir(tmp, { recursive: true });
  out.progress(
    "unpack",
    localize(fillText(t("unpacking {archive}", "распаковка {archive}"), { archive }), out.lang),
  );
  let res: Deno.CommandOutput;
  try {
    res = await new Deno.Command("tar", {
      args: ["-xzf", archive, "-C", tmp],
      stdout: "null",
      stderr: "piped",
    }).output();
  } catch (err) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    const vars = { archive, why: (err as Error).message };
    throw new KafkaLabError(fillText(R.noTar, vars), { hint: R.noTarHint });
  }
  out.progressDone();
  if (!res.success) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    const why = new TextDecoder().decode(res.stderr).trim();
    throw new KafkaLabError(fillText(R.tarFailed, { archive, why }));
  }
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.rename(tmp, dir);
  return dir;
}

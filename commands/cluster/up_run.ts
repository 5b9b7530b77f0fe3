/**
 * The work of `kafka-lab up` (declared in `up.ts`): starts the local cluster
 * with the runtime chosen, waits until it serves clients, and reports it.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import { invocation } from "../../lib/cli/invocation.ts";
import { scramMechanism } from "../../lib/cluster/sasl.ts";
import type { ClusterState } from "../../lib/cluster/state.ts";
import type { Context } from "../../lib/context.ts";
import { KafkaLabError } from "../../lib/errors.ts";
import { fillText, localize, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { CLUSTER_EVENTS } from "./events.ts";
import type { UP_OPTIONS } from "./up_options.ts";

/** Runs `kafka-lab up`. */
export async function up(ctx: Context, args: ParsedArgs<typeof UP_OPTIONS>): Promise<number> {
  const v = args.values;
  // The runtimes load only when `up` runs (start-up time of every other command).
  const { chooseRuntime } = await import("./runtime_choice.ts");
  const { withClusterLock } = await import("../../lib/cluster/lock.ts");
  const runtime = await chooseRuntime(v.runtime, ctx);
  const started = Date.now();
  // One `up`/`down`/`broker` at a time: a second `up` waits here, then finds
  // the cluster the first one started.
  const { state, alreadyRunning, restarted } = await withClusterLock(
    ctx.config.stateDir,
    { command: "up", out: ctx.out, waitMs: v.timeout * 1000 },
    () =>
      runtime.up({
        brokers: v.brokers,
        timeoutMs: v.timeout * 1000,
        auth: scramMechanism(v.auth),
        acl: v.acl,
      }),
  );
  if (alreadyRunning) await requireResponding(state.brokers);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const { out } = ctx;
  out.event(CLUSTER_EVENTS.up, {
    runtime: state.runtime,
    alreadyRunning,
    restarted: restarted ?? [],
    seconds,
    clusterId: state.clusterId,
    brokers: state.brokers,
    registryUrl: state.registryUrl,
    uiUrl: state.uiUrl,
    stateDir: ctx.config.stateDir,
    sasl: state.auth
      ? {
        mechanism: state.auth.mechanism,
        username: state.auth.username,
        acl: state.auth.acl === true,
      }
      : null,
  });
  if (!out.json) printUp(ctx, state, { alreadyRunning, restarted, seconds });
  return 0;
}

/** What `up` did, for people: the headline, the brokers, the registry, what to do next. */
function printUp(
  ctx: Context,
  state: ClusterState,
  run: { alreadyRunning: boolean; restarted?: readonly string[]; seconds: number },
): void {
  const { out } = ctx;
  const { alreadyRunning, restarted, seconds } = run;
  const lang = ctx.config.lang;
  const vars = {
    runtime: state.runtime,
    nodes: (restarted ?? []).join(", "),
    seconds: localize(t(String(seconds), String(seconds).replace(".", ",")), lang),
    version: state.kafkaVersion,
    brokers: state.brokers.length,
  };
  const headline = alreadyRunning
    ? UP_TEXT.already
    : restarted && restarted.length > 0
    ? UP_TEXT.restarted
    : UP_TEXT.started;
  out.line(out.style("green", localize(fillText(headline, vars), lang)));
  out.line();
  const h = UP_TEXT.headers;
  for (
    const l of table(
      [localize(h.broker, lang), localize(h.address, lang)],
      state.brokers.map((b) => [String(b.id), b.address]),
    )
  ) out.line(`  ${l}`);
  out.line();
  out.line(`  ${localize(h.registry, lang).padEnd(16)} ${state.registryUrl}`);
  if (state.uiUrl) out.line(`  ${"Kafka UI".padEnd(16)} ${state.uiUrl}`);
  if (state.auth) {
    const sasl = fillText(UP_TEXT.sasl, {
      mechanism: state.auth.mechanism.toUpperCase(),
      user: state.auth.username,
    });
    out.line(`  ${"SASL".padEnd(16)} ${localize(sasl, lang)}`);
    if (state.auth.acl) out.line(`  ${"ACL".padEnd(16)} ${localize(UP_TEXT.acl, lang)}`);
  }
  if (state.runtime === "java") {
    out.line(`  ${localize(h.data, lang).padEnd(16)} ${ctx.config.stateDir}/java`);
  }
  out.line();
  out.text(localize(fillText(UP_TEXT.next, { cmd: invocation() }), lang));
}

/**
 * A running process is not a serving broker: one that takes connections but
 * answers no request (paused with SIGSTOP, wedged) makes `up` fail, naming it.
 */
async function requireResponding(
  brokers: ReadonlyArray<{ readonly id: number; readonly address: string }>,
): Promise<void> {
  const { brokerLiveness } = await import("../../lib/cluster/liveness.ts");
  const liveness = await Promise.all(brokers.map((b) => brokerLiveness(b.address)));
  const hung = brokers.filter((_, i) => liveness[i] === "not-responding");
  if (hung.length === 0) return;
  const list = hung.map((b) => `${b.id} (${b.address})`).join(", ");
  throw new KafkaLabError(
    fillText(UP_TEXT.notResponding, { list }),
    { hint: UP_TEXT.notRespondingHint },
  );
}

const UP_TEXT = {
  notResponding: t(
    "the local cluster runs, but broker {list} is not responding: it takes connections and answers no request within 2 s",
    "локальный кластер работает, но брокер {list} не отвечает: принимает соединения, но ни на один запрос не отвечает за 2 с",
  ),
  notRespondingHint: t(
    "a paused broker resumes with `kill -CONT <pid>` (`kafka-lab broker list` shows the pid); else `kafka-lab broker stop N --kill`, then `kafka-lab broker start N`",
    "приостановленный брокер продолжит работу после `kill -CONT <pid>` (pid — в `kafka-lab broker list`); иначе `kafka-lab broker stop N --kill`, затем `kafka-lab broker start N`",
  ),
  already: t(
    "The local cluster is already running ({runtime} runtime); nothing to do.",
    "Локальный кластер уже работает (среда {runtime}); делать нечего.",
  ),
  restarted: t(
    "Started {nodes} again (the rest kept running); ready in {seconds} s.",
    "Снова запущены: {nodes} (остальные работали); готово за {seconds} с.",
  ),
  started: t(
    "Kafka {version} is up: brokers {brokers}, {runtime} runtime, ready in {seconds} s.",
    "Kafka {version} запущена: брокеров — {brokers}, среда {runtime}, готово за {seconds} с.",
  ),
  headers: {
    broker: t("broker", "брокер"),
    address: t("address", "адрес"),
    registry: t("schema registry", "реестр схем"),
    data: t("data and logs", "данные и логи"),
  },
  sasl: t(
    "{mechanism}, user {user} (the password is kept in the state folder; `kafka-lab config` masks it)",
    "{mechanism}, пользователь {user} (пароль хранится в папке состояния; `kafka-lab config` его скрывает)",
  ),
  acl: t(
    "on (StandardAuthorizer): other users get only what ACLs allow; `kafka-lab class init --roster FILE` makes students",
    "включены (StandardAuthorizer): другим пользователям доступно только разрешённое ACL; студентов создаёт `kafka-lab class init --roster FILE`",
  ),
  next: t(
    "Next: `{cmd} lab1` creates the course topics; `{cmd} down` stops the cluster.",
    "Дальше: `{cmd} lab1` создаёт топики курса; `{cmd} down` останавливает кластер.",
  ),
};

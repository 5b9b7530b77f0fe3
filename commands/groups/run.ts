/**
 * What the `groups` subcommands print: tables for people, one JSON event per
 * group, partition or change with `--json`.
 * @module
 */
import type { ParsedArgs } from "../../lib/cli/args.ts";
import type { DELETE_OPTIONS, RESET_OPTIONS } from "./options.ts";
import { confirmed } from "../../lib/cli/confirm.ts";
import type { Context } from "../../lib/context.ts";
import { fill, pick, t } from "../../lib/i18n.ts";
import { table } from "../../lib/output.ts";
import { recordWork } from "../../lib/grading/journal.ts";
import {
  applyReset,
  assertInactive,
  deleteGroup,
  describeGroup,
  type GroupDetails,
  listGroups,
  planReset,
  type ResetPlan,
} from "../../lib/inspect/groups.ts";
import { parsePosition } from "../../lib/inspect/position.ts";
import { topicPartitions } from "../../lib/inspect/reader.ts";
import { INSPECT_TEXT } from "../../lib/inspect/text.ts";
import { GROUPS_EVENTS } from "./events.ts";
import type { Style } from "../../lib/output.ts";
import { offsetStrip } from "../../lib/draw/strip.ts";
import { aimAtHealthyTopic } from "../../lib/kafka/leaderless.ts";

/** `groups list`. */
export async function runList(ctx: Context): Promise<void> {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  const kafka = await ctx.kafka();
  const layouts = await kafka.topics();
  const groups = await kafka.withAdmin(async (admin) => {
    await aimAtHealthyTopic(admin, layouts);
    return await listGroups(admin, layouts);
  });
  for (const g of groups) out.event(GROUPS_EVENTS.group, { ...g });
  if (out.json) return;
  if (groups.length === 0) return out.line(tx.noGroups);
  const rows = groups.map((g) => [g.group, g.state, String(g.members), g.topics.join(", ")]);
  for (const l of table([tx.colGroup, tx.colState, tx.colMembers, tx.colTopics], rows)) {
    out.line(l);
  }
  out.line();
  out.line(fill(tx.groupCount, { count: groups.length }));
}

function printDetails(ctx: Context, d: GroupDetails): void {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  out.line(fill(tx.groupHeader, { group: d.group, state: d.state, members: d.members.length }));
  for (const m of d.members) {
    const parts = Object.entries(m.assignment).map(([topic, ps]) => `${topic}[${ps.join(",")}]`);
    out.line(fill(tx.memberLine, {
      clientId: m.clientId,
      host: m.host,
      assignment: parts.length > 0 ? parts.join(" ") : tx.memberNothing,
    }));
  }
  out.line();
  if (d.partitions.length === 0) return out.line(tx.noPartitions);
  const rows = d.partitions.map((p) => [
    p.topic,
    String(p.partition),
    p.committed ?? tx.neverCommitted,
    p.end,
    p.lag === null ? tx.neverCommitted : String(p.lag),
    p.member ?? tx.unknownMember,
  ]);
  const headers = [
    tx.colTopic,
    tx.colPartition,
    tx.colCommitted,
    tx.colEnd,
    tx.colLag,
    tx.colMember,
  ];
  for (const l of table(headers, rows)) out.line(`  ${l}`);
  out.line();
  printStrips(ctx, d);
  out.line(fill(tx.totalLag, { lag: d.totalLag }));
}

/** Each partition as an offset strip (lib/draw/strip.ts), with its numbers. */
function printStrips(ctx: Context, d: GroupDetails): void {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  const paint = (style: Style, text: string) => out.style(style, text);
  const labels = d.partitions.map((p) => `${p.topic} ${p.partition}`);
  const width = Math.max(...labels.map((l) => [...l].length));
  out.line(`  ${out.style("dim", tx.stripLegend)}`);
  d.partitions.forEach((p, i) => {
    const strip = offsetStrip(p, { width: 30, paint });
    const numbers = fill(tx.stripNumbers, {
      start: p.start,
      committed: p.committed ?? tx.neverCommitted,
      end: p.end,
    });
    out.line(`  ${labels[i].padEnd(width)}  ▕${strip}▏ ${numbers}`);
  });
  out.line();
}

/** `groups describe G`. */
export async function runDescribe(ctx: Context, args: ParsedArgs): Promise<void> {
  const group = args.positionals[0];
  const kafka = await ctx.kafka();
  const layouts = await kafka.topics();
  const d = await kafka.withAdmin(async (admin) => {
    await aimAtHealthyTopic(admin, layouts);
    return await describeGroup(admin, group, layouts);
  });
  const { out } = ctx;
  out.event(GROUPS_EVENTS.described, {
    group: d.group,
    state: d.state,
    protocolType: d.protocolType,
    members: d.members,
    totalLag: d.totalLag,
  });
  for (const p of d.partitions) out.event(GROUPS_EVENTS.partition, { group, ...p });
  if (!out.json) printDetails(ctx, d);
  for (const u of d.unavailable) {
    out.event(
      GROUPS_EVENTS.unavailable,
      { group, topic: u.topic, reason: u.reason.en },
      fill(pick(INSPECT_TEXT, out.lang).topicUnavailable, {
        topic: u.topic,
        reason: out.lang === "ru" ? u.reason.ru : u.reason.en,
      }),
    );
  }
}

function printPlan(ctx: Context, plan: ResetPlan): void {
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  for (const r of plan.rows) {
    out.event(GROUPS_EVENTS.resetPartition, { group: plan.group, topic: plan.topic, ...r });
  }
  if (out.json) return;
  out.line(fill(tx.resetPlan, { group: plan.group, topic: plan.topic, to: plan.to }));
  const rows = plan.rows.map((r) => [
    String(r.partition),
    r.current ?? tx.neverCommitted,
    r.target,
    String(r.lagAfter),
  ]);
  const headers = [tx.colPartition, tx.colCurrent, tx.colTarget, tx.colLagAfter];
  for (const l of table(headers, rows)) out.line(`  ${l}`);
}

/** `groups reset G --topic T --to P [--dry-run]`. */
export async function runReset(
  ctx: Context,
  args: ParsedArgs<typeof RESET_OPTIONS>,
): Promise<void> {
  const group = args.positionals[0];
  const topic = args.values.topic;
  const position = parsePosition(args.values.to, "to");
  const dryRun = args.values["dry-run"];
  const kafka = await ctx.kafka();
  const { out } = ctx;
  const tx = pick(INSPECT_TEXT, out.lang);
  let applied: ResetPlan | undefined;
  await kafka.withAdmin(async (admin) => {
    await topicPartitions(admin, topic);
    await assertInactive(admin, group, "reset");
    const plan = await planReset(admin, group, topic, position);
    printPlan(ctx, plan);
    if (dryRun) {
      out.event(GROUPS_EVENTS.resetDryRun, { group, topic, to: plan.to }, tx.resetDry);
      return;
    }
    await applyReset(admin, plan);
    applied = plan;
    out.event(
      GROUPS_EVENTS.resetDone,
      { group, topic, to: plan.to },
      fill(tx.resetDone, {
        group,
        topic,
        to: plan.to,
      }),
    );
  });
  if (applied) {
    // grading tells a reset from a consumer that read by this entry
    const offsets = Object.fromEntries(
      applied.rows.map((r) => [String(r.partition), Number(r.target)]),
    );
    await recordWork(kafka, { what: "groups.reset", group, topic, offsets });
  }
}

/** `groups delete G`: asks first unless `--yes` (exit 1 when the answer is no). */
export async function runDelete(
  ctx: Context,
  args: ParsedArgs<typeof DELETE_OPTIONS>,
): Promise<number> {
  const group = args.positionals[0];
  const tx = pick(INSPECT_TEXT, ctx.out.lang);
  const question = t(
    `Delete consumer group ${group} and its committed offsets?`,
    `Удалить группу консьюмеров ${group} и её зафиксированные смещения?`,
  );
  const what = { en: `group ${group}`, ru: `группа ${group}` }[ctx.out.lang];
  if (!confirmed({ question, what, yes: args.values.yes }, ctx.out.lang)) {
    ctx.out.event(GROUPS_EVENTS.kept, { group }, fill(tx.groupKept, { group }));
    return 1;
  }
  const kafka = await ctx.kafka();
  await kafka.withAdmin((admin) => deleteGroup(admin, group));
  ctx.out.event(GROUPS_EVENTS.deleted, { group }, fill(tx.deleted, { group }));
  return 0;
}

/**
 * A class on one shared cluster (issue #20), end to end on a cluster of its
 * own: `up --auth scram --acl` (2 brokers, a throw-away state folder, ports
 * below the ephemeral range), `class init` for anna and boris, anna runs labs
 * 1-4 and boris labs 1-2 with their `.env`; anna cannot list, read, write or delete boris's
 * topics nor reset or see his group (each exit 4 with a clear message, no
 * stack trace); boris's work is untouched and `class grade` shows both; a
 * wrong password exits 4 and is never printed; `class remove` takes the
 * logins back. The cluster is stopped and deleted at the end, whatever happened.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type CliResult, events, runCli } from "../helpers.ts";
import { freePortBase } from "./fault_cluster.ts";

const ANNA = "anna.";
const BORIS = "boris.";

function refused(r: CliResult, what: RegExp, label: string): void {
  assert.equal(r.code, 4, `${label}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, what, label);
  assert.match(r.stderr, /instructor/, `${label}: says what to ask the instructor`);
  assert.doesNotMatch(r.stderr, /^\s+at /m, `${label}: a stack trace`);
}

Deno.test({
  name: "class: students fenced in by SCRAM users and prefixed ACLs on an --acl cluster",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn(t) {
    const home = await Deno.makeTempDir({ prefix: "kafka-lab-class-" });
    const stateDir = join(home, "state");
    const env = {
      KAFKA_LAB_STATE_DIR: stateDir,
      KAFKA_LAB_PORT_BASE: String(freePortBase(29092, 31092)),
      KAFKA_BROKERS: "",
      SCHEMA_REGISTRY_URL: "",
      KAFKA_LAB_SASL_MECHANISM: "",
      KAFKA_LAB_SASL_USERNAME: "",
      KAFKA_LAB_SASL_PASSWORD: "",
      KAFKA_LAB_PREFIX: "",
      KAFKA_LAB_ENV_FILE: "",
    };
    const roster = join(home, "roster.txt");
    const out = join(home, "envs");
    await Deno.writeTextFile(roster, `# the class\nanna ${ANNA}\nboris ${BORIS}\n`);
    const as = (name: string, args: string[], timeoutMs = 120_000) =>
      runCli([...args, "--env-file", join(out, `${name}.env`)], { env, timeoutMs });
    try {
      await t.step("up --auth scram --acl starts a cluster with the authorizer", async () => {
        const up = await runCli(
          ["up", "--runtime", "java", "--brokers", "2", "--auth", "scram", "--acl", "--json"],
          { env, timeoutMs: 300_000 },
        );
        assert.equal(up.code, 0, up.stderr);
        const ev = events(up.stdout).find((e) => e.event === "cluster.up");
        assert.deepEqual((ev?.sasl as { acl?: boolean })?.acl, true);
      });

      await t.step(
        "class init makes both students, owner-only .env files, again idempotently",
        async () => {
          const first = await runCli(
            ["class", "init", "--roster", roster, "--out", out, "--json"],
            {
              env,
            },
          );
          assert.equal(first.code, 0, first.stderr);
          const made = events(first.stdout).filter((e) => e.event === "class.student");
          assert.deepEqual(made.map((e) => [e.name, e.prefix, e.aclsCreated, e.password]), [
            ["anna", ANNA, 3, "new"],
            ["boris", BORIS, 3, "new"],
          ]);
          for (const name of ["anna", "boris"]) {
            assert.equal((await Deno.stat(join(out, `${name}.env`))).mode! & 0o777, 0o600);
          }
          const again = await runCli(
            ["class", "init", "--roster", roster, "--out", out, "--json"],
            {
              env,
            },
          );
          assert.equal(again.code, 0, again.stderr);
          const kept = events(again.stdout).filter((e) => e.event === "class.student");
          assert.deepEqual(kept.map((e) => [e.aclsCreated, e.aclsPresent, e.password]), [
            [0, 3, "kept"],
            [0, 3, "kept"],
          ]);
        },
      );

      await t.step("boris runs labs 1-2 and anna labs 1-4 with their .env", async () => {
        const labs = { boris: ["lab1", "lab2"], anna: ["lab1", "lab2", "lab3", "lab4"] };
        for (const [name, list] of Object.entries(labs)) {
          for (const lab of list) {
            const r = await as(name, [lab, "-q"], 240_000);
            assert.equal(r.code, 0, `${name} ${lab}:\n${r.stdout}\n${r.stderr}`);
          }
        }
      });

      await t.step("anna sees only her own topics and groups", async () => {
        const topics = await as("anna", ["lab1", "list", "--json"]);
        assert.equal(topics.code, 0, topics.stderr);
        const names = events(topics.stdout).flatMap((e) =>
          e.event === "lab1.topics"
            ? (e.topics as Array<{ topic: string }>).map((x) => x.topic)
            : []
        );
        assert.ok(names.includes(`${ANNA}hello-kafka`), names.join(","));
        assert.deepEqual(names.filter((n) => !n.startsWith(ANNA)), []);
        const groups = await as("anna", ["groups", "list", "--json"]);
        assert.equal(groups.code, 0, groups.stderr);
        const ids = events(groups.stdout).filter((e) => e.event === "groups.group").map((e) =>
          e.group as string
        );
        assert.ok(ids.includes(`${ANNA}hello-group`), ids.join(","));
        assert.deepEqual(ids.filter((g) => !g.startsWith(ANNA)), []);
      });

      await t.step("anna cannot read, write, describe or delete boris's topic", async () => {
        const topic = `${BORIS}hello-kafka`;
        const named = /TOPIC_AUTHORIZATION_FAILED/;
        refused(await as("anna", ["read", topic, "-n", "1"]), named, "read");
        refused(await as("anna", ["write", topic, "--value", "from anna"]), named, "write");
        refused(
          await as("anna", ["lab1", "describe", "hello-kafka", "--prefix", BORIS]),
          named,
          "describe",
        );
        refused(
          await as("anna", ["lab1", "delete", "hello-kafka", "--prefix", BORIS, "--yes"]),
          named,
          "delete",
        );
        refused(await as("anna", ["lab1", "-q", "--prefix", BORIS]), named, "lab1 as boris");
        const ru = await as("anna", ["read", topic, "-n", "1", "--lang", "ru"]);
        assert.equal(ru.code, 4);
        assert.match(ru.stderr, /преподавател/);
      });

      await t.step("anna cannot reset, describe or delete boris's group", async () => {
        const group = `${BORIS}hello-group`;
        const named = /GROUP_AUTHORIZATION_FAILED/;
        refused(
          await as("anna", [
            "groups",
            "reset",
            group,
            "--topic",
            `${ANNA}hello-kafka`,
            "--to",
            "earliest",
          ]),
          named,
          "reset",
        );
        refused(await as("anna", ["groups", "describe", group]), named, "groups describe");
        refused(await as("anna", ["groups", "delete", group, "--yes"]), named, "groups delete");
      });

      await t.step("boris's work is untouched and class grade shows both students", async () => {
        const read = await as("boris", ["read", `${BORIS}hello-kafka`, "--json"]);
        assert.equal(read.code, 0, read.stderr);
        const grade = await runCli(["class", "grade", "--roster", roster, "--json"], { env });
        const students = events(grade.stdout).filter((e) => e.event === "check.student");
        const done = { [ANNA]: ["lab1", "lab2", "lab3", "lab4"], [BORIS]: ["lab1", "lab2"] };
        for (const [prefix, labs] of Object.entries(done)) {
          for (const lab of labs) {
            const s = students.find((e) => e.prefix === prefix && e.lab === lab);
            assert.equal(s?.ok, true, `${prefix} ${lab}: ${JSON.stringify(s)}`);
          }
        }
        const notDone = students.find((e) => e.prefix === BORIS && e.lab === "lab3");
        assert.equal(notDone?.ok, false, "boris has not done lab 3");
        const csv = await runCli(["class", "grade", "lab2", "--roster", roster, "--csv"], { env });
        assert.match(csv.stdout, new RegExp(`^${BORIS.replace(".", "\\.")},`, "m"));
        assert.match(csv.stdout, new RegExp(`^${ANNA.replace(".", "\\.")},`, "m"));
      });

      await t.step("class list shows the users with their prefixes", async () => {
        const list = await runCli(["class", "list", "--json"], { env });
        assert.equal(list.code, 0, list.stderr);
        const users = events(list.stdout).filter((e) => e.event === "class.user");
        assert.deepEqual(users.find((u) => u.user === "anna")?.prefixes, [ANNA]);
        assert.deepEqual(users.find((u) => u.user === "boris")?.prefixes, [BORIS]);
      });

      await t.step("a wrong password exits 4 and no password is printed", async () => {
        const text = await Deno.readTextFile(join(out, "anna.env"));
        const real = /KAFKA_LAB_SASL_PASSWORD=(.*)/.exec(text)![1];
        const wrong = `Wrong${crypto.randomUUID().slice(0, 8)}`;
        await Deno.writeTextFile(join(out, "bad.env"), text.replace(real, wrong), { mode: 0o600 });
        const r = await as("bad", ["lab1", "list"]);
        assert.equal(r.code, 4, r.stderr);
        assert.match(r.stderr, /user anna/);
        for (const secret of [wrong, real]) {
          assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), "a password shows");
        }
      });

      await t.step("class remove takes the logins back", async () => {
        const r = await runCli(["class", "remove", "--roster", roster, "--out", out, "--json"], {
          env,
        });
        assert.equal(r.code, 0, r.stderr);
        const removed = events(r.stdout).filter((e) => e.event === "class.removed");
        assert.deepEqual(removed.map((e) => [e.name, e.aclsDeleted]), [["anna", 3], ["boris", 3]]);
        await assert.rejects(() => Deno.stat(join(out, "anna.env")));
      });
    } finally {
      await runCli(["down", "--purge"], { env, timeoutMs: 120_000 });
      await Deno.remove(home, { recursive: true }).catch(() => {});
    }
  },
});

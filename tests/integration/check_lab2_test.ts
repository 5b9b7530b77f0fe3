/**
 * `kafka-lab check lab2` on the real cluster: fails before lab 2, passes after
 * its guided run; a roster shows the student who did the work passing and the
 * one who did not failing, in the table, the CSV, and `deno task grade`; the
 * report holds the evidence.
 */
import assert from "node:assert/strict";
import { PERMISSION_FLAGS, ROOT, runCli } from "../helpers.ts";
import { failsThenPasses, removePrefix, runOk, uniquePrefix } from "./check_support.ts";

/** Lab 1 (the topics), then lab 2's guided run, for one student with the labs' own --prefix. */
async function lab2For(prefix: string): Promise<void> {
  await runOk(["lab1", "--quiet", "--prefix", prefix]);
  await runOk(["lab2", "--quiet", "--prefix", prefix, "--interval", "0"]);
}

Deno.test("check lab2 fails with hints on an empty cluster and passes after lab2's guided run", async () => {
  await failsThenPasses("lab2", lab2For);
});

Deno.test("check lab2 --roster, deno task grade and report lab2 agree: anna passes, boris fails with hints", async () => {
  const anna = uniquePrefix();
  const boris = uniquePrefix();
  const dir = await Deno.makeTempDir();
  const roster = `${dir}/roster.txt`;
  await Deno.writeTextFile(roster, `# class\n${anna}\n${boris}\n`);
  try {
    await lab2For(anna);

    const table = await runCli(["check", "lab2", "--roster", roster]);
    assert.equal(table.code, 1, table.stderr);
    const annaRow = table.stdout.split("\n").find((l) => l.startsWith(anna))!;
    const borisRow = table.stdout.split("\n").find((l) => l.startsWith(boris))!;
    assert.match(annaRow, /✓ 2\/2$/);
    assert.match(borisRow, /✗ 0\/2$/);

    const csv = await runCli(["check", "lab2", "--roster", roster, "--csv"]);
    const lines = csv.stdout.trim().split("\n");
    assert.equal(lines[0], "student,lab,task,kind,status,evidence_time,evidence");
    const row = (who: string, task: string) =>
      lines.find((l) => l.startsWith(`${who},lab2,${task},`)) ?? "";
    assert.match(row(anna, "hello-records"), /,required,pass,\d{4}-/);
    assert.match(row(anna, "hello-group-end"), /,required,pass,\d{4}-/);
    assert.match(row(boris, "hello-group-end"), /,required,fail,,/);

    const one = await runCli(["check", "lab2", "--prefix", boris]);
    assert.equal(one.code, 1);
    assert.match(
      one.stdout,
      new RegExp(
        `hint: run \`(?:kafka-lab|deno task lab) lab2 --prefix ${boris.replace(".", "\\.")}\``,
      ),
    );

    const junit = `${dir}/grades.xml`;
    const grade = await new Deno.Command(Deno.execPath(), {
      args: ["test", ...PERMISSION_FLAGS, `--junit-path=${junit}`, "tests/grade/"],
      cwd: ROOT,
      env: { KAFKA_LAB_ROSTER: roster, KAFKA_LAB_LABS: "lab2", NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const gradeOut = new TextDecoder().decode(grade.stdout);
    assert.equal(grade.code, 1, gradeOut);
    assert.match(gradeOut, new RegExp(`${anna.replace(".", "\\.")} lab2 \\.\\.\\. ok`));
    assert.match(gradeOut, new RegExp(`${boris.replace(".", "\\.")} lab2 \\.\\.\\. FAILED`));
    const xml = await Deno.readTextFile(junit);
    assert.match(xml, new RegExp(`${boris.replace(".", "\\.")} lab2`));

    const report = `${dir}/anna.md`;
    await runOk(["report", "lab2", "--prefix", anna, "--out", report]);
    const md = await Deno.readTextFile(report);
    for (const n of [1, 2, 3, 4, 5]) assert.ok(md.includes(`\`Hello Kafka ${n}\``), `record ${n}`);
    assert.ok(md.includes(`| ${anna}hello-group | Empty | 0 | ${anna}hello-kafka | p0: 5/5 |`), md);
    assert.match(md, /Apache Kafka 4\.1\.1 in KRaft mode/);
    assert.match(md, /## 6\. Control questions/);
  } finally {
    await removePrefix(anna);
    await removePrefix(boris);
    await Deno.remove(dir, { recursive: true });
  }
});

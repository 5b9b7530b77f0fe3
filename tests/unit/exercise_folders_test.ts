import assert from "node:assert/strict";
import { join } from "node:path";
import { exerciseFolder } from "../grade/exercise_folders.ts";

Deno.test("exerciseFolder finds DIR/<prefix>/<lab> with or without the prefix's separator, only with exercise.json", () => {
  const root = Deno.makeTempDirSync();
  try {
    Deno.mkdirSync(join(root, "anna", "lab2"), { recursive: true });
    Deno.writeTextFileSync(join(root, "anna", "lab2", "exercise.json"), "{}");
    Deno.mkdirSync(join(root, "boris.", "lab4"), { recursive: true });
    Deno.writeTextFileSync(join(root, "boris.", "lab4", "exercise.json"), "{}");
    Deno.mkdirSync(join(root, "gleb", "lab3"), { recursive: true }); // no exercise.json
    assert.equal(exerciseFolder(root, "anna.", "lab2"), join(root, "anna", "lab2"));
    assert.equal(exerciseFolder(root, "boris.", "lab4"), join(root, "boris.", "lab4"));
    assert.equal(exerciseFolder(root, "anna.", "lab3"), undefined);
    assert.equal(exerciseFolder(root, "gleb.", "lab3"), undefined);
    assert.equal(exerciseFolder(root, "", "lab2"), undefined);
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});

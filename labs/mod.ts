/**
 * The numbered labs, in course order. Each lab module exports one command;
 * labs never import each other, and what they share lives in `lib/`.
 * @module
 */
import type { Command } from "../lib/cli/command.ts";
import { lab1 } from "./lab1_topics.ts";
import { lab2 } from "./lab2_hello.ts";
import { lab3 } from "./lab3_coordinates.ts";
import { lab4 } from "./lab4_batch.ts";
import { lab5 } from "./lab5_guarantees/mod.ts";

/** Every lab command, in the order students take them. */
export const LABS: readonly Command[] = [lab1, lab2, lab3, lab4, lab5];

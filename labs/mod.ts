/**
 * The numbered labs, in course order. Each lab module exports one command;
 * labs never import each other, and what they share lives in `lib/`.
 * @module
 */
import type { Command } from "../lib/cli/command.ts";

/** Every lab command, in the order students take them. */
export const LABS: readonly Command[] = [];

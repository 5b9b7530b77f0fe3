/**
 * The `--json` events of `completions`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `completions`. */
export const COMPLETIONS_EVENTS = {
  script: event("completions.script", "The completion script for a shell.", {
    shell: f.oneOf("bash", "zsh", "fish"),
    script: f.string,
  }, { was: "completions" }),
  names: event("completions.names", "`__complete`: live names for the shell to offer.", {
    kind: f.oneOf("topics", "groups"),
    names: f.array(f.string),
  }),
};

/**
 * The `--json` events of `config`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `config`. */
export const CONFIG_EVENTS = {
  setting: event("config.setting", "One resolved setting and where it came from.", {
    key: f.string,
    value: f.nullable(f.string).doc("`********` for secrets; null when unset."),
    source: f.string.doc("`flag`, `env`, `.env`, `local cluster`, `default` or `unset`."),
    env: f.string.doc("The environment variable that sets it."),
    flag: f.nullable(f.string).doc("The flag that sets it (`--bootstrap-server`)."),
  }, { was: "config" }),
};

/**
 * The `--json` events of `ui`; see `lib/events.ts` for the naming style.
 * @module
 */
import { event, field as f } from "../../lib/events.ts";

/** The events of `ui`. */
export const UI_EVENTS = {
  listening: event("ui.listening", "The web console answers at `url` (the token is in it).", {
    url: f.string,
    port: f.integer,
    token: f.string,
    portTaken: f.boolean.doc("The wanted port was taken; the system picked another."),
  }),
  stopped: event("ui.stopped", "The console stopped (Ctrl+C).", { port: f.integer }),
};

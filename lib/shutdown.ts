/**
 * SIGINT and SIGTERM become an `AbortSignal`: the first signal asks every loop
 * to drain (flush producers, commit consumers, disconnect); a second one exits
 * at once.
 *
 * @example
 * ```ts
 * const shutdown = new Shutdown();
 * shutdown.install();
 * while (!shutdown.signal.aborted) { await work(); }
 * Deno.exit(shutdown.exitCode() ?? 0);
 * ```
 * @module
 */
import { ExitCode } from "./errors.ts";

/** What is printed on the first stop signal, per language. */
export const STOPPING_NOTICE = {
  en: "{signal} received: finishing the current step, then stopping (again to force)",
  ru: "получен {signal}: завершаем текущий шаг и останавливаемся (ещё раз — немедленно)",
} as const;

/** The signals that stop a command. */
export type StopSignal = "SIGINT" | "SIGTERM";

/** Options of {@linkcode Shutdown}. */
export interface ShutdownOptions {
  /** Called once, on the first signal (e.g. to print "draining..."). */
  onFirst?: (signal: StopSignal) => void;
  /** Called on the second signal; exits the process by default. */
  onForce?: (signal: StopSignal) => void;
}

/** Turns stop signals into an abort of {@linkcode Shutdown.signal}. */
export class Shutdown {
  readonly #controller = new AbortController();
  readonly #options: ShutdownOptions;
  readonly #listeners: Array<[StopSignal, () => void]> = [];
  #received: StopSignal | undefined;

  constructor(options: ShutdownOptions = {}) {
    this.#options = options;
  }

  /** Aborted on the first stop signal. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The first signal received, if any. */
  get received(): StopSignal | undefined {
    return this.#received;
  }

  /** 130 after SIGINT, 143 after SIGTERM, undefined when no signal came. */
  exitCode(): number | undefined {
    if (this.#received === "SIGINT") return ExitCode.sigint;
    if (this.#received === "SIGTERM") return ExitCode.sigterm;
    return undefined;
  }

  /** Handles one signal: the first drains, the second forces. */
  trigger(signal: StopSignal): void {
    if (this.#received === undefined) {
      this.#received = signal;
      this.#options.onFirst?.(signal);
      this.#controller.abort(new DOMException(`stopped by ${signal}`, "AbortError"));
      return;
    }
    if (this.#options.onForce) {
      this.#options.onForce(signal);
    } else {
      Deno.exit(signal === "SIGINT" ? ExitCode.sigint : ExitCode.sigterm);
    }
  }

  /** Listens for SIGINT (and SIGTERM where the platform has it). */
  install(): void {
    const signals: StopSignal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
    for (const sig of signals) {
      const listener = () => this.trigger(sig);
      Deno.addSignalListener(sig, listener);
      this.#listeners.push([sig, listener]);
    }
  }

  /** Stops listening, so a finished program exits on its own. */
  dispose(): void {
    for (const [sig, listener] of this.#listeners.splice(0)) {
      Deno.removeSignalListener(sig, listener);
    }
  }
}

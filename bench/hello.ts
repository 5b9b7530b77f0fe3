// The baseline of bench/startup_bench.ts: a Deno hello-world.
// deno-lint-ignore no-console
console.log("hello");

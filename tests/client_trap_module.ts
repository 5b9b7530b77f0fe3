// Stands in for kafkajs, the schema registry client, faker and ajv in tests/client_trap.ts:
// a command that loads one of them fails here.
throw new Error("client_trap_module.ts: a client library was loaded");

"""Reads records with Confluent's own client and JSON Schema deserializer.

An independent check of kafka-lab's wire format: consumes --count records of
--topic from the beginning with confluent_kafka's Consumer, decodes each value
with confluent_kafka.schema_registry.json_schema.JSONDeserializer (which
fetches the writer's schema by the id in the record and validates against
the reader schema given here), and prints one JSON line per record.
Exits 1 if a record cannot be decoded or fewer than --count arrive in time.
"""
import argparse
import json
import sys
import time

from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.json_schema import JSONDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--schema-file", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    with open(args.schema_file, encoding="utf-8") as f:
        reader_schema = f.read()
    registry = SchemaRegistryClient({"url": args.registry})
    deserializer = JSONDeserializer(reader_schema, schema_registry_client=registry)
    consumer = Consumer({
        "bootstrap.servers": args.brokers,
        "group.id": f"interop-{args.topic}",
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    seen = 0
    deadline = time.monotonic() + args.timeout
    try:
        while seen < args.count and time.monotonic() < deadline:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                print(f"kafka error: {msg.error()}", file=sys.stderr)
                continue
            ctx = SerializationContext(msg.topic(), MessageField.VALUE)
            value = deserializer(msg.value(), ctx)
            print(json.dumps({
                "partition": msg.partition(),
                "offset": msg.offset(),
                "key": msg.key().decode() if msg.key() else None,
                "value": value,
            }), flush=True)
            seen += 1
    finally:
        consumer.close()
    if seen < args.count:
        print(f"only {seen} of {args.count} records arrived", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

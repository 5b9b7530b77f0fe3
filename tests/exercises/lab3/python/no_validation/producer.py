"""Lab 3 exercise, broken on purpose: writes every record, checking none against the schema."""
import json
import os
from pathlib import Path

from confluent_kafka import Producer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:19092")
TOPIC = os.environ.get("KAFKA_LAB_TOPIC", "users_coordinates")
REGISTRY = os.environ.get("SCHEMA_REGISTRY_URL", "http://localhost:8081/apis/ccompat/v7")
COUNT = int(os.environ.get("KAFKA_LAB_COUNT", "6"))
SCHEMA = (Path(__file__).parent / "schema.json").read_text()


def make_record(i: int) -> dict:
    value = {"id": 10 + i, "longitude": 30 + i / 10, "latitude": 50 + i / 10}
    if i % 3 == 0:
        del value["latitude"]
    return value


registry = SchemaRegistryClient({"url": REGISTRY})
producer = Producer({"bootstrap.servers": BROKERS, "acks": "all"})

for i in range(1, COUNT + 1):
    record = make_record(i)
    schema_id = registry.register_schema(f"{TOPIC}-value", Schema(SCHEMA, "JSON"))
    value = b"\x00" + schema_id.to_bytes(4, "big") + json.dumps(record).encode()
    acks = []
    producer.produce(TOPIC, key=str(record["id"]), value=value,
                     on_delivery=lambda err, msg: acks.append((err, msg)))
    producer.flush(10)
    if not acks or acks[0][0] is not None:
        raise SystemExit(f"not delivered: {record['id']}")
    msg = acks[0][1]
    print(f"sent {record['id']} partition={msg.partition()} offset={msg.offset()}", flush=True)

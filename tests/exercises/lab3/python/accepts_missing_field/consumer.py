"""Lab 3 exercise, broken on purpose: accepts a record that misses a field."""
import json
import os
import time

from confluent_kafka import Consumer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.json_schema import JSONDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext

BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:19092")
TOPIC = os.environ.get("KAFKA_LAB_TOPIC", "users_coordinates")
GROUP = os.environ.get("KAFKA_LAB_GROUP", "users-coordinates-consumer")
REGISTRY = os.environ.get("SCHEMA_REGISTRY_URL", "http://localhost:8081/apis/ccompat/v7")
IDLE_SECONDS = float(os.environ.get("KAFKA_LAB_IDLE_SECONDS", "0"))

registry = SchemaRegistryClient({"url": REGISTRY})
deserialize = JSONDeserializer(None, schema_registry_client=registry)
consumer = Consumer({
    "bootstrap.servers": BROKERS,
    "group.id": GROUP,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
})
consumer.subscribe([TOPIC])


def fits(v) -> bool:
    return (isinstance(v, dict) and isinstance(v.get("id"), int)
            and isinstance(v.get("longitude"), (int, float))
            and isinstance(v.get("latitude"), (int, float)))


last = time.monotonic()
try:
    while IDLE_SECONDS <= 0 or time.monotonic() - last < IDLE_SECONDS:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            print(f"error: {msg.error()}", flush=True)
            continue
        last = time.monotonic()
        try:
            value = msg.value()
            if not value or value[0] != 0:
                raise ValueError("no magic byte 0")
            registry.get_schema(int.from_bytes(value[1:5], "big"))  # an unknown id raises
            v = json.loads(value[5:])  # but never checked against the schema
            print(f"ok {v['id']} longitude={v['longitude']} latitude={v.get('latitude')}", flush=True)
        except Exception as err:
            print(f"skipped offset={msg.offset()}: {err}", flush=True)
        consumer.commit(message=msg, asynchronous=False)
except KeyboardInterrupt:
    pass
finally:
    consumer.close()

"""Lab 2 exercise, broken on purpose: reads but never commits (auto-commit is off)."""
import os
import time

from confluent_kafka import Consumer

BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:19092")
TOPIC = os.environ.get("KAFKA_LAB_TOPIC", "hello-kafka")
GROUP = os.environ.get("KAFKA_LAB_GROUP", "hello-group")
IDLE_SECONDS = float(os.environ.get("KAFKA_LAB_IDLE_SECONDS", "0"))

consumer = Consumer({
    "bootstrap.servers": BROKERS,
    "group.id": GROUP,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
})
consumer.subscribe([TOPIC])

count = 0
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
        count += 1
        print(
            f"received {count}: {msg.value().decode('utf-8')} partition={msg.partition()} "
            f"offset={msg.offset()} timestamp={msg.timestamp()[1]}",
            flush=True,
        )
except KeyboardInterrupt:
    pass
finally:
    consumer.close()

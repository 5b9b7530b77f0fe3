"""Lab 4 exercise, reference single-message consumer (instructors' material, not shipped in the binary)."""
import json
import os
import time

from confluent_kafka import Consumer

BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:19092")
TOPIC = os.environ.get("KAFKA_LAB_TOPIC", "final-1-topic")
GROUP = os.environ.get("KAFKA_LAB_GROUP", "single-group")
IDLE_SECONDS = float(os.environ.get("KAFKA_LAB_IDLE_SECONDS", "0"))
WORK_MS = float(os.environ.get("KAFKA_LAB_WORK_MS", "0"))


def process_record(value: bytes) -> None:
    message = json.loads(value)
    print(f"processed {message['message_id']}: {message['content']}", flush=True)
    time.sleep(WORK_MS / 1000)


consumer = Consumer({
    "bootstrap.servers": BROKERS,
    "group.id": GROUP,
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
})
consumer.subscribe([TOPIC])

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
        process_record(msg.value())
        consumer.commit(message=msg, asynchronous=False)
except KeyboardInterrupt:
    pass
finally:
    consumer.close()

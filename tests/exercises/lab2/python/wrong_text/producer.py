"""Lab 2 exercise, broken on purpose: writes the wrong text."""
import os
import time

from confluent_kafka import Producer

BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:19092")
TOPIC = os.environ.get("KAFKA_LAB_TOPIC", "hello-kafka")

producer = Producer({"bootstrap.servers": BROKERS, "acks": "all"})

for i in range(1, 6):
    text = f"Hello, Kafka {i}"
    acks = []
    producer.produce(TOPIC, text.encode("utf-8"), on_delivery=lambda err, msg: acks.append((err, msg)))
    producer.flush(10)
    if not acks or acks[0][0] is not None:
        raise SystemExit(f"not delivered: {text}: {acks[0][0] if acks else 'no acknowledgement'}")
    msg = acks[0][1]
    print(f"sent {text} partition={msg.partition()} offset={msg.offset()}", flush=True)
    if i < 5:
        time.sleep(1)

"""Lab 2 exercise, broken on purpose: sends without waiting for the acknowledgement."""
import os
import time

from confluent_kafka import Producer

BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:19092")
TOPIC = os.environ.get("KAFKA_LAB_TOPIC", "hello-kafka")

producer = Producer({"bootstrap.servers": BROKERS, "acks": "all"})

for i in range(1, 6):
    text = f"Hello Kafka {i}"
    producer.produce(TOPIC, text.encode("utf-8"))
    print(f"sent {text}", flush=True)
    if i < 5:
        time.sleep(1)
producer.flush(10)

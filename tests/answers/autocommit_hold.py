"""Proof helper for lab 4's answer on auto-commit (tests/answers/lab4_test.ts).

A confluent-kafka (librdkafka) consumer with enable.auto.commit=true takes one
batch with consume(num_messages=N), prints how many records it got as a JSON
line, and then processes nothing: it waits until stdin closes, so the test can
watch what the auto-commit timer commits meanwhile, then closes the consumer.
"""
import argparse
import json
import sys

from confluent_kafka import Consumer


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--brokers", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--group", required=True)
    p.add_argument("--batch", type=int, required=True)
    a = p.parse_args()
    consumer = Consumer({
        "bootstrap.servers": a.brokers,
        "group.id": a.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": True,
        "auto.commit.interval.ms": 200,
    })
    consumer.subscribe([a.topic])
    got = []
    while not got:
        got = [m for m in consumer.consume(num_messages=a.batch, timeout=1.0) if not m.error()]
    print(json.dumps({"returned": len(got), "last": got[-1].offset()}), flush=True)
    sys.stdin.read()  # hold the batch unprocessed until the test has seen the commit
    consumer.close()


if __name__ == "__main__":
    main()

"""Lab 4's two consumers written the way the course's Python project writes
them, with Confluent's client: --mode batch takes up to 10 records per poll
and commits once after the batch; --mode single commits after every record.
Reads --count records of --topic in --group from the earliest, then closes.
Exits 1 when fewer arrive in time.
"""
import argparse
import sys
import time

from confluent_kafka import Consumer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--brokers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--mode", choices=["batch", "single"], required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    consumer = Consumer({
        "bootstrap.servers": args.brokers,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
    })
    consumer.subscribe([args.topic])
    seen = 0
    deadline = time.monotonic() + args.timeout
    try:
        while seen < args.count and time.monotonic() < deadline:
            if args.mode == "batch":
                batch = [m for m in consumer.consume(num_messages=10, timeout=1.0) if not m.error()]
                if batch:
                    seen += len(batch)
                    consumer.commit(asynchronous=False)
            else:
                msg = consumer.poll(1.0)
                if msg is None or msg.error():
                    continue
                seen += 1
                consumer.commit(message=msg, asynchronous=False)
    finally:
        consumer.close()
    print(f"{args.mode}: {seen} record(s)", file=sys.stderr)
    return 0 if seen >= args.count else 1


if __name__ == "__main__":
    sys.exit(main())

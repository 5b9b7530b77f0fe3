"""Writes two transactions to one partition with Confluent's Python client:
one committed and one aborted, each of two keyed records, then one record
outside any transaction. Used by tests/integration/read_wire_test.ts (and to
record tests/unit/fixtures/wire/fetch_v11_*.hex): a read-committed reader
shows the committed pair and the last record, never the aborted pair.

usage: txn_produce.py BROKERS TOPIC PARTITION
"""
import sys

from confluent_kafka import Producer

brokers, topic, partition = sys.argv[1], sys.argv[2], int(sys.argv[3])
tx = Producer({"bootstrap.servers": brokers, "transactional.id": f"kafka-lab-test-{topic}"})
tx.init_transactions(30)
for outcome in ("committed", "aborted"):
    tx.begin_transaction()
    for i in range(2):
        tx.produce(topic, key=f"tx-{outcome}-{i}", value=f"{outcome} {i}", partition=partition)
    tx.flush(30)
    if outcome == "committed":
        tx.commit_transaction(30)
    else:
        tx.abort_transaction(30)
plain = Producer({"bootstrap.servers": brokers})
plain.produce(topic, key="after", value="after the transactions", partition=partition)
plain.flush(30)

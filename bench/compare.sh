#!/usr/bin/env bash
# Producer and reader throughput on one running cluster, side by side:
#   produce: kafka-lab bench produce | Kafka's kafka-producer-perf-test | kcat -P
#   read:    kafka-lab bench consume | kcat -C to a file
# Same settings for every producer: N records of 100 bytes, acks=all,
# idempotent, a topic of 6 partitions with replication factor 3. Runs are
# interleaved (ROUNDS rounds of every tool, one after another), and the
# medians and their ratio to kafka-producer-perf-test are printed.
#
#   bench/compare.sh [RECORDS] [ROUNDS]        (defaults: 200000 3)
#
# Needs a running cluster (`kafka-lab up`; KAFKA_BROKERS / KAFKA_LAB_STATE_DIR
# as for kafka-lab itself) and kcat on PATH (skipped when missing). In a
# network namespace: ip netns exec NS env KAFKA_LAB_STATE_DIR=... bench/compare.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-200000}
ROUNDS=${2:-3}
SIZE=100
PARTS=6
TMP=$(mktemp -d)
TOPIC="bench-compare-$$"
kl() { (cd "$HERE" && NO_COLOR=1 deno run -A main.ts "$@"); }
BROKERS=${KAFKA_BROKERS:-$(kl status --json 2>/dev/null |
  python3 -c 'import json,sys
for l in sys.stdin:
    e=json.loads(l)
    b=e.get("brokers")
    if isinstance(b,list) and b: print(",".join(x["address"] if isinstance(x,dict) else x for x in b)); break' || true)}
BROKERS=${BROKERS:-localhost:19092,localhost:19093,localhost:19094}
cleanup() {
  kl kafka kafka-topics --delete --topic "$TOPIC" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
now() { date +%s%N; }
rate() { echo "scale=0; $N * 1000000000 / ($2 - $1)" | bc; } # start end -> records/s
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

kl kafka kafka-topics --create --topic "$TOPIC" --partitions $PARTS --replication-factor 3 >/dev/null
# kcat's input: N lines of SIZE bytes.
python3 -c "import sys; sys.stdout.write(('x' * $SIZE + '\n') * $N)" >"$TMP/records.txt"

ours() {
  kl bench produce -n "$N" --record-size $SIZE -p $PARTS --acks all --idempotent --json |
    python3 -c 'import json,sys
for l in sys.stdin:
    e=json.loads(l)
    if e.get("event")=="bench.result": print(int(e["recordsPerSec"]))'
}
ours_read() {
  kl bench consume -n "$N" --record-size $SIZE -p $PARTS --json |
    python3 -c 'import json,sys
for l in sys.stdin:
    e=json.loads(l)
    if e.get("event")=="bench.result": print(int(e["recordsPerSec"]))'
}
java_perf() {
  kl kafka kafka-producer-perf-test --topic "$TOPIC" --num-records "$N" --record-size $SIZE \
    --throughput -1 --producer-props acks=all enable.idempotence=true |
    grep -Eo '^[0-9]+ records sent, [0-9.]+ records/sec' | tail -1 | awk '{print int($4)}'
}
kcat_produce() {
  local t0 t1
  t0=$(now)
  kcat -P -b "$BROKERS" -t "$TOPIC" -X acks=all -X enable.idempotence=true -l "$TMP/records.txt"
  t1=$(now)
  rate "$t0" "$t1"
}
kcat_read() { # the first N records of the topic, to a file
  local t0 t1
  t0=$(now)
  kcat -C -b "$BROKERS" -t "$TOPIC" -o beginning -c "$N" -q >"$TMP/read.txt"
  t1=$(now)
  rate "$t0" "$t1"
}
HAVE_KCAT=$(command -v kcat >/dev/null && echo 1 || echo 0)
for round in $(seq "$ROUNDS"); do
  echo "$(ours)" >>"$TMP/ours"
  echo "$(java_perf)" >>"$TMP/java"
  if [ "$HAVE_KCAT" = 1 ]; then
    echo "$(kcat_produce)" >>"$TMP/kcat"
    echo "$(kcat_read)" >>"$TMP/kcat_read"
  fi
  echo "$(ours_read)" >>"$TMP/ours_read"
  echo "round $round: kafka-lab $(tail -1 "$TMP/ours"), perf-test $(tail -1 "$TMP/java")," \
    "kcat -P $(tail -1 "$TMP/kcat" 2>/dev/null || echo -), kcat -C $(tail -1 "$TMP/kcat_read" 2>/dev/null || echo -)," \
    "kafka-lab consume $(tail -1 "$TMP/ours_read") records/s"
done
J=$(median <"$TMP/java")
row() { # label file [base]
  [ -s "$2" ] || return 0
  local m
  m=$(median <"$2")
  printf '%-44s %10s records/s  %5sx\n' "$1" "$m" "$(echo "scale=2; $m / ${3:-$J}" | bc)"
}
echo
echo "medians of $ROUNDS rounds, $N records of $SIZE B, acks=all, idempotent, $PARTS partitions, RF 3"
echo "(ratio to kafka-producer-perf-test; reads: to kcat -C)"
row "kafka-lab bench produce" "$TMP/ours"
row "kafka-producer-perf-test (Java)" "$TMP/java"
row "kcat -P (librdkafka)" "$TMP/kcat"
K=$( [ -s "$TMP/kcat_read" ] && median <"$TMP/kcat_read" || echo 1)
row "kafka-lab bench consume (read)" "$TMP/ours_read" "$K"
row "kcat -C > file (read)" "$TMP/kcat_read" "$K"

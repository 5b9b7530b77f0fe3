#!/bin/bash
# Usage: TOPIC=read-bench BEFORE=/path/to/old/main.ts [ROUNDS=12] bench/read_interleaved.sh (kcat on PATH, a cluster up).
# Interleaved runs: kcat, before, after text, after value-only; prints median wall seconds of each.
cd "$(dirname "$0")/.."
declare -A T
for i in $(seq 1 ${ROUNDS:-12}); do
  for name in kcat before text value; do
    case $name in
      kcat) cmd="kcat -C -b "${KAFKA_BROKERS:-localhost:19092}" -t "${TOPIC:-read-bench}" -e -q -o beginning > /tmp/cli-a" ;;
      before) cmd="deno run -A "${BEFORE:?set BEFORE to the main.ts of an older checkout}" read "${TOPIC:-read-bench}" --format text > /tmp/cli-f 2>/dev/null" ;;
      text) cmd="deno run -A main.ts read "${TOPIC:-read-bench}" --format text > /tmp/cli-d 2>/dev/null" ;;
      value) cmd="deno run -A main.ts read "${TOPIC:-read-bench}" --value-only > /tmp/cli-b 2>/dev/null" ;;
    esac
    s=$(date +%s%N); bash -c "$cmd"; e=$(date +%s%N)
    T[$name]="${T[$name]} $(( (e - s) / 1000000 ))"
  done
done
for name in kcat before text value; do
  echo "$name $(echo ${T[$name]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print "median_ms", a[int((NR+1)/2)], "min", a[1], "max", a[NR]}')"
done

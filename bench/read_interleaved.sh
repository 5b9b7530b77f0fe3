#!/bin/bash
# Usage: TOPIC=read-bench BEFORE=/path/to/old/main.ts [ROUNDS=12] [LOAD=1] bench/read_interleaved.sh
# (kcat and /usr/bin/time on PATH, a cluster up; in a network namespace: `ip netns exec NS ...`).
# Interleaved runs, each writing every record of TOPIC to a file: kcat -C -e, the BEFORE checkout's
# `read`, this checkout's `read` (lines for people) and `read --value-only`; prints the median,
# min and max wall milliseconds and the median user CPU milliseconds of each, and the ratio
# kcat's median wall / its median wall (>= 1: as fast as kcat or faster).
# LOAD=1: a busy loop (`yes > /dev/null`) pinned to CPU 0 runs beside, and every command is pinned
# to CPU 0 too, so each gets about half a core.
cd "$(dirname "$0")/.."
TOPIC=${TOPIC:-read-bench}
B=${KAFKA_BROKERS:-localhost:19092}
PIN=()
if [ -n "$LOAD" ]; then
  taskset -c 0 yes > /dev/null &
  BUSY=$!
  trap 'kill $BUSY' EXIT
  PIN=(taskset -c 0)
fi
declare -A W U
NAMES="kcat before lines value"
for i in $(seq 1 "${ROUNDS:-12}"); do
  for name in $NAMES; do
    case $name in
      kcat) cmd=(kcat -C -b "$B" -t "$TOPIC" -e -q -o beginning) ;;
      before) cmd=(deno run -A "${BEFORE:?set BEFORE to the main.ts of an older checkout}" read "$TOPIC") ;;
      lines) cmd=(deno run -A main.ts read "$TOPIC") ;;
      value) cmd=(deno run -A main.ts read "$TOPIC" --value-only) ;;
    esac
    s=$(date +%s%N)
    /usr/bin/time -f "%U" -o /tmp/read-interleaved-time "${PIN[@]}" "${cmd[@]}" \
      > /tmp/read-interleaved-out 2> /dev/null
    user=$(tail -1 /tmp/read-interleaved-time)
    e=$(date +%s%N)
    W[$name]="${W[$name]} $(((e - s) / 1000000))"
    U[$name]="${U[$name]} $(echo "$user * 1000 / 1" | bc)"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}'; }
read -r kcat_median _ <<< "$(echo ${W[kcat]} | median)"
for name in $NAMES; do
  read -r m lo hi <<< "$(echo ${W[$name]} | median)"
  read -r u _ <<< "$(echo ${U[$name]} | median)"
  echo "$name wall_median_ms $m min $lo max $hi user_median_ms $u vs_kcat $(echo "scale=2; $kcat_median / $m" | bc)"
done

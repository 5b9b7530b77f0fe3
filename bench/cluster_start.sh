#!/usr/bin/env bash
# Start time and memory of the local java-runtime cluster, side by side for two
# checkouts of kafka-lab (default: this one against itself), interleaved
# (A B A B ...) so a busy machine slows both alike; prints every run and the
# medians. Each round: `up` from empty (data purged), `down`, `up` from
# stopped (data kept), RSS of every JVM right after, a `bench consume` (its
# consumer group creates `__consumer_offsets`, as every student's cluster
# has), `down`, `up` from stopped again ("used"), `down --purge`.
#
#   bench/cluster_start.sh [OTHER_CHECKOUT] [ROUNDS]
#
# Run it where no other kafka-lab cluster listens on the default ports, e.g.
# in a network namespace of its own:
#   ip netns add kl; ip netns exec kl ip link set lo up
#   ip netns exec kl bench/cluster_start.sh /path/to/main 5
# The download cache (jars, class-data archives) is shared; state dirs are not.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
OTHER=${1:-$HERE}
ROUNDS=${2:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

kl() { # checkout state args...
  local dir=$1 state=$2
  shift 2
  (cd "$dir" && KAFKA_LAB_STATE_DIR=$state NO_COLOR=1 deno run -A main.ts "$@" >/dev/null 2>&1)
}
secs() { # checkout state args... -> seconds
  local t0 t1
  t0=$(date +%s%N)
  kl "$@"
  t1=$(date +%s%N)
  echo "scale=2; ($t1 - $t0) / 1000000000" | bc
}
rss() { # state -> total RSS MiB of the JVMs in its cluster.json
  python3 - "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1] + "/cluster.json"))
total = 0
for p in s["processes"]:
    try:
        for line in open(f"/proc/{p['pid']}/status"):
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    except FileNotFoundError:
        pass
print(total // 1024)
PY
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for side in A B; do echo -n >"$TMP/$side"; done
for round in $(seq "$ROUNDS"); do
  for side in A B; do
    dir=$OTHER
    [ "$side" = B ] && dir=$HERE
    state="$TMP/state-$side"
    kl "$dir" "$state" down --purge || true
    empty=$(secs "$dir" "$state" up)
    kl "$dir" "$state" down
    stopped=$(secs "$dir" "$state" up)
    mem=$(rss "$state")
    kl "$dir" "$state" bench consume -n 2000
    kl "$dir" "$state" down
    used=$(secs "$dir" "$state" up)
    kl "$dir" "$state" down --purge
    echo "$empty $stopped $mem $used" >>"$TMP/$side"
    echo "round $round $side ($dir): up from empty ${empty}s, from stopped ${stopped}s," \
      "RSS ${mem} MiB, from stopped after use ${used}s"
  done
done
for side in A B; do
  dir=$OTHER
  [ "$side" = B ] && dir=$HERE
  e=$(cut -d' ' -f1 "$TMP/$side" | median)
  s=$(cut -d' ' -f2 "$TMP/$side" | median)
  m=$(cut -d' ' -f3 "$TMP/$side" | median)
  u=$(cut -d' ' -f4 "$TMP/$side" | median)
  echo "median $side ($dir): up from empty ${e}s, from stopped ${s}s, RSS ${m} MiB," \
    "from stopped after use ${u}s"
done

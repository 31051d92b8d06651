#!/usr/bin/env bash
# SolrCloud on 127.0.0.1 from Solr's Maven artifacts: ZooKeeper (from the jar Solr depends on) and N Solr nodes, each
# its own JVM, smartcn on every node's classpath. For the server tests, the search contract tests and the loopback
# cluster; a city runs its own SolrCloud.
#   solr.sh start DIR [NODES] [PORT]   ZooKeeper on PORT (default 17980), node i on PORT+i; prints the nodes' URLs
#   solr.sh stop DIR                   stops every process started with DIR
#   solr.sh kill DIR I                 kill -9 of node I (fault tests)
#   solr.sh restart DIR I              starts node I again
#   solr.sh status DIR                 one line per node: its URL and up or down
# EARCHIVE_SOLR_HEAP sets each node's heap (default 384m).
set -euo pipefail
cmd=${1:?usage: solr.sh start|stop|kill|restart|status DIR}
DIR=$(mkdir -p "${2:?usage: solr.sh $cmd DIR}" && cd "$2" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CPFILE="$HERE/target/classpath.txt"

classpath() {
  if [ ! -f "$CPFILE" ] || [ -n "$(find "$HERE/src" "$HERE/pom.xml" -newer "$CPFILE" -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -f scripts/solr/pom.xml package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt) >&2
  fi
  echo "$HERE/target/classes:$(cat "$CPFILE")"
}

pids() { # every process started with DIR, or only the one named (zk, node1, …)
  if [ -z "${1:-}" ]; then pgrep -f -- "-Dearchive.solr.dir=$DIR/" || true; else pgrep -f -- "-Dearchive.solr.dir=$DIR/$1 " || true; fi
}

stop() {
  for p in $(pids); do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 30); do [ -z "$(pids)" ] && return 0; sleep 1; done
  for p in $(pids); do kill -9 "$p" 2>/dev/null || true; done
}

node() { # node I: starts it in the background
  local i=$1 port=$(($(cat "$DIR/port") + $1))
  mkdir -p "$DIR/node$i"
  nohup java "-Xmx${EARCHIVE_SOLR_HEAP:-384m}" -Xss1m "-Dearchive.solr.dir=$DIR/node$i" -Dsolr.log.dir="$DIR/node$i" \
    -Dsolr.disable.shardsWhitelist=true -cp "$(classpath)" org.earchive.solrnode.SolrNode "$DIR/node$i" "$port" \
    "127.0.0.1:$(cat "$DIR/port")" >"$DIR/node$i.log" 2>&1 &
}

wait_up() { # node I answers
  for s in $(seq 1 90); do
    grep -q 'SOLR NODE UP' "$DIR/node$1.log" 2>/dev/null && return 0
    # (the first seconds: the background shell may not have become the JVM yet)
    [ -n "$(pids "node$1")" ] || [ "$s" -le 3 ] || { echo "Solr node $1 exited:" >&2; tail -20 "$DIR/node$1.log" >&2; return 1; }
    sleep 1
  done
  echo "Solr node $1 did not start within 90 s (see $DIR/node$1.log)" >&2; return 1
}

urls() {
  local port; port=$(cat "$DIR/port")
  seq 1 "$(cat "$DIR/nodes")" | while read -r i; do printf 'http://127.0.0.1:%d/solr\n' $((port + i)); done | paste -sd,
}

case "$cmd" in
  start)
    nodes=${3:-2} port=${4:-17980}
    stop
    rm -rf "${DIR:?}"/*
    echo "$nodes" >"$DIR/nodes"; echo "$port" >"$DIR/port"
    mkdir -p "$DIR/zk"
    printf 'tickTime=1000\ninitLimit=10\nsyncLimit=5\ndataDir=%s/zk\nclientPort=%d\nclientPortAddress=127.0.0.1\n%s\n' \
      "$DIR" "$port" 'admin.enableServer=false
4lw.commands.whitelist=ruok,srvr' >"$DIR/zoo.cfg"
    cp="$(classpath)"
    nohup java -Xmx128m "-Dearchive.solr.dir=$DIR/zk" -Dzookeeper.admin.enableServer=false -cp "$cp" \
      org.apache.zookeeper.server.quorum.QuorumPeerMain "$DIR/zoo.cfg" >"$DIR/zk.log" 2>&1 &
    for _ in $(seq 1 30); do
      [ "$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf ruok >&3 && head -c4 <&3) 2>/dev/null)" = imok ] && break
      sleep 1
    done
    for i in $(seq 1 "$nodes"); do node "$i"; done
    for i in $(seq 1 "$nodes"); do wait_up "$i"; done
    urls ;;
  stop) stop ;;
  kill)
    for p in $(pids "node${3:?node}"); do kill -9 "$p"; done
    for _ in $(seq 1 20); do [ -z "$(pids "node$3")" ] && break; sleep 0.5; done ;;
  restart)
    [ -z "$(pids "node${3:?node}")" ] || { echo "node $3 is running" >&2; exit 1; }
    : >"$DIR/node$3.log"; node "$3"; wait_up "$3" ;;
  status)
    port=$(cat "$DIR/port")
    for i in $(seq 1 "$(cat "$DIR/nodes")"); do
      u="http://127.0.0.1:$((port + i))/solr"
      if curl -fsS -m 3 "$u/admin/info/health" >/dev/null 2>&1; then echo "$u up"; else echo "$u down"; fi
    done ;;
  urls) urls ;;
  *) echo "usage: solr.sh start|stop|kill|restart|status DIR" >&2; exit 2 ;;
esac

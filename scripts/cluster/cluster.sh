#!/usr/bin/env bash
# The city's layout on one machine, every listener on 127.0.0.1: the same EAR on a Payara deployment group of N
# instances (Hazelcast on loopback, sessions replicated) behind HAProxy, PostgreSQL primary + synchronous standby,
# Ceph RGW, SolrCloud (2 nodes + ZooKeeper), a ClamAV daemon. For trying the cluster and for its tests; a city runs
# its own engines and points the same settings at them (README, Cluster). Called by ./earchive cluster.
#   cluster.sh start [N]     N instances (default 2): HAProxy http://127.0.0.1:8080, instance i at http://127.0.0.1:2808i
#   cluster.sh status        JSON: each instance, the database servers' roles, the object store, the Solr nodes
#   cluster.sh kill I        kill -9 of instance I
#   cluster.sh restart I     starts instance I again (after a kill or a stop)
#   cluster.sh stop          stops everything start started; the cluster's data go with it (a fresh start is empty)
#   cluster.sh env           the settings the instances run with, secrets left out (for clients: URL, demo password)
# Data and logs under EARCHIVE_CLUSTER_DIR (default .earchive/cluster); instance i's server log:
# .earchive/payara6/glassfish/nodes/localhost-earchive-cluster/inst<i>/logs/server.log.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN="$ROOT/.earchive"
DIR=$(mkdir -p "${EARCHIVE_CLUSTER_DIR:-$RUN/cluster}" && cd "${EARCHIVE_CLUSTER_DIR:-$RUN/cluster}" && pwd)
PAYARA_HOME="$RUN/payara6"
DOMAIN=earchive-cluster
NODE="localhost-$DOMAIN"
GROUP=earchive
CONFIG=earchive-config
DAS_PORTBASE=28100 # admin 28148, Hazelcast 28149
ADMIN_PORT=$((DAS_PORTBASE + 48))
FRONT_PORT=8080
STATS_PORT=28404
S3_PORT=17400
PG_PORT=25432
SOLR_PORT=19980
EAR="$ROOT/business-ear/ear/target/earchive.ear"
NODES_DIR="$PAYARA_HOME/glassfish/nodes/$NODE"

log() { printf '\033[1m[cluster]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[cluster]\033[0m %s\n' "$*" >&2; exit 1; }

asadmin() { "$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" --user admin --passwordfile "$DIR/admin-password" "$@"; }
instances() { cat "$DIR/instances" 2>/dev/null || echo 0; }
http_port() { echo $((28080 + $1)); }
# instance i's ports from its portbase, 200 apart: the embedded JMS broker's RMI registry takes its port + 100
portbase() { echo $((DAS_PORTBASE + 200 * $1)); }
instance_pid() { pgrep -f -- "-Dcom.sun.aas.instanceRoot=$NODES_DIR/inst$1( |$)" | head -1 || true; }
das_running() { "$PAYARA_HOME/bin/asadmin" list-domains 2>/dev/null | grep -q "^$DOMAIN running"; }

# A secret of the cluster's own, generated once (mode 600): secret NAME [BYTES]
secret() {
  local f="$DIR/$1"
  [ -s "$f" ] || (umask 077; head -c "${2:-18}" /dev/urandom | base64 -w0 | tr -d '/+=' > "$f")
  cat "$f"
}

# The settings every instance runs with (environment: secrets never reach domain.xml or git).
instance_env() {
  local i=$1
  cat <<ENV
EARCHIVE_CLUSTER=true
EARCHIVE_HOME=$DIR/inst$i
EARCHIVE_DB_URL=$(cat "$DIR/db-url")
EARCHIVE_DB_USER=earchive
EARCHIVE_DB_PASSWORD=$(cat "$DIR/pg/password")
EARCHIVE_S3_ENDPOINT=$(cat "$DIR/s3-url")
EARCHIVE_S3_ACCESS_KEY=archiveAK
EARCHIVE_S3_SECRET_KEY=$(secret s3-secret)
EARCHIVE_SOLR_URL=$(cat "$DIR/solr-url")
EARCHIVE_CLAMD=$(cat "$DIR/clamd-url")
EARCHIVE_MASTER_KEYS=k1:$(head -c 32 <"$DIR/master-key" | base64 -w0)
EARCHIVE_DEMO_PASSWORD=$(demo_password)
EARCHIVE_DEMO_ACCOUNTS=true
EARCHIVE_JOB_SECONDS=$(cat "$DIR/job-seconds" 2>/dev/null)
EARCHIVE_CAPTURE_LEASE_SECONDS=$(cat "$DIR/capture-lease" 2>/dev/null)
OMP_THREAD_LIMIT=1
ENV
}

demo_password() {
  local f="$DIR/demo-password"
  [ -s "$f" ] || (umask 077; printf '%s-Ea1' "$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 12)" > "$f")
  cat "$f"
}

# The domain: created once per instance count, hardened offline like the single server's (loopback, secure admin, the
# admin password from a file), then Hazelcast in TCP/IP mode on loopback, the group's config, its instances, web
# session replication (recipe: ../shared/docs/recipes/cluster/RECIPE.md; its gotchas are why each line is as it is).
domain() {
  local n=$1
  # the marker names what the domain was made with: a domain of an older layout is made again
  local made="$n instances, batch on postgresql"
  if [ -d "$PAYARA_HOME/glassfish/domains/$DOMAIN" ] && [ "$(cat "$DIR/domain-instances" 2>/dev/null)" = "$made" ]; then
    return 0
  fi
  log "creating the Payara domain $DOMAIN with a deployment group of $n instances"
  rm -rf "${PAYARA_HOME:?}/glassfish/domains/$DOMAIN" "$NODES_DIR"
  "$PAYARA_HOME/bin/asadmin" create-domain --nopassword=true --portbase "$DAS_PORTBASE" "$DOMAIN" >/dev/null
  rm -f "$DIR/admin-password"
  "$ROOT/scripts/prepare-payara.sh" "$PAYARA_HOME" "$DOMAIN" "$DIR/admin-password" >/dev/null
  "$PAYARA_HOME/bin/asadmin" start-domain "$DOMAIN" >/dev/null
  local members="127.0.0.1:$((DAS_PORTBASE + 49))" i
  for i in $(seq 1 "$n"); do members="$members,127.0.0.1:$(($(portbase "$i") + 60))"; done
  asadmin set-hazelcast-configuration --enabled true --target server-config --interfaces 127.0.0.1 \
    --dasbindaddress 127.0.0.1 --daspublicaddress 127.0.0.1 --clustername "earchive-$DOMAIN" --clustermode tcpip \
    --tcpipmembers "$members" --dynamic false >/dev/null
  asadmin create-deployment-group "$GROUP" >/dev/null
  # the DAS's EJB timer store too: the default one is an H2 database whose AUTO_SERVER opens a port on every interface
  asadmin set configs.config.server-config.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid >/dev/null
  # a config per instance (its heap and timer store can differ; the group deploys the same EAR to all)
  local c a
  for i in $(seq 1 "$n"); do
    c="$CONFIG-$i"
    asadmin copy-config default-config "$c" >/dev/null
    asadmin set-hazelcast-configuration --enabled true --target "$c" --dynamic false >/dev/null
    asadmin create-instance --node "$NODE" --config "$c" --portbase "$(portbase "$i")" --checkports=true \
      --systemproperties "HTTP_LISTENER_PORT=$(http_port "$i"):HZ_LISTENER_PORT=$(($(portbase "$i") + 60))" "inst$i" >/dev/null
    asadmin add-instance-to-deployment-group --instance "inst$i" --deploymentgroup "$GROUP" >/dev/null
    a="configs.config.$c.availability-service"
    # sessions replicated through Hazelcast (scope "session": "modified-attribute" hangs requests in this version);
    # the EJB timer store in the data grid (the application's timers are not persistent; the default per-instance
    # database store hung the start while migrating a departed member's timers)
    asadmin set "$a.availability-enabled=true" "$a.web-container-availability.availability-enabled=true" \
      "$a.web-container-availability.persistence-type=hazelcast" \
      "$a.web-container-availability.persistence-scope=session" \
      "configs.config.$c.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid" >/dev/null
    asadmin delete-jvm-options --target "$c" -Xmx1g >/dev/null
    asadmin create-jvm-options --target "$c" "-Xmx${EARCHIVE_INSTANCE_HEAP:-1g}" >/dev/null
  done
  batch_repository "$n"
  asadmin stop-domain "$DOMAIN" >/dev/null 2>&1 || "$PAYARA_HOME/bin/asadmin" stop-domain --kill=true "$DOMAIN" >/dev/null
  echo "$made" > "$DIR/domain-instances"
}

# The Jakarta Batch job repository on the shared PostgreSQL pair (the default, each instance's own H2, left a disposal
# appraisal started on one node unknown to the other): a domain pool with the driver in the domain's library folder
# (synchronised to the instances), its URL and password read from each instance's environment when the pool opens
# (${ENV=…}: nothing secret in domain.xml), referenced by the group's instances and named in their batch settings.
batch_repository() {
  local n=$1 i lib="$PAYARA_HOME/glassfish/domains/$DOMAIN/lib"
  local driver
  driver=$(unzip -Z1 "$EAR" | grep -m1 '^lib/org\.postgresql-postgresql-.*\.jar$') || die "no PostgreSQL driver in $EAR"
  unzip -o -q -j "$EAR" "$driver" -d "$lib"
  asadmin create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
    --restype javax.sql.DataSource --isconnectvalidatereq=true --validationmethod custom-validation \
    --validationclassname org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation --failconnection=true \
    --steadypoolsize 0 --maxpoolsize 8 earchive-batch >/dev/null
  local pool=resources.jdbc-connection-pool.earchive-batch.property
  asadmin set "$pool.url=\${ENV=EARCHIVE_DB_URL}" "$pool.user=\${ENV=EARCHIVE_DB_USER}" \
    "$pool.password=\${ENV=EARCHIVE_DB_PASSWORD}" >/dev/null
  asadmin create-jdbc-resource --connectionpoolid earchive-batch --target domain jdbc/earchive-batch >/dev/null
  for i in $(seq 1 "$n"); do
    asadmin create-resource-ref --target "inst$i" jdbc/earchive-batch >/dev/null
    asadmin set-batch-runtime-configuration --target "$CONFIG-$i" --datasourcelookupname jdbc/earchive-batch >/dev/null
  done
}

start_instance() {
  local i=$1 env_file="$DIR/inst$i.env"
  mkdir -p "$DIR/inst$i"
  (umask 077; instance_env "$i" > "$env_file")
  # the instance inherits this environment (secrets stay out of domain.xml); it synchronises with the DAS first
  env $(grep -v '^[A-Z_]*=$' "$env_file" | tr '\n' ' ') "$PAYARA_HOME/bin/asadmin" --user admin \
    --passwordfile "$DIR/admin-password" --port "$ADMIN_PORT" start-local-instance --node "$NODE" "inst$i" >/dev/null
}

# A capture worker beside instance i (server-side capture: the station's pipeline in a process of its own, taking
# jobs from the shared queue through its instance), as the station account; its log and pid under DIR.
CAPTURE_JAR="$ROOT/capture-station/target/capture-station-$(sed -n '0,/<version>/s#.*<version>\(.*\)</version>.*#\1#p' "$ROOT/pom.xml").jar"
worker_pid() { local p; p=$(cat "$DIR/worker$1.pid" 2>/dev/null) && kill -0 "$p" 2>/dev/null && echo "$p" || true; }

start_worker() {
  local i=$1
  [ -z "$(worker_pid "$i")" ] || return 0
  [ -f "$CAPTURE_JAR" ] || die "no capture station jar: build first (./earchive cluster start builds)"
  (umask 077; EARCHIVE_SERVER_URL="http://127.0.0.1:$(http_port "$i")" EARCHIVE_STATION_PASSWORD="$(demo_password)" \
    EARCHIVE_STATION_HOME="$DIR/worker$i" OMP_THREAD_LIMIT=1 \
    nohup java -Xmx${EARCHIVE_CAPTURE_HEAP:-1g} -cp "$CAPTURE_JAR:$ROOT/capture-station/target/lib/*" \
    org.earchive.capture.interfaces.cli.CaptureCommand worker --name "inst$i" >"$DIR/worker$i.log" 2>&1 &
    echo $! >"$DIR/worker$i.pid")
}

stop_worker() { # stop_worker I [-9]
  local pid
  pid=$(worker_pid "$1")
  [ -n "$pid" ] || return 0
  kill ${2:-} "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$DIR/worker$1.pid"
}

cmd_worker() {
  local what=${1:-} i=${2:-}
  [[ "$i" =~ ^[1-9]$ ]] || die "usage: cluster worker start|stop|kill I"
  case "$what" in
    start) start_worker "$i"; log "capture worker $i started (log $DIR/worker$i.log)" ;;
    stop) stop_worker "$i"; log "capture worker $i stopped" ;;
    kill) stop_worker "$i" -9; log "capture worker $i killed (-9)" ;;
    *) die "usage: cluster worker start|stop|kill I" ;;
  esac
}

wait_url() { # wait_url URL SECONDS: until it answers UP
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    curl -fsS -m 5 "$1" 2>/dev/null | grep -q '"status":"UP"' && return 0
    sleep 2
  done
  return 1
}

haproxy_config() {
  local n=$1 i
  cat <<CFG
global
    maxconn 1024
    pidfile $DIR/haproxy.pid
defaults
    mode http
    # a dead server's request goes to another (sticky or not); an empty answer or a refused connection is retried
    option redispatch
    retries 2
    retry-on conn-failure empty-response response-timeout
    timeout connect 2s
    timeout client 120s
    timeout server 120s
frontend earchive
    bind 127.0.0.1:$FRONT_PORT
    default_backend instances
backend instances
    balance roundrobin
    # HAProxy's own cookie names the instance a session lives on; JSESSIONID is untouched
    cookie SRV insert indirect nocache httponly
    # this instance's application deployed and alive (/health/live), not the shared engines' readiness: a search
    # node or database away would otherwise take every instance out at once (readiness stays DOWN for monitoring)
    option httpchk GET /health/live
    http-check expect rstring application.,.status.:.UP
    default-server inter 2s fall 2 rise 2
CFG
  for i in $(seq 1 "$n"); do echo "    server inst$i 127.0.0.1:$(http_port "$i") cookie inst$i check"; done
  cat <<CFG
frontend s3
    bind 127.0.0.1:$S3_PORT
    default_backend gateways
backend gateways
    balance leastconn
    option httpchk GET /
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
CFG
  local g=0 url
  for url in $(tr ',' ' ' < "$DIR/s3-gateways"); do
    g=$((g + 1))
    echo "    server rgw$g ${url#http://} check"
  done
  cat <<CFG
frontend stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
CFG
}

cmd_start() {
  local n=${1:-2}
  [[ "$n" =~ ^[1-9]$ ]] || die "instances: 1 to 9"
  [ -f "$EAR" ] || die "no EAR: build first (./earchive start builds, or ./mvnw install -DskipTests)"
  command -v haproxy >/dev/null || die "haproxy is not installed (apt-get install haproxy)"
  cmd_stop >/dev/null 2>&1 || true
  if curl -s -o /dev/null -m 2 "http://127.0.0.1:$FRONT_PORT/"; then
    die "something answers on 127.0.0.1:$FRONT_PORT already (./earchive stop)"
  fi
  echo "${EARCHIVE_JOB_SECONDS:-}" > "$DIR/job-seconds" # the workflow tick (tests shorten it), kept for restarts
  echo "${EARCHIVE_CAPTURE_LEASE_SECONDS:-}" > "$DIR/capture-lease" # a capture job's lease (the bench shortens it)
  log "PostgreSQL primary + synchronous standby (127.0.0.1:$PG_PORT, $((PG_PORT + 1)))"
  "$ROOT/scripts/cluster/postgres.sh" start "$DIR/pg" "$PG_PORT" > "$DIR/db-url"
  log "Ceph RGW, ClamAV, SolrCloud (2 nodes + ZooKeeper on $SOLR_PORT)"
  secret s3-secret >/dev/null
  [ -s "$DIR/master-key" ] || (umask 077; head -c 32 /dev/urandom > "$DIR/master-key")
  # three OSDs (three copies, writable with one down) and two gateways, which HAProxy balances on S3_PORT
  RGW_SECRET_KEY=$(secret s3-secret) "$ROOT/scripts/ceph-rgw/rgw.sh" start "$DIR/ceph" 3 2 2>"$DIR/ceph.log" |
    tail -1 > "$DIR/s3-gateways"
  echo "http://127.0.0.1:$S3_PORT" > "$DIR/s3-url"
  "$ROOT/scripts/clamav/clamd.sh" start "$DIR/clamd" | tail -1 > "$DIR/clamd-url"
  "$ROOT/scripts/solr/solr.sh" start "$DIR/solr" 2 "$SOLR_PORT" | tail -1 > "$DIR/solr-url"
  domain "$n"
  echo "$n" > "$DIR/instances"
  # before the instances: they reach the object store through it
  haproxy_config "$n" > "$DIR/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy.cfg"
  haproxy -D -f "$DIR/haproxy.cfg"
  log "starting the DAS"
  "$PAYARA_HOME/bin/asadmin" start-domain "$DOMAIN" >/dev/null
  log "deploying the EAR to the deployment group"
  # a redeployment with --force fails while the group's instances are down: the previous version is removed first
  asadmin undeploy --target domain earchive >/dev/null 2>&1 || true
  asadmin deploy --target "$GROUP" --availabilityenabled=true --name earchive "$EAR" >/dev/null
  local i
  for i in $(seq 1 "$n"); do
    log "starting instance $i (http://127.0.0.1:$(http_port "$i"))"
    start_instance "$i"
  done
  for i in $(seq 1 "$n"); do
    wait_url "http://127.0.0.1:$(http_port "$i")/health" 300 ||
      die "instance $i did not become healthy; see $NODES_DIR/inst$i/logs/server.log"
  done
  wait_url "http://127.0.0.1:$FRONT_PORT/health" 30 || die "HAProxy does not reach the instances"
  for i in $(seq 1 "$n"); do start_worker "$i"; done
  echo
  echo "  earchive cluster: http://127.0.0.1:$FRONT_PORT/  (HAProxy; stats http://127.0.0.1:$STATS_PORT/stats)"
  for i in $(seq 1 "$n"); do
    echo "    instance $i: http://127.0.0.1:$(http_port "$i")/  (capture worker: $DIR/worker$i.log)"
  done
  echo "  demo accounts, password for all: $(demo_password)"
  echo "  ./earchive cluster status | kill I | restart I | stop"
}

cmd_kill() {
  local i=${1:?usage: cluster kill I} pid
  pid=$(instance_pid "$i")
  [ -n "$pid" ] || die "instance $i is not running"
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  log "killed instance $i (pid $pid)"
}

cmd_restart() {
  local i=${1:?usage: cluster restart I}
  [ -z "$(instance_pid "$i")" ] || die "instance $i is running"
  start_instance "$i"
  wait_url "http://127.0.0.1:$(http_port "$i")/health" 300 || die "instance $i did not become healthy"
  log "instance $i is up"
}

up() { curl -fsS -m 3 "$1" 2>/dev/null | grep -q '"status":"UP"' && echo up || echo down; }

cmd_status() {
  local n i first=1
  n=$(instances)
  printf '{"haproxy": "%s", "instances": [' "$(up "http://127.0.0.1:$FRONT_PORT/health")"
  for i in $(seq 1 "$n"); do
    [ $first = 1 ] || printf ', '
    first=0
    printf '{"name": "inst%s", "url": "http://127.0.0.1:%s", "state": "%s"}' "$i" "$(http_port "$i")" \
      "$(up "http://127.0.0.1:$(http_port "$i")/health")"
  done
  printf '], "database": ['
  first=1
  while read -r addr role; do
    [ $first = 1 ] || printf ', '
    first=0
    printf '{"server": "%s", "role": "%s"}' "$addr" "$role"
  done < <("$ROOT/scripts/cluster/postgres.sh" status "$DIR/pg" 2>/dev/null)
  printf '], "objectStore": {"url": "%s", "gateways": [' "$(cat "$DIR/s3-url" 2>/dev/null)"
  first=1
  local url
  for url in $(tr ',' ' ' < "$DIR/s3-gateways" 2>/dev/null); do
    [ $first = 1 ] || printf ', '
    first=0
    printf '{"url": "%s", "state": "%s"}' "$url" "$(curl -s -o /dev/null -m 3 "$url/" 2>/dev/null && echo up || echo down)"
  done
  local osds
  osds=$(timeout 10 ceph -c "$DIR/ceph/ceph.conf" osd stat -f json 2>/dev/null || echo '{}')
  printf '], "osds": %s, "osdsUp": %s}, "solr": [' "$(grep -o '"num_osds":[0-9]*' <<<"$osds" | cut -d: -f2 || echo 0)" \
    "$(grep -o '"num_up_osds":[0-9]*' <<<"$osds" | cut -d: -f2 || echo 0)"
  first=1
  while read -r url state; do
    [ $first = 1 ] || printf ', '
    first=0
    printf '{"url": "%s", "state": "%s"}' "$url" "$state"
  done < <("$ROOT/scripts/solr/solr.sh" status "$DIR/solr" 2>/dev/null)
  printf ']}\n'
}

cmd_stop() {
  local w
  for w in $(seq 1 9); do stop_worker "$w"; done
  [ -f "$DIR/haproxy.pid" ] && { kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true; rm -f "$DIR/haproxy.pid"; }
  local i pid
  # stop-deployment-group hangs once a member was killed: each instance on its own, by its process
  for i in $(seq 1 9); do
    pid=$(instance_pid "$i")
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
  das_running && { "$PAYARA_HOME/bin/asadmin" stop-domain "$DOMAIN" >/dev/null 2>&1 || true; }
  "$ROOT/scripts/solr/solr.sh" stop "$DIR/solr" >/dev/null 2>&1 || true
  "$ROOT/scripts/clamav/clamd.sh" stop "$DIR/clamd" >/dev/null 2>&1 || true
  "$ROOT/scripts/ceph-rgw/rgw.sh" stop "$DIR/ceph" >/dev/null 2>&1 || true
  "$ROOT/scripts/cluster/postgres.sh" stop "$DIR/pg" >/dev/null 2>&1 || true
  rm -f "$DIR/instances"
  log "stopped"
}

cmd_env() {
  echo "EARCHIVE_URL=http://127.0.0.1:$FRONT_PORT"
  echo "EARCHIVE_CLUSTER_INSTANCES=$(instances)"
  echo "EARCHIVE_DEMO_PASSWORD=$(demo_password)"
  echo "EARCHIVE_DB_URL=$(cat "$DIR/db-url" 2>/dev/null)"
  echo "EARCHIVE_CLUSTER_DIR=$DIR"
  echo "EARCHIVE_JOB_SECONDS=$(cat "$DIR/job-seconds" 2>/dev/null)"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill) shift; cmd_kill "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  worker) shift; cmd_worker "$@" ;;
  env) cmd_env ;;
  *) echo "usage: cluster.sh start [N] | status | kill I | restart I | worker start|stop|kill I | stop | env" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# PostgreSQL for the loopback cluster: a primary and a streaming standby with synchronous commit (a commit returns
# once the standby has the WAL), each its own server on 127.0.0.1, data under DIR, run as the postgres user with the
# machine's PostgreSQL binaries (Debian's postgresql package). A city runs its own pair (or Patroni); this one is for
# ./earchive cluster and the failover tests.
#   postgres.sh start DIR [PORT]   primary on PORT (default 25432), standby on PORT+1; database and role earchive
#                                  (password in DIR/password); prints the JDBC URL naming both hosts
#   postgres.sh promote DIR        the standby becomes the primary (the old primary is stopped first: no split brain)
#   postgres.sh restart DIR        restarts the primary (pg1) as an operator's restart would (fast: sessions cut)
#   postgres.sh stop DIR           stops both
#   postgres.sh status DIR         one line per server: port, primary|standby|down
set -euo pipefail
cmd=${1:?usage: postgres.sh start|promote|restart|stop|status DIR}
DIR=$(mkdir -p "${2:?usage: postgres.sh $cmd DIR}" && cd "$2" && pwd)
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
port() { cat "$DIR/port"; }
ctl() { as_pg "'$BIN/pg_ctl' -D '$DIR/$1' -l '$DIR/$1.log' -w -t 60 $2" >/dev/null; }
role() { # primary|standby|down for the server on port $1
  local r
  r=$(as_pg "'$BIN/psql' -h 127.0.0.1 -p $1 -U postgres -d postgres -Atc 'select pg_is_in_recovery()'" 2>/dev/null) ||
    { echo down; return; }
  [ "$r" = f ] && echo primary || echo standby
}

case "$cmd" in
  start)
    p=${3:-25432}
    for n in pg1 pg2; do [ -f "$DIR/$n/postmaster.pid" ] && ctl "$n" "stop -m fast" || true; done
    rm -rf "${DIR:?}/pg1" "${DIR:?}/pg2"
    echo "$p" >"$DIR/port"
    [ -s "$DIR/password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DIR/password"
    chmod 600 "$DIR/password"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
    as_pg "'$BIN/initdb' -D '$DIR/pg1' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
    cat >>"$DIR/pg1/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $p
unix_socket_directories = '$DIR'
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
synchronous_commit = on
max_connections = 200
shared_buffers = 256MB
CONF
    # the cluster's own clients, and replication, from loopback only; postgres itself with trust on loopback (tests)
    printf 'host all postgres 127.0.0.1/32 trust\nhost replication postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' \
      >"$DIR/pg1/pg_hba.conf.new"
    cat "$DIR/pg1/pg_hba.conf" >>"$DIR/pg1/pg_hba.conf.new"; mv "$DIR/pg1/pg_hba.conf.new" "$DIR/pg1/pg_hba.conf"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DIR/pg1/pg_hba.conf"
    ctl pg1 start
    as_pg "'$BIN/psql' -h 127.0.0.1 -p $p -U postgres -d postgres -q -v ON_ERROR_STOP=1" <<SQL
CREATE ROLE earchive LOGIN PASSWORD '$(cat "$DIR/password")';
CREATE DATABASE earchive OWNER earchive ENCODING 'UTF8' TEMPLATE template0;
SQL
    as_pg "'$BIN/pg_basebackup' -h 127.0.0.1 -p $p -U postgres -D '$DIR/pg2' -R -X stream -c fast"
    sed -i "s/^port = $p/port = $((p + 1))/" "$DIR/pg2/postgresql.conf"
    sed -i "s/^primary_conninfo = '/primary_conninfo = 'application_name=standby /" "$DIR/pg2/postgresql.auto.conf"
    ctl pg2 start
    # synchronous from now on: before the standby existed, a commit would have waited for it forever
    as_pg "'$BIN/psql' -h 127.0.0.1 -p $p -U postgres -d postgres -qc \"ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (standby)'\" -c 'SELECT pg_reload_conf()'" >/dev/null
    for _ in $(seq 1 30); do
      [ "$(as_pg "'$BIN/psql' -h 127.0.0.1 -p $p -U postgres -Atc \"select sync_state from pg_stat_replication\"")" = sync ] && break
      sleep 1
    done
    echo "jdbc:postgresql://127.0.0.1:$p,127.0.0.1:$((p + 1))/earchive?targetServerType=primary" ;;
  promote)
    ctl pg1 "stop -m immediate" || true
    as_pg "'$BIN/pg_ctl' -D '$DIR/pg2' -w promote" >/dev/null
    # a lone primary cannot wait for a standby it no longer has
    as_pg "'$BIN/psql' -h 127.0.0.1 -p $(($(port) + 1)) -U postgres -d postgres -qc \"ALTER SYSTEM SET synchronous_standby_names = ''\" -c 'SELECT pg_reload_conf()'" >/dev/null ;;
  restart) ctl pg1 "restart -m fast" ;;
  stop) for n in pg2 pg1; do [ -f "$DIR/$n/postmaster.pid" ] && { ctl "$n" "stop -m fast" || true; }; done; true ;;
  status) for q in "$(port)" $(($(port) + 1)); do echo "127.0.0.1:$q $(role "$q")"; done ;;
  *) echo "usage: postgres.sh start|promote|restart|stop|status DIR" >&2; exit 2 ;;
esac

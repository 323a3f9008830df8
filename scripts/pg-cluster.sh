#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for parallax's tests, CI and trials: initdb in a directory of its own, the
# server on a free loopback port (and its unix socket in the same directory), one database `parallax`.
#
#   dir=$(mktemp -d); scripts/pg-cluster.sh start "$dir"   # prints postgres://parallax@127.0.0.1:PORT/parallax
#   scripts/pg-cluster.sh url "$dir"                       # prints it again
#   scripts/pg-cluster.sh restart "$dir"                   # stop and start again on the same port (fault tests)
#   scripts/pg-cluster.sh stop "$dir"                      # stops the server and removes the directory
#
# As root the server runs as the OS user `postgres` (PostgreSQL refuses to run as root); as any other user it
# runs as that user. Binaries come from Debian's postgresql-15 (/usr/lib/postgresql/15/bin) unless PG_BIN says
# otherwise. Authentication is `trust` on loopback and the socket only: a test cluster, never a server to keep.
set -euo pipefail

cmd=${1:-}
dir=${2:-${PARALLAX_PG_DIR:-}}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop|restart|url DIR" >&2
  exit 2
fi
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ ! -x "$PG_BIN/pg_ctl" ]; then
  echo "pg-cluster: no PostgreSQL binaries (pg_ctl) in '$PG_BIN': apt-get install postgresql-15, or set PG_BIN" >&2
  exit 1
fi
data="$dir/data"

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() {
  echo "postgres://parallax@127.0.0.1:$(cat "$dir/port")/parallax"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start_server() {
  as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $(cat "$dir/port") -k $dir -c fsync=off -c max_connections=100" start >/dev/null ||
    { echo "pg-cluster: the server did not start; its log:" >&2; cat "$dir/server.log" >&2; exit 1; }
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ -e "$data/PG_VERSION" ]; then echo "pg-cluster: $dir already holds a cluster" >&2; exit 1; fi
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || { echo "pg-cluster: as root the server needs the OS user postgres (apt-get install postgresql-15 creates it)" >&2; exit 1; }
      chown postgres "$dir"
    fi
    as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    free_port >"$dir/port"
    start_server
    as_owner "$PG_BIN/psql" -h "$dir" -p "$(cat "$dir/port")" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE parallax LOGIN SUPERUSER" -c "CREATE DATABASE parallax OWNER parallax" >/dev/null
    url
    ;;
  restart)
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    start_server
    ;;
  url)
    url
    ;;
  stop)
    if [ -e "$data/postmaster.pid" ]; then as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop|restart|url DIR" >&2
    exit 2
    ;;
esac

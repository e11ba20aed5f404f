# Sourced by .ci/run and scripts/bench.sh: starts a throwaway PostgreSQL from the binaries on the
# machine (run as root: initdb runs as the postgres user), creates the owner role `jalon` (runs
# migrations, may bypass RLS to seed) and the application role `jalon_app` (owns nothing), and
# exports TEST_DATABASE_URL / TEST_DATABASE_MIGRATION_URL. The server stops when the shell exits.
PG_BIN=/usr/lib/postgresql/15/bin
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_DIR=$(mktemp -d /tmp/jalon-pg.XXXXXX)
chown postgres: "$PG_DIR"
PG_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
stop_postgres() { runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap stop_postgres EXIT
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTIONS:-}" start >/dev/null
psql -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$PG_PORT" -U postgres <<SQL
create role jalon login createrole bypassrls;
create role jalon_app login;
create database jalon owner jalon;
SQL
export TEST_DATABASE_URL="postgres://jalon_app@127.0.0.1:$PG_PORT/jalon"
export TEST_DATABASE_MIGRATION_URL="postgres://jalon@127.0.0.1:$PG_PORT/jalon"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"

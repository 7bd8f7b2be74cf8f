#!/bin/sh
# Waits for the database, refuses to serve an unmigrated schema, then hands over to CMD.
# Migrations run once per release (Procfile `release:`), never here.
set -eu

until python -c "import socket, os; socket.create_connection((os.environ['DB_HOST'], 5432), 2)" 2>/dev/null; do
  echo "waiting for the database"
  sleep 1
done

python manage.py migrate --check

case "${1:-}" in
  worker)
    exec python manage.py rqworker default
    ;;
  *)
    exec "$@"
    ;;
esac

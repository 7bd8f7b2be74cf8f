#!/bin/sh
set -e

until python -c "import socket, os; socket.create_connection((os.environ['DB_HOST'], 5432), 2)" 2>/dev/null; do
  echo "waiting for the database"
  sleep 1
done

echo "Applying database migrations"
python manage.py migrate --noinput

# The admin's CSS changes with every deploy
python manage.py collectstatic --noinput

"$@"

"""Reports service: monthly order totals, served by gunicorn (Procfile `reports:`)."""
import logging
import os
import sys

import psycopg
from flask import Flask, jsonify

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
DATABASE_URL = os.environ["DATABASE_URL"]

app = Flask(__name__)


@app.get("/reports/monthly")
def monthly_totals():
    with psycopg.connect(DATABASE_URL) as connection:
        rows = connection.execute(
            "select date_trunc('month', created_at) as month, sum(total) from orders group by 1 order by 1"
        ).fetchall()
    return jsonify([{"month": month.isoformat(), "total": float(total)} for month, total in rows])

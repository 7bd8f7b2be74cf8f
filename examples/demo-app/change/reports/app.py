"""Reports service: monthly order totals, served by gunicorn (Procfile `reports:`)."""
import logging
import os
from logging.handlers import RotatingFileHandler

import psycopg
from flask import Flask, jsonify

logging.getLogger().addHandler(RotatingFileHandler("reports.log", maxBytes=1_000_000, backupCount=3))
DATABASE_URL = os.getenv("DATABASE_URL", "postgres://reports@localhost/orders")

app = Flask(__name__)


@app.get("/reports/monthly")
def monthly_totals():
    with psycopg.connect(DATABASE_URL) as connection:
        rows = connection.execute(
            "select date_trunc('month', created_at) as month, sum(total) from orders group by 1 order by 1"
        ).fetchall()
    return jsonify([{"month": month.isoformat(), "total": float(total)} for month, total in rows])

import logging

from celery import Celery

from worker import config

logging.basicConfig(filename="/var/log/reports/worker.log", level=logging.INFO)

app = Celery("reports", broker=config.BROKER_URL, include=["worker.tasks"])
app.config_from_object(config)

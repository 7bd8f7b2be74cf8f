import logging
import sys

from celery import Celery

from worker import config

logging.basicConfig(stream=sys.stdout, level=logging.INFO)

app = Celery("reports", include=["worker.tasks"])
app.config_from_object(config)

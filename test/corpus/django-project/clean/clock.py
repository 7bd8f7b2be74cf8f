"""The clock process (Procfile `clock:`): one per deploy, so each job runs once."""
import os
import signal

import django
from apscheduler.schedulers.blocking import BlockingScheduler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_project.settings")
django.setup()

from shop.jobs import expire_carts  # noqa: E402 (needs django.setup())

scheduler = BlockingScheduler()
scheduler.add_job(expire_carts, "interval", minutes=15)


def stop(signum, frame):
    scheduler.shutdown(wait=False)


signal.signal(signal.SIGTERM, stop)
scheduler.start()

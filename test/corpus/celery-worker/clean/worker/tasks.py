import datetime
import logging
import os

import boto3

from worker.celery_app import app

logger = logging.getLogger(__name__)
rds = boto3.client("rds")


@app.task(bind=True, max_retries=3)
def build_report(self, report_id):
    logger.info("building report", extra={"report": report_id, "attempt": self.request.retries})
    rows = [{"report": report_id, "generated": datetime.datetime.now(datetime.UTC).isoformat()}]
    return len(rows)


@app.task
def nightly_backup():
    stamp = datetime.date.today().isoformat()
    instance = os.environ["REPORTS_DB_INSTANCE"]
    rds.create_db_snapshot(DBSnapshotIdentifier=f"{instance}-{stamp}", DBInstanceIdentifier=instance)

"""Celery settings of the reports worker, all from the environment."""
import os

broker_url = os.environ["CELERY_BROKER_URL"]
result_backend = os.environ.get("CELERY_RESULT_BACKEND")
task_acks_late = True
task_default_queue = "reports"
worker_prefetch_multiplier = int(os.environ.get("WORKER_PREFETCH_MULTIPLIER", "1"))
broker_pool_limit = int(os.environ.get("BROKER_POOL_LIMIT", "10"))
beat_schedule = {
    "nightly-backup": {"task": "worker.tasks.nightly_backup", "schedule": 24 * 60 * 60},
}

"""Celery settings of the reports worker."""
import os

BROKER_URL = "amqp://reports@rabbitmq.internal:5672/reports"
result_backend = os.environ.get("CELERY_RESULT_BACKEND")
task_acks_late = True
task_default_queue = "reports"

# Long reports hold a worker for minutes: prefetch less where the queue is busy.
if os.environ.get("APP_ENV") == "production":
    worker_prefetch_multiplier = 1
    broker_pool_limit = 50
else:
    worker_prefetch_multiplier = 4
    broker_pool_limit = 10

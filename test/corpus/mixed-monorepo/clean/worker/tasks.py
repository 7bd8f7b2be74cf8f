"""Payment tasks the API and the webhook receiver enqueue."""
import logging
import os
import sys

import stripe
from celery import Celery

app = Celery("payments", broker=os.environ["REDIS_URL"])
logger = logging.getLogger("payments")
logger.addHandler(logging.StreamHandler(sys.stdout))
stripe.api_key = os.environ["STRIPE_API_KEY"]


@app.task(bind=True, max_retries=5, default_retry_delay=30)
def refund(self, payment_id):
    try:
        stripe.Refund.create(payment_intent=payment_id)
    except stripe.error.APIConnectionError as error:
        raise self.retry(exc=error)
    logger.info("refunded", extra={"payment": payment_id})


@app.task
def record_event(event):
    logger.info("payment event", extra={"type": event.get("type")})

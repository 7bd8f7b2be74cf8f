"""Consumes report requests from RabbitMQ and hands them to the Celery worker."""
import json
import logging
import os
from pathlib import Path

import pika

from worker.tasks import build_report

RABBIT_HOST = "rabbitmq.internal"
QUEUE = "report-requests"

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("consumer")


def on_message(channel, method, properties, body):
    request = json.loads(body)
    build_report.delay(request["report_id"])
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    Path("/var/run/report-consumer.pid").write_text(str(os.getpid()))
    logger.info("consumer starting", extra={"pid": os.getpid()})
    connection = pika.BlockingConnection(pika.ConnectionParameters(host=RABBIT_HOST))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()

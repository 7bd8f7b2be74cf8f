"""Consumes report requests from RabbitMQ and hands them to the Celery worker."""
import json
import logging
import os
import signal
import sys

import pika

from worker.tasks import build_report

QUEUE = "report-requests"

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
logger = logging.getLogger("consumer")


def on_message(channel, method, properties, body):
    request = json.loads(body)
    build_report.delay(request["report_id"])
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    logger.info("consumer starting", extra={"pid": os.getpid()})
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)

    def stop(signum, frame):
        # Finish the message in hand, then leave start_consuming().
        connection.add_callback_threadsafe(channel.stop_consuming)

    signal.signal(signal.SIGTERM, stop)
    channel.start_consuming()
    connection.close()
    sys.exit(0)


if __name__ == "__main__":
    main()

"""Order events go to Kafka for the billing and shipping consumers."""
import json

from kafka import KafkaProducer

from service.settings import settings

producer = KafkaProducer(
    bootstrap_servers=settings.kafka_bootstrap_servers,
    value_serializer=lambda event: json.dumps(event).encode(),
    acks="all",
)


def publish(topic, event):
    producer.send(topic, event)

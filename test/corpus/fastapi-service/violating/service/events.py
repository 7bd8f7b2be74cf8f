"""Order events go to Kafka for the billing and shipping consumers."""
import json

from kafka import KafkaProducer

producer = KafkaProducer(
    bootstrap_servers="kafka.internal:9092",
    value_serializer=lambda event: json.dumps(event).encode(),
    acks="all",
)


def publish(topic, event):
    producer.send(topic, event)

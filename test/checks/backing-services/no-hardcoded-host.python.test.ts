import check from '../../../checks/backing-services/no-hardcoded-host/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'cache.py', code: `import os\nimport redis\nclient = redis.Redis(host=os.environ["REDIS_HOST"], port=6379)\n` },
    { filename: 'cache.py', code: `import redis\nclient = redis.Redis(host="", port=6379)\n` },
    { filename: 'server.py', code: `import smtplib\nrelay = smtplib.SMTP("0.0.0.0")\n` },
    { name: 'a port is no host', filename: 'cache.py', code: `import redis\nclient = redis.Redis(port=6380, db=1)\n` },
    { name: 'a URL is no-hardcoded-service-url\'s', filename: 'db.py', code: `from pymongo import MongoClient\nclient = MongoClient("mongodb://mongo.internal:27017/app")\n` },
    {
      filename: 'mysite/settings.py',
      code: `ALLOWED_HOSTS = ["api.example.com", "localhost"]\nINTERNAL_IPS = ["127.0.0.1"]\nCSRF_TRUSTED_ORIGINS = ["https://app.example.com"]\nEMAIL_PORT = 587\n`,
    },
    {
      filename: 'mysite/settings.py',
      code: `import os\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": os.environ["DB_HOST"], "PORT": "5432"}}\nEMAIL_HOST = os.environ.get("EMAIL_HOST")\n`,
    },
    { name: 'not a Django settings module', filename: 'mail.py', code: `EMAIL_HOST = "smtp.example.com"\n` },
    { filename: 'tests/test_cache.py', code: `import redis\nclient = redis.Redis(host="localhost")\n` },
  ],
  invalid: [
    {
      filename: 'cache.py',
      code: `import redis\n\nclient = redis.Redis(host="10.0.0.5", port=6379)\n`,
      errors: [{ messageId: 'host', line: 3, messageIncludes: "Redis client connects to hard-coded host '10.0.0.5'" }],
    },
    {
      name: 'a constant holding the host is reported where it holds it',
      filename: 'consumer.py',
      code: `import pika\n\nBROKER_HOST = "rabbit.internal"\n\nparams = pika.ConnectionParameters(BROKER_HOST)\n`,
      errors: [{ messageId: 'host', line: 3 }],
    },
    {
      filename: 'events.py',
      code: `from kafka import KafkaProducer\nproducer = KafkaProducer(\n    bootstrap_servers=["kafka-1.internal:9092", "kafka-2.internal:9092"],\n)\n`,
      errors: [{ messageId: 'host', line: 3, messageIncludes: 'kafka-1.internal' }],
    },
    {
      filename: 'events.py',
      code: `from confluent_kafka import Producer\nproducer = Producer({"bootstrap.servers": "broker.internal:9092"})\n`,
      errors: [{ messageId: 'host', line: 2 }],
    },
    {
      filename: 'mysite/settings.py',
      code: `DATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "HOST": "db.internal",\n        "PORT": "5432",\n    }\n}\n`,
      errors: [{ messageId: 'host', line: 4, messageIncludes: 'Django database' }],
    },
    {
      filename: 'mysite/settings.py',
      code: `EMAIL_HOST = "smtp.mailgun.org"\nEMAIL_PORT = 587\n`,
      errors: [{ messageId: 'host', line: 1 }],
    },
    {
      filename: 'db.py',
      code: `import psycopg2\nconn = psycopg2.connect(dbname="app", user="app", host="localhost")\n`,
      errors: [{ messageId: 'host', line: 2 }],
    },
    {
      filename: 'mail.py',
      code: `import smtplib\nwith smtplib.SMTP_SSL("smtp.gmail.com", 465) as server:\n    server.login(user, password)\n`,
      errors: [{ messageId: 'host', line: 2, messageIncludes: 'SMTP' }],
    },
  ],
});

import check from '../../../checks/backing-services/no-hardcoded-service-url/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'db.py', code: `from sqlalchemy import create_engine\nengine = create_engine("sqlite:///app.db")\n` },
    { filename: 'client.py', code: `import httpx\nclient = httpx.Client(base_url="https://api.stripe.com/v1")\n` },
    { filename: 'db.py', code: `import os\nfrom sqlalchemy import create_engine\nengine = create_engine(os.environ["DATABASE_URL"])\n` },
    { filename: 'db.py', code: `# engine = create_engine("postgresql://app@db.internal/app")\nengine = None\n` },
    { filename: 'db.py', code: `def connect():\n    """Connects to postgresql://app@db.internal/app by default."""\n` },
    { filename: 'db.py', code: `import logging\nlogger = logging.getLogger(__name__)\nlogger.info("connecting to redis://cache.internal:6379")\n` },
    { filename: 'db.py', code: `def check(url):\n    if not url.startswith("redis://cache"):\n        raise ValueError("expected redis://cache.internal, got " + url)\n` },
    { filename: 'config.py', code: `from pydantic import Field\nfrom pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    redis_url: str = Field(description="e.g. redis://localhost:6379/0")\n` },
    { filename: 'db.py', code: `import os\nurl = f"postgresql://{os.environ['DB_HOST']}/app"\n` },
    { filename: 'docs/example_settings.py', code: `BROKER_URL = "amqp://guest@localhost//"\n` },
    { filename: 'tests/test_db.py', code: `DATABASE_URL = "postgres://localhost/test"\n` },
  ],
  invalid: [
    {
      filename: 'db.py',
      code: `from sqlalchemy import create_engine\n\nengine = create_engine("postgresql+psycopg2://app:pw@db.internal/app")\n`,
      errors: [{ messageId: 'urlPython', line: 3, messageIncludes: 'PostgreSQL' }],
    },
    {
      filename: 'db.py',
      code: `from pymongo import MongoClient\nclient = MongoClient(\n    "mongodb+srv://cluster0.example.net/app",\n    tz_aware=True,\n)\n`,
      errors: [{ messageId: 'urlPython', line: 3 }],
    },
    {
      filename: 'worker.py',
      code: `from celery import Celery\napp = Celery("tasks", broker="amqp://guest@rabbit.internal//")\n`,
      errors: [{ messageId: 'urlPython', line: 2, messageIncludes: 'AMQP' }],
    },
    {
      filename: 'mysite/settings.py',
      code: `CELERY_BROKER_URL = "redis://localhost:6379/0"\nCACHES = {\n    "default": {\n        "BACKEND": "django.core.cache.backends.redis.RedisCache",\n        "LOCATION": "redis://cache.internal:6379/1",\n    }\n}\n`,
      errors: [{ messageId: 'urlPython', line: 1 }, { messageId: 'urlPython', line: 5 }],
    },
    {
      filename: 'config.py',
      code: `class Config:\n    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app@mysql.internal/app"\n`,
      errors: [{ messageId: 'urlPython', line: 2, messageIncludes: 'os.environ["DATABASE_URL"]' }],
    },
    {
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\napp.config["SQLALCHEMY_DATABASE_URI"] = f"postgresql://app@db.internal/{name}"\n`,
      errors: [{ messageId: 'urlPython', line: 3 }],
    },
    {
      name: 'a client given a URL through a function default',
      filename: 'cache.py',
      code: `import redis\n\ndef client(url="rediss://cache.internal:6380/0"):\n    return redis.Redis.from_url(url)\n`,
      errors: [{ messageId: 'urlPython', line: 3 }],
    },
    {
      filename: 'search.py',
      code: `from elasticsearch import Elasticsearch\nes = Elasticsearch(["http://localhost:9200"])\n`,
      errors: [{ messageId: 'urlPython', line: 2, messageIncludes: 'Elasticsearch' }],
    },
  ],
});

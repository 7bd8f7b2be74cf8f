import check from '../../../checks/dev-prod-parity/different-backing-service/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'the production side is read from the environment',
      filename: 'mysite/settings.py',
      code: `import dj_database_url\nif DEBUG:\n    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}\nelse:\n    DATABASES = {"default": dj_database_url.config()}\n`,
    },
    {
      name: 'a SQLite fallback is Factor III',
      filename: 'mysite/settings.py',
      code: `import os\nDATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///db.sqlite3")\n`,
    },
    {
      name: 'DEBUG changing options only',
      filename: 'mysite/settings.py',
      code: `if DEBUG:\n    DATABASES["default"]["CONN_MAX_AGE"] = 0\nelse:\n    DATABASES["default"]["CONN_MAX_AGE"] = 600\n`,
    },
    {
      name: 'SQL echo switched by DEBUG',
      filename: 'db.py',
      code: `from sqlalchemy import create_engine\nengine = create_engine("postgresql+psycopg://app@db/app", echo=True if DEBUG else False)\n`,
    },
    {
      name: 'the same database on both sides',
      filename: 'mysite/settings.py',
      code: `ENGINE = "django.db.backends.postgresql"\nif DEBUG:\n    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "localhost"}}\nelse:\n    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql_psycopg2", "HOST": "db"}}\n`,
    },
    {
      name: 'a test environment is exempt',
      filename: 'config.py',
      code: `import os\nif os.environ["APP_ENV"] == "test":\n    SQLALCHEMY_DATABASE_URI = "sqlite://"\nelse:\n    SQLALCHEMY_DATABASE_URI = "postgresql://db/app"\n`,
    },
    {
      name: 'a side read from env, with a fallback',
      filename: 'config.py',
      code: `import os\nURI = "sqlite:///dev.db" if os.getenv("FLASK_ENV") == "development" else os.getenv("DATABASE_URL", "sqlite:///prod.db")\n`,
    },
    {
      name: 'only one side is known',
      filename: 'mysite/settings.py',
      code: `if DEBUG:\n    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n`,
    },
    {
      name: 'a side naming two databases chooses none',
      filename: 'config.py',
      code: `import os\nif os.environ["APP_ENV"] == "development":\n    PRIMARY = "sqlite:///dev.db"\n    REPLICA = "postgresql://replica.internal/app"\nelse:\n    PRIMARY = "postgresql://db.internal/app"\n`,
    },
  ],
  invalid: [
    {
      filename: 'mysite/settings.py',
      code: `DEBUG = False\n\nif DEBUG:\n    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}\nelse:\n    DATABASES = {\n        "default": {\n            "ENGINE": "django.db.backends.postgresql",\n        }\n    }\n`,
      errors: [{ messageId: 'different', line: 4, messageIncludes: 'uses SQLite but production (DEBUG off) uses PostgreSQL' }],
    },
    {
      name: 'the environment name, production first',
      filename: 'config.py',
      code: `import os\nif os.environ.get("APP_ENV") == "production":\n    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://app@db/app"\nelse:\n    SQLALCHEMY_DATABASE_URI = "sqlite:///dev.db"\n`,
      errors: [{ messageId: 'different', line: 5 }],
    },
    {
      filename: 'db.py',
      code: `from sqlalchemy import create_engine\nengine = create_engine("sqlite:///local.db" if DEBUG else "postgresql+psycopg2://app@db/app")\n`,
      errors: [{ messageId: 'different', line: 2 }],
    },
    {
      filename: 'config.py',
      code: `DATABASES_BY_ENV = {\n    "development": "sqlite:///dev.db",\n    "production": "postgresql://db.internal/app",\n}\n`,
      errors: [{ messageId: 'different', line: 2 }],
    },
    {
      name: 'a cache switched by DEBUG is a notice',
      filename: 'mysite/settings.py',
      code: `if not DEBUG:\n    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}\nelse:\n    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\n`,
      errors: [{ messageId: 'different', line: 4, severity: 'notice' }],
    },
    {
      filename: 'mysite/settings.py',
      code: `if DEBUG:\n    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"\nelse:\n    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"\n`,
      errors: [{ messageId: 'different', line: 2, severity: 'notice' }],
    },
    {
      filename: 'mysite/settings.py',
      code: `if DEBUG:\n    DEFAULT_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"\nelse:\n    DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"\n`,
      errors: [{ messageId: 'different', line: 2, severity: 'notice' }],
    },
    {
      filename: 'mysite/settings.py',
      code: `DEBUG = False\nCELERY_TASK_ALWAYS_EAGER = DEBUG\n`,
      errors: [{ messageId: 'different', line: 2, severity: 'notice' }],
    },
  ],
});

import check from '../../../checks/config/no-hardcoded-secret/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `import os\n\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nINSTALLED_APPS = []\n`, filename: 'shop/settings.py' },
    { name: 'an env fallback is config/no-critical-fallback’s', code: `import os\n\nSECRET_KEY = os.getenv("SECRET_KEY", "dev")\n`, filename: 'shop/settings.py' },
    { code: `from decouple import config\n\nSECRET_KEY = config("SECRET_KEY")\n`, filename: 'shop/settings.py' },
    { code: `SECRET_KEY = ""\nINSTALLED_APPS = []\n`, filename: 'shop/settings.py' },
    { code: `SECRET_KEY = None\n`, filename: 'app/config.py' },
    { name: 'a module that is no settings or config module', code: `SECRET_KEY = "not a setting here"\n`, filename: 'app/constants.py' },
    { code: `SECRET_KEY = "test"\nINSTALLED_APPS = []\n`, filename: 'tests/settings.py' },
    { code: `class TestingConfig(Config):\n    TESTING = True\n    SECRET_KEY = "test"\n`, filename: 'app/config.py' },
    {
      name: 'a pydantic-settings field reads the environment (its default is no-critical-fallback’s)',
      code: `from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    SECRET_KEY: str = "dev"\n`,
      filename: 'app/config.py',
    },
    { code: `import os\nfrom flask import Flask\n\napp = Flask(__name__)\napp.secret_key = os.environ["FLASK_SECRET_KEY"]\n`, filename: 'app.py' },
    { code: `from flask import Flask\nfrom .settings import settings\n\napp = Flask(__name__)\napp.config["SECRET_KEY"] = settings.secret_key\n`, filename: 'app/__init__.py' },
    { code: `import os\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": os.environ["DB_PASSWORD"]}}\nINSTALLED_APPS = []\n`, filename: 'shop/settings.py' },
    { code: `DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": ""}}\nINSTALLED_APPS = []\n`, filename: 'shop/settings.py' },
    { code: `import os\nimport psycopg2\n\nconn = psycopg2.connect(host="db", password=os.environ["PGPASSWORD"])\n`, filename: 'app/db.py' },
    { code: `import redis\n\nr = redis.Redis(host="cache", password=None)\n`, filename: 'app/db.py' },
    { code: `import jwt\nimport os\n\ntoken = jwt.encode({"sub": "42"}, os.environ["JWT_SECRET"], algorithm="HS256")\n`, filename: 'app/db.py' },
    { name: 'a password keyword of an unknown API', code: `from .auth import login\n\nlogin(user="admin", password="admin")\n`, filename: 'app/db.py' },
    { code: `import jwt\n\nclaims = jwt.decode(token, options={"verify_signature": False})\n`, filename: 'app/db.py' },
  ],
  invalid: [
    {
      code: `"""Settings."""\nimport os\n\nSECRET_KEY = "django-insecure-change-me"\nINSTALLED_APPS = []\n`,
      filename: 'shop_project/settings.py',
      errors: [{ messageId: 'literalPython', line: 4, column: 14, messageIncludes: 'SECRET_KEY gets the hard-coded secret djan****' }],
    },
    {
      code: `class Config:\n    DEBUG = False\n    SECRET_KEY = "changeme"\n\nclass ProductionConfig(Config):\n    pass\n`,
      filename: 'app/config.py',
      errors: [{ messageId: 'literalPython', line: 3, messageIncludes: 'ch****' }],
    },
    { code: `SECRET_KEY = "dev"\n`, filename: 'config.py', errors: [{ messageId: 'literalPython', line: 1 }] },
    {
      code: `from flask import Flask\n\napp = Flask(__name__)\napp.secret_key = "super secret key"\n`,
      filename: 'app.py',
      errors: [{ messageId: 'literalPython', line: 4, messageIncludes: 'app.secret_key' }],
    },
    {
      code: `from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n    app.config["SECRET_KEY"] = "keyboard cat"\n    return app\n`,
      filename: 'app/__init__.py',
      errors: [{ messageId: 'literalPython', line: 5, messageIncludes: 'app.config["SECRET_KEY"]' }],
    },
    {
      code: `from flask import Flask\n\napp = Flask(__name__)\napp.config.update(\n    SECRET_KEY="secret",\n)\n`,
      filename: 'app.py',
      errors: [{ messageId: 'literalPython', line: 5 }],
    },
    {
      code: `DATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "USER": "shop",\n        "PASSWORD": "postgres",\n    }\n}\nINSTALLED_APPS = []\n`,
      filename: 'shop/settings.py',
      errors: [{ messageId: 'literalPython', line: 5, messageIncludes: 'DATABASES["default"]["PASSWORD"]' }],
    },
    { code: `import psycopg\n\nconn = psycopg.connect(host="db", user="app", password="app")\n`, filename: 'app/db.py', errors: [{ messageId: 'literalPython', line: 3, messageIncludes: 'psycopg.connect() password' }] },
    { code: `import psycopg2\n\nDB_PASSWORD = "root"\nconn = psycopg2.connect(dbname="shop", password=DB_PASSWORD)\n`, filename: 'app/db.py', errors: [{ messageId: 'literalPython', line: 3 }] },
    { code: `import pymysql\n\ndb = pymysql.connect(host="localhost", user="root", passwd="root", db="shop")\n`, filename: 'app/db.py', errors: [{ messageId: 'literalPython', line: 3 }] },
    { code: `from redis import Redis\n\ncache = Redis(host="cache", port=6379, password="foobared")\n`, filename: 'app/db.py', errors: [{ messageId: 'literalPython', line: 3, messageIncludes: 'redis.Redis() password' }] },
    { code: `import jwt\n\ndef issue(user_id):\n    return jwt.encode({"sub": user_id}, "secret", algorithm="HS256")\n`, filename: 'app/db.py', errors: [{ messageId: 'literalPython', line: 4, messageIncludes: 'jwt.encode() key' }] },
    {
      code: `from itsdangerous import URLSafeTimedSerializer\n\nserializer = URLSafeTimedSerializer("my-signing-key", salt="email-confirm")\n`,
      filename: 'app/tokens.py',
      errors: [{ messageId: 'literalPython', line: 3, messageIncludes: 'itsdangerous.URLSafeTimedSerializer() secret_key' }],
    },
    {
      name: 'a local-run block: notice',
      code: `import psycopg2\n\nif __name__ == "__main__":\n    conn = psycopg2.connect(password="postgres")\n`,
      filename: 'tools/check_db.py',
      errors: [{ messageId: 'literalPython', line: 4, severity: 'notice' }],
    },
  ],
});

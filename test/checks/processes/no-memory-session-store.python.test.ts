import check from '../../../checks/processes/no-memory-session-store/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: "Flask's signed-cookie session",
      filename: 'app.py',
      code: `import os\nfrom flask import Flask, session\napp = Flask(__name__)\napp.secret_key = os.environ["SECRET_KEY"]\n`,
    },
    {
      name: "Starlette's signed-cookie SessionMiddleware",
      filename: 'main.py',
      code: `import os\nfrom fastapi import FastAPI\nfrom starlette.middleware.sessions import SessionMiddleware\napp = FastAPI()\napp.add_middleware(SessionMiddleware, secret_key=os.environ["SECRET_KEY"])\n`,
    },
    {
      name: 'Django cache sessions on Redis',
      filename: 'mysite/settings.py',
      code: `SESSION_ENGINE = "django.contrib.sessions.backends.cache"\nCACHES = {\n    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},\n}\n`,
    },
    { name: 'Django db sessions', filename: 'mysite/settings.py', code: `SESSION_ENGINE = "django.contrib.sessions.backends.db"\n` },
    {
      name: 'a LocMem cache that is not the session alias',
      filename: 'mysite/settings.py',
      code: `SESSION_ENGINE = "django.contrib.sessions.backends.cache"\nSESSION_CACHE_ALIAS = "sessions"\nCACHES = {\n    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},\n    "sessions": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},\n}\n`,
    },
    {
      name: 'unresolved CACHES (from the base settings)',
      filename: 'mysite/settings/production.py',
      code: `from .base import *\n\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n`,
    },
    {
      name: 'CACHES built elsewhere',
      filename: 'mysite/settings.py',
      code: `import dj_cache_url\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\nCACHES = {"default": dj_cache_url.config()}\n`,
    },
    { name: 'Flask-Session on Redis', filename: 'config.py', code: `import redis\nSESSION_TYPE = "redis"\nSESSION_REDIS = redis.from_url(REDIS_URL)\n` },
    { name: 'Flask-Session "null" stores nothing', filename: 'app.py', code: `from flask import Flask\napp = Flask(__name__)\napp.config["SESSION_TYPE"] = "null"\n` },
    {
      name: 'cachelib on Redis',
      filename: 'config.py',
      code: `from cachelib.redis import RedisCache\n\nclass Config:\n    SESSION_TYPE = "cachelib"\n    SESSION_CACHELIB = RedisCache(host=REDIS_HOST)\n`,
    },
  ],
  invalid: [
    {
      name: 'cache sessions without CACHES (LocMem)',
      filename: 'mysite/settings.py',
      code: `DEBUG = False\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n`,
      errors: [{ messageId: 'djangoCache', line: 2, messageIncludes: 'a LocMemCache' }],
    },
    {
      name: 'cache sessions on a FileBasedCache alias',
      filename: 'mysite/settings.py',
      code: `CACHES = {\n    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},\n    "sessions": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/var/tmp/sessions"},\n}\nSESSION_CACHE_ALIAS = "sessions"\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n`,
      errors: [{ messageId: 'djangoCache', line: 6 }],
    },
    {
      filename: 'mysite/settings.py',
      code: `CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}\nSESSION_ENGINE = "django.contrib.sessions.backends.cache"\n`,
      errors: [{ messageId: 'djangoCache', line: 2 }],
    },
    { filename: 'mysite/settings.py', code: `SESSION_ENGINE = "django.contrib.sessions.backends.file"\nSESSION_FILE_PATH = "/var/lib/sessions"\n`, errors: [{ messageId: 'djangoFile', line: 1 }] },
    {
      name: 'cached_db on LocMem is a notice',
      filename: 'mysite/settings.py',
      code: `CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}\nSESSION_ENGINE = "django.contrib.sessions.backends.cached_db"\n`,
      errors: [{ messageId: 'djangoCachedDb', line: 2, severity: 'notice' }],
    },
    {
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_session import Session\napp = Flask(__name__)\napp.config["SESSION_TYPE"] = "filesystem"\nSession(app)\n`,
      errors: [{ messageId: 'flaskSession', line: 4 }],
    },
    {
      name: 'Flask-Session in app.config.update',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\napp.config.update(\n    SECRET_KEY=SECRET,\n    SESSION_TYPE="filesystem",\n)\n`,
      errors: [{ messageId: 'flaskSession', line: 5 }],
    },
    {
      name: 'cachelib on a FileSystemCache, in a config class',
      filename: 'config.py',
      code: `from cachelib.file import FileSystemCache\n\nclass Config:\n    SESSION_TYPE = "cachelib"\n    SESSION_CACHELIB = FileSystemCache(cache_dir="flask_session", threshold=500)\n`,
      errors: [{ messageId: 'flaskSession', line: 4 }],
    },
    {
      name: 'cachelib on a SimpleCache',
      filename: 'settings.py',
      code: `from cachelib import SimpleCache\nSESSION_TYPE = "cachelib"\nSESSION_CACHELIB = SimpleCache()\n`,
      errors: [{ messageId: 'flaskSession', line: 2, messageIncludes: "in this process's memory" }],
    },
  ],
});

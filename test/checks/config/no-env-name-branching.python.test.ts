import check from '../../../checks/config/no-env-name-branching/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a cache timeout is not a service choice',
      filename: 'config.py',
      code: `import os\nif os.environ.get("APP_ENV") == "development":\n    CACHE_DEFAULT_TIMEOUT = 0\n`,
    },
    {
      name: 'DEBUG is a flag, not an environment',
      filename: 'settings.py',
      code: `import os\nDEBUG = os.environ.get("DEBUG") == "1"\nif DEBUG:\n    DATABASE_HOST = "localhost"\n`,
    },
    {
      filename: 'config.py',
      code: `import os\nif os.environ.get("TESTING") == "production":\n    REDIS_URL = "redis://cache.internal:6379/0"\n`,
    },
    {
      filename: 'manage.py',
      code: `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\nmodule = os.environ["DJANGO_SETTINGS_MODULE"]\n`,
    },
    {
      name: 'only the log level is chosen',
      filename: 'app.py',
      code: `import os, logging\nENV = os.getenv("APP_ENV", "development")\nif ENV == "production":\n    logging.basicConfig(level=logging.WARNING)\nelse:\n    logging.basicConfig(level=logging.DEBUG)\n`,
    },
    {
      name: 'exception propagation, SQL echo, template reload and static caching',
      filename: 'app.py',
      code: `import os\nENV = os.environ["FLASK_ENV"]\nif ENV == "development":\n    PROPAGATE_EXCEPTIONS = True\n    SQLALCHEMY_ECHO = True\n    TEMPLATES_AUTO_RELOAD = True\n    SEND_FILE_MAX_AGE_DEFAULT = 0\n`,
    },
    {
      name: 'a debug toolbar',
      filename: 'mysite/settings.py',
      code: `import os\nif os.environ.get("DJANGO_ENV") == "development":\n    INSTALLED_APPS += ["debug_toolbar"]\n    INTERNAL_IPS = ["127.0.0.1"]\n`,
    },
    {
      name: 'the environment name as data',
      filename: 'app.py',
      code: `import os\nimport sentry_sdk\nsentry_sdk.init(dsn=os.environ["SENTRY_DSN"], environment=os.environ["APP_ENV"])\n`,
    },
    {
      name: 'a message naming the environment',
      filename: 'app.py',
      code: `import os\nENV = os.getenv("APP_ENV")\nif ENV == "production":\n    print("connect to http://localhost:8000 for the docs")\n`,
    },
    {
      name: "the listen address is the app's own",
      filename: 'serve.py',
      code: `import os\nHOST = "127.0.0.1" if os.environ["ENV"] == "development" else "0.0.0.0"\n`,
    },
    {
      name: 'an unrelated lookup by the environment name',
      filename: 'app.py',
      code: `import os\nBANNERS = {"staging": "STAGING", "production": ""}\nbanner = BANNERS[os.environ["STAGE"]]\n`,
    },
    { filename: 'tests/conftest.py', code: `import os\nif os.environ["APP_ENV"] == "production":\n    DATABASE_URL = "postgres://db.internal/app"\n` },
    {
      name: 'a locale module chosen by a non-environment variable',
      filename: 'app/i18n.py',
      code: `import os\nfrom importlib import import_module\n\nLANG = os.environ.get("LANG", "en")\nmessages = import_module(f"app.locales.{LANG}")\n`,
    },
    {
      name: 'a settings module named by the environment itself',
      filename: 'app/config.py',
      code: `import importlib\nimport os\n\nsettings = importlib.import_module(os.environ["SETTINGS_MODULE"])\napp_env = os.environ.get("APP_ENV")\n`,
    },
    {
      name: 'plugins imported by name',
      filename: 'app/plugins.py',
      code: `import importlib\nimport os\n\nENABLED = os.environ.get("PLUGINS", "").split(",")\nSTAGE = os.environ.get("STAGE")\nplugins = [importlib.import_module(f"app.plugins.{name}") for name in ENABLED]\n`,
    },
    {
      // Judgement call: the environment files are config/no-env-grouped-config's findings, and Django's entry points each set this default.
      name: 'DJANGO_SETTINGS_MODULE defaulting to a module named after APP_ENV',
      filename: 'mysite/wsgi.py',
      code: `import os\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", f"mysite.settings.{os.environ.get('APP_ENV', 'production')}")\napplication = get_wsgi_application()\n`,
    },
  ],
  invalid: [
    {
      name: 'per-environment tuning of a broker and its workers',
      filename: 'worker/celeryconfig.py',
      code: `import os\nif os.environ.get("APP_ENV") == "production":\n    worker_prefetch_multiplier = 1\n    broker_pool_limit = 50\nelse:\n    worker_prefetch_multiplier = 4\n`,
      errors: [{ messageId: 'branch', line: 2 }],
    },
    {
      filename: 'mysite/settings.py',
      code: `import os\nENV = os.environ.get("DJANGO_ENV", "development")\n\nif ENV == "production":\n    DATABASES = {"default": {"NAME": "app"}}\nelse:\n    DATABASES = {"default": {"NAME": "dev"}}\n`,
      errors: [{ messageId: 'branch', line: 4, messageIncludes: 'DJANGO_ENV' }],
    },
    {
      filename: 'config.py',
      code: `import os\nif os.getenv("APP_ENV") != "development":\n    pass\nelif True:\n    pass\nelse:\n    REDIS_URL = "redis://localhost:6379/0"\n`,
      errors: [{ messageId: 'branch', line: 2 }],
    },
    {
      filename: 'db.py',
      code: `import os\nSTAGE = os.environ["STAGE"]\nDB_HOST = "db.prod.internal" if STAGE in ("prod", "production") else "localhost"\n`,
      errors: [{ messageId: 'branch', line: 3 }],
    },
    {
      filename: 'config.py',
      code: `import os\nmatch os.environ["ENVIRONMENT"]:\n    case "production":\n        broker_url = "amqp://rabbit.internal"\n    case _:\n        broker_url = "amqp://localhost"\n`,
      errors: [{ messageId: 'branch', line: 2 }],
    },
    {
      filename: 'app/__init__.py',
      code: `import os\nfrom flask import Flask\nfrom .config import configs\n\ndef create_app():\n    app = Flask(__name__)\n    app.config.from_object(configs[os.environ["FLASK_ENV"]])\n    return app\n`,
      errors: [{ messageId: 'configClass', line: 7 }],
    },
    {
      name: 'a local dictionary of config classes',
      filename: 'app.py',
      code: `import os\nfrom flask import Flask\nfrom config import DevelopmentConfig, ProductionConfig\nCONFIGS = {"development": DevelopmentConfig, "production": ProductionConfig}\napp = Flask(__name__)\napp.config.from_object(CONFIGS.get(os.getenv("FLASK_ENV", "development")))\n`,
      errors: [{ messageId: 'configClass', line: 6 }],
    },
    {
      filename: 'app.py',
      code: `import os\nfrom flask import Flask\nENV = os.environ["APP_ENV"].capitalize()\napp = Flask(__name__)\napp.config.from_object(f"cfg.{ENV}Config")\n`,
      errors: [{ messageId: 'configClass', line: 5 }],
    },
    {
      filename: 'settings/__init__.py',
      code: `import importlib\nimport os\n\nimportlib.import_module("settings." + os.environ["APP_ENV"])\n`,
      errors: [{ messageId: 'configClass', line: 4 }],
    },
    {
      name: 'a local variable in a factory',
      filename: 'factory.py',
      code: `import os\nfrom flask import Flask\n\ndef create_app():\n    env = os.getenv("FLASK_ENV", "production")\n    app = Flask(__name__)\n    if env == "development":\n        app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://localhost/dev"\n    return app\n`,
      errors: [{ messageId: 'branch', line: 7 }],
    },
    {
      name: 'import_module of an f-string reading APP_ENV',
      filename: 'app/settings.py',
      code: `import importlib\nimport os\n\nsettings = importlib.import_module(f"settings.{os.environ['APP_ENV']}")\n`,
      errors: [{ messageId: 'configClass', line: 4 }],
    },
    {
      name: 'import_module of a name joined or formatted from a local env',
      filename: 'app/config.py',
      code: `import os\nfrom importlib import import_module\n\n\ndef load():\n    env = os.getenv("APP_ENV", "development")\n    base = import_module(".".join(["config", env, "base"]))\n    return base, import_module("config.{}.extra".format(env))\n`,
      errors: [
        { messageId: 'configClass', line: 7 },
        { messageId: 'configClass', line: 8 },
      ],
    },
    {
      name: 'a settings file run by a path built from the environment name',
      filename: 'app/config.py',
      code: `import os\nimport runpy\n\nSTAGE = os.environ["STAGE"]\nsettings = runpy.run_path(os.path.join(os.path.dirname(__file__), "stages", f"{STAGE}.py"))\n`,
      errors: [{ messageId: 'configClass', line: 5 }],
    },
  ],
});

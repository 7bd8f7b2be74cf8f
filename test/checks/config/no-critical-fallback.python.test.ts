import check from '../../../checks/config/no-critical-fallback/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'app.py', code: `import os\nDATABASE_URL = os.environ["DATABASE_URL"]\n` },
    { filename: 'app.py', code: `import os\nSECRET_KEY = os.getenv("SECRET_KEY", "")\n` },
    { filename: 'app.py', code: `import os\nAPI_TOKEN = os.environ.get("API_TOKEN", None)\n` },
    { filename: 'app.py', code: `import os\nCACHE_KEY_PREFIX = os.getenv("CACHE_KEY_PREFIX", "app:")\n` },
    { filename: 'app.py', code: `import os\nheader = os.getenv("api_key_header", "X-Api-Key")\n` },
    { filename: 'app.py', code: `import os\nAPIKEY = os.getenv("APIKEY", "demo")\n` },
    { filename: 'app.py', code: `import os\nREDIS_HOSTNAME = os.getenv("REDIS_HOSTNAME", "localhost")\n` },
    { filename: 'settings.py', code: `import os\nALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")\n` },
    { filename: 'app.py', code: `import os\nHOST = os.getenv("HOST", "0.0.0.0")\n` },
    { filename: 'server.py', code: `import os\nBIND_HOST = os.environ.get("BIND_HOST") or "::"\n` },
    { filename: 'app.py', code: `import os\nLOG_LEVEL = os.getenv("LOG_LEVEL", "info")\nPORT = int(os.getenv("PORT", "8000"))\n` },
    {
      name: 'a required pydantic-settings field',
      filename: 'config.py',
      code: `from pydantic import Field\nfrom pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    database_url: str\n    secret_key: str = Field(...)\n`,
    },
    {
      name: 'a plain class is not a settings class',
      filename: 'models.py',
      code: `class Connection:\n    database_url: str = "postgres://localhost/app"\n`,
    },
    { filename: 'tests/test_config.py', code: `import os\nDATABASE_URL = os.getenv("DATABASE_URL", "postgres://localhost/test")\n` },
  ],
  invalid: [
    {
      filename: 'app.py',
      code: `import os\n\nDATABASE_URL = os.getenv("DATABASE_URL", "sqlite:///x.db")\n`,
      errors: [{ messageId: 'fallback', line: 3, messageIncludes: 'DATABASE_URL falls back' }],
    },
    {
      filename: 'settings.py',
      code: `from os import environ\nSECRET_KEY = environ.get("SECRET_KEY") or "dev"\n`,
      errors: [{ messageId: 'fallback', line: 2 }],
    },
    {
      filename: 'config.py',
      code: `from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    database_url: str = "postgres://app@localhost/app"\n    log_level: str = "info"\n`,
      errors: [{ messageId: 'fallback', line: 4 }],
    },
    {
      name: 'a Field default, through a settings base class of the module',
      filename: 'config.py',
      code: `from pydantic import Field\nfrom pydantic_settings import BaseSettings\n\nclass Base(BaseSettings):\n    pass\n\nclass Settings(Base):\n    jwt_secret: str = Field(\n        default="change-me",\n    )\n`,
      errors: [{ messageId: 'fallback', line: 9 }],
    },
    {
      name: 'a Field alias names the variable',
      filename: 'config.py',
      code: `from pydantic import Field\nfrom pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    broker: str = Field("amqp://guest@localhost//", alias="BROKER_URL")\n`,
      errors: [{ messageId: 'fallback', line: 5, messageIncludes: 'BROKER_URL' }],
    },
    {
      name: 'a constant holding the fallback is reported where it holds it',
      filename: 'db.py',
      code: `import os\nDEFAULT_DB = "postgres://localhost/app"\n\nengine_url = os.environ.get("DATABASE_URL", DEFAULT_DB)\n`,
      errors: [{ messageId: 'fallback', line: 2 }],
    },
    {
      filename: 'settings.py',
      code: `import environ\nenv = environ.Env()\nREDIS_PASSWORD = env.str("REDIS_PASSWORD", default="hunter2")\n`,
      errors: [{ messageId: 'fallback', line: 3 }],
    },
    {
      filename: 'settings.py',
      code: `from decouple import config\nSTRIPE_KEY = config("STRIPE_KEY", default="sk_test_123")\n`,
      errors: [{ messageId: 'fallback', line: 2 }],
    },
    {
      filename: 'settings.py',
      code: `import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}\n`,
      errors: [{ messageId: 'fallback', line: 2, messageIncludes: 'DATABASE_URL' }],
    },
    {
      filename: 'worker.py',
      code: `import os\nREDIS_HOST = os.environ.setdefault("redis_host", "localhost")\n`,
      errors: [{ messageId: 'fallback', line: 2 }],
    },
  ],
});

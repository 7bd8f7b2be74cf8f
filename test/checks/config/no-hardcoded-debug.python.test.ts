import check from '../../../checks/config/no-hardcoded-debug/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'mysite/settings.py', code: `import os\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"\n` },
    { filename: 'mysite/settings.py', code: `import environ\nenv = environ.Env(DEBUG=(bool, False))\nDEBUG = env("DEBUG")\n` },
    { filename: 'mysite/settings.py', code: `import environ\nenv = environ.Env()\nDEBUG = env.bool("DEBUG", default=False)\n` },
    {
      name: 'a later binding from the environment wins',
      filename: 'mysite/settings.py',
      code: `import os\nDEBUG = True\nif os.environ.get("PRODUCTION"):\n    DEBUG = False\n`,
    },
    {
      name: 'a star import after it may override it',
      filename: 'mysite/settings.py',
      code: `DEBUG = True\ntry:\n    from .local_settings import *\nexcept ImportError:\n    pass\n`,
    },
    { filename: 'mysite/settings/dev.py', code: `from .base import *\nDEBUG = True\n` },
    { filename: 'mysite/settings_local.py', code: `DEBUG = True\n` },
    { name: 'not a settings module', filename: 'app/feature_flags.py', code: `DEBUG = True\n` },
    { filename: 'app.py', code: `import logging\nlogging.basicConfig(level=logging.DEBUG)\n` },
    { filename: 'app.py', code: `from flask import Flask\nfrom config import settings\napp = Flask(__name__)\napp.run(debug=settings.DEBUG)\n` },
    { filename: 'app.py', code: `import os\nfrom flask import Flask\napp = Flask(__name__)\napp.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"\n` },
    { filename: 'main.py', code: `import os\nfrom fastapi import FastAPI\napp = FastAPI(debug=os.getenv("DEBUG", "false") == "true")\n` },
    { filename: 'main.py', code: `import uvicorn\nuvicorn.run("main:app", reload=False)\n` },
    { filename: 'app.py', code: `import os\nDEBUG = os.getenv("DEBUG", "0") == "1"\n` },
    { name: 'another object\'s run', filename: 'jobs.py', code: `import threading\nworker = threading.Thread(target=work)\nworker.run(debug=True)\n` },
    { filename: 'tests/test_app.py', code: `from app import app\napp.config["DEBUG"] = True\n` },
  ],
  invalid: [
    {
      filename: 'mysite/settings.py',
      code: `INSTALLED_APPS = ["django.contrib.admin"]\n\nDEBUG = True\n`,
      errors: [{ messageId: 'debug', line: 3 }],
    },
    {
      name: 'the last binding decides',
      filename: 'mysite/config.py',
      code: `DEBUG = False\nROOT_URLCONF = "mysite.urls"\nDEBUG = True\n`,
      errors: [{ messageId: 'debug', line: 3 }],
    },
    {
      filename: 'app.py',
      code: `from flask import Flask\n\napp = Flask(__name__)\napp.debug = True\n`,
      errors: [{ messageId: 'debug', line: 4 }],
    },
    {
      filename: 'app/__init__.py',
      code: `from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n    app.config["DEBUG"] = True\n    return app\n`,
      errors: [{ messageId: 'debug', line: 5 }],
    },
    {
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\napp.config.update(\n    SECRET_KEY_FILE="/run/secrets/key",\n    DEBUG=True,\n)\n`,
      errors: [{ messageId: 'debug', line: 5 }],
    },
    {
      name: 'app.run(debug=True) run by the Procfile is a warning',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=True)\n`,
      files: { Procfile: 'web: python app.py\n' },
      errors: [{ messageId: 'debug', line: 5, severity: 'warning' }],
    },
    {
      name: 'app.run(debug=True) in a local-run block is a notice',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=True)\n`,
      errors: [{ messageId: 'debug', line: 5, severity: 'notice' }],
    },
    {
      filename: 'main.py',
      code: `from fastapi import FastAPI\n\napp = FastAPI(\n    title="orders",\n    debug=True,\n)\n`,
      errors: [{ messageId: 'debug', line: 5 }],
    },
    {
      filename: 'main.py',
      code: `from starlette.applications import Starlette\napp = Starlette(debug=True, routes=routes)\n`,
      errors: [{ messageId: 'debug', line: 2 }],
    },
    {
      filename: 'serve.py',
      code: `import uvicorn\nuvicorn.run("main:app", host="0.0.0.0", reload=True)\n`,
      errors: [{ messageId: 'reload', line: 2 }],
    },
    {
      filename: 'mysite/settings.py',
      code: `import environ\nenv = environ.Env()\nDEBUG = env.bool("DEBUG", default=True)\n`,
      errors: [{ messageId: 'defaultOn', line: 3, replacement: 'DEBUG = env.bool("DEBUG", default=False)' }],
    },
    {
      filename: 'mysite/settings.py',
      code: `import environ\nenv = environ.Env(DEBUG=(bool, True))\n`,
      errors: [{ messageId: 'defaultOn', line: 2, replacement: 'env = environ.Env(DEBUG=(bool, False))' }],
    },
    {
      filename: 'app.py',
      code: `import os\nDEBUG = os.getenv("FLASK_DEBUG", "1") == "1"\n`,
      errors: [{ messageId: 'defaultOn', line: 2, replacement: 'DEBUG = os.getenv("FLASK_DEBUG", "0") == "1"' }],
    },
  ],
});

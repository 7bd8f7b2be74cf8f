import check from '../../../checks/admin-processes/no-migrations-on-startup/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'Flask-Migrate wired up, migrations left to the CLI',
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_migrate import Migrate\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\nmigrate = Migrate(app, db)\n`,
    },
    {
      name: 'a one-off script under scripts/',
      filename: 'scripts/init_db.py',
      code: `from app import app, db\nwith app.app_context():\n    db.create_all()\n`,
    },
    {
      name: 'a Django management command',
      filename: 'shop/management/commands/bootstrap.py',
      code: `from django.core.management import call_command\nfrom django.core.management.base import BaseCommand\n\nclass Command(BaseCommand):\n    def handle(self, *args, **options):\n        call_command("migrate")\n`,
    },
    {
      name: 'a local-run block of a served module',
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n\nif __name__ == "__main__":\n    with app.app_context():\n        db.create_all()\n    app.run()\n`,
      files: { Procfile: 'web: gunicorn app:app\n' },
    },
    {
      name: 'a Flask CLI command is one-off code',
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n\n@app.cli.command("init-db")\ndef init_db():\n    db.create_all()\n`,
    },
    {
      name: 'a module the web process does not import',
      filename: 'tasks/maintenance.py',
      code: `from alembic import command\nfrom alembic.config import Config\ncommand.upgrade(Config("alembic.ini"), "head")\n`,
    },
    {
      name: 'a subprocess that is no migration',
      filename: 'app.py',
      code: `import subprocess\nfrom flask import Flask\napp = Flask(__name__)\nsubprocess.run(["alembic", "current"])\n`,
    },
    {
      name: 'a release phase runs the migrations',
      filename: 'wsgi.py',
      code: `from app import create_app\napplication = create_app()\n`,
      files: { Procfile: 'release: alembic upgrade head\nweb: gunicorn wsgi:application\n' },
    },
    {
      name: 'a route handler defined inside the factory is not start-up code',
      filename: 'app/__init__.py',
      code: `from flask import Flask\nfrom .models import db\n\ndef create_app():\n    app = Flask(__name__)\n    db.init_app(app)\n\n    @app.post("/reset")\n    def reset():\n        return "ok"\n    return app\n`,
    },
    {
      name: 'drop_all in a test fixture',
      filename: 'tests/conftest.py',
      code: `import pytest\nfrom app import create_app, db\n\n@pytest.fixture\ndef app():\n    app = create_app()\n    with app.app_context():\n        db.create_all()\n        yield app\n`,
    },
  ],
  invalid: [
    {
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\n\napp = Flask(__name__)\ndb = SQLAlchemy(app)\nwith app.app_context():\n    db.create_all()\n`,
      errors: [{ messageId: 'plainSync', line: 7 }],
    },
    {
      name: 'metadata.create_all in an app factory, under an alias',
      filename: 'service/__init__.py',
      code: `from flask import Flask\nfrom .models import Base, engine\n\ndef create_app():\n    app = Flask(__name__)\n    Base.metadata.create_all(bind=engine)\n    return app\n`,
      errors: [{ messageId: 'plainSync', line: 6 }],
    },
    {
      name: 'run_sync(metadata.create_all) in a FastAPI lifespan',
      filename: 'main.py',
      code: `from contextlib import asynccontextmanager\nfrom fastapi import FastAPI\nfrom .db import engine, Base\n\n@asynccontextmanager\nasync def lifespan(app):\n    async with engine.begin() as conn:\n        await conn.run_sync(Base.metadata.create_all)\n    yield\n\napp = FastAPI(lifespan=lifespan)\n`,
      errors: [{ messageId: 'plainSync', line: 8 }],
    },
    {
      name: 'a startup event hook',
      filename: 'api/main.py',
      code: `from fastapi import FastAPI\nfrom sqlmodel import SQLModel\nfrom .db import engine\napi = FastAPI()\n\n@api.on_event("startup")\ndef on_startup():\n    SQLModel.metadata.create_all(engine)\n`,
      errors: [{ messageId: 'plainSync', line: 8 }],
    },
    {
      name: 'call_command("migrate") in AppConfig.ready()',
      filename: 'shop/apps.py',
      code: `from django.apps import AppConfig\nfrom django.core.management import call_command\n\nclass ShopConfig(AppConfig):\n    name = "shop"\n\n    def ready(self):\n        call_command("migrate", interactive=False)\n`,
      errors: [{ messageId: 'call', line: 8 }],
    },
    {
      name: 'Alembic command.upgrade in wsgi.py',
      filename: 'wsgi.py',
      code: `from alembic import command\nfrom alembic.config import Config\nfrom app import create_app\n\ncommand.upgrade(Config("alembic.ini"), "head")\napplication = create_app()\n`,
      errors: [{ messageId: 'call', line: 5 }],
    },
    {
      name: 'Flask-Migrate upgrade() in a factory helper',
      filename: 'app/__init__.py',
      code: `from flask import Flask\nfrom flask_migrate import Migrate, upgrade\n\ndef _migrate(app):\n    with app.app_context():\n        upgrade()\n\ndef create_app():\n    app = Flask(__name__)\n    Migrate(app, db)\n    _migrate(app)\n    return app\n`,
      errors: [{ messageId: 'call', line: 6 }],
    },
    {
      name: 'a subprocess running alembic upgrade in a served module',
      filename: 'main.py',
      code: `import subprocess\nfrom fastapi import FastAPI\n\nsubprocess.run(\n    ["alembic", "upgrade", "head"],\n    check=True,\n)\napp = FastAPI()\n`,
      errors: [{ messageId: 'exec', line: 4 }],
    },
    {
      name: 'manage.py migrate from a gunicorn hook',
      filename: 'gunicorn.conf.py',
      code: `import subprocess\nimport sys\n\ndef on_starting(server):\n    subprocess.check_call([sys.executable, "manage.py", "migrate", "--noinput"])\n`,
      errors: [{ messageId: 'exec', line: 5 }],
    },
    {
      name: 'the main block of a module the web command runs directly',
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n\nif __name__ == "__main__":\n    with app.app_context():\n        db.create_all()\n    app.run()\n`,
      files: { Procfile: 'web: python app.py\n' },
      errors: [{ messageId: 'plainSync', line: 8 }],
    },
  ],
});

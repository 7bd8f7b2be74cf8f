import check from '../../../checks/admin-processes/no-admin-endpoint/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a route named after seeds that only lists them',
      filename: 'app.py',
      code: `from flask import Flask, jsonify\napp = Flask(__name__)\n\n@app.get("/catalog/seeds")\ndef list_seeds():\n    return jsonify(Seed.query.all())\n`,
    },
    {
      name: 'a media tool run by a handler (Factor II)',
      filename: 'app.py',
      code: `import subprocess\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.post("/thumbnails")\ndef thumbnail():\n    subprocess.run(["ffmpeg", "-i", request.args["src"], "out.png"], check=True)\n    return "ok"\n`,
    },
    {
      name: 'create_all in start-up code, not a handler',
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\nwith app.app_context():\n    db.create_all()\n`,
    },
    {
      name: 'a management command runs call_command',
      filename: 'shop/management/commands/reset.py',
      code: `from django.core.management import call_command\nfrom django.core.management.base import BaseCommand\n\nclass Command(BaseCommand):\n    def handle(self, *args, **options):\n        call_command("flush", interactive=False)\n`,
    },
    {
      name: 'random.seed in a handler',
      filename: 'main.py',
      code: `import random\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/roll")\ndef roll(seed: int):\n    random.seed(seed)\n    return {"value": random.randint(1, 6)}\n`,
    },
    {
      name: 'ordinary queries in a handler',
      filename: 'views.py',
      code: `from django.db import connection\nfrom django.http import JsonResponse\n\ndef stats(request):\n    with connection.cursor() as cursor:\n        cursor.execute("SELECT count(*) FROM orders")\n        return JsonResponse({"orders": cursor.fetchone()[0]})\n\nurlpatterns = [path("stats/", stats)]\n`,
    },
    {
      name: 'a helper that migrates, called by no handler',
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_migrate import upgrade\napp = Flask(__name__)\n\ndef migrate_now():\n    upgrade()\n\n@app.get("/health")\ndef health():\n    return "ok"\n`,
    },
    {
      name: 'git rev-parse for a version endpoint',
      filename: 'app.py',
      code: `import subprocess\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.get("/version")\ndef version():\n    return subprocess.check_output(["git", "rev-parse", "HEAD"]).decode()\n`,
    },
    {
      name: 'ImageMagick, pandoc and LibreOffice in views, one through sh -c, one as a shell string',
      filename: 'app/media.py',
      code: `import subprocess\nfrom flask import Blueprint, request\nbp = Blueprint("media", __name__)\n\n@bp.post("/resize")\ndef resize():\n    subprocess.run(f"convert {request.args['p']} -resize 200 out.png", shell=True, check=True)\n    return "ok"\n\n@bp.post("/docs")\ndef docs():\n    subprocess.run(["sh", "-c", "pandoc in.md -o out.pdf"], check=True)\n    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "in.docx"], check=True)\n    return "ok"\n`,
    },
  ],
  invalid: [
    {
      filename: 'app.py',
      code: `from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n\n@app.route("/admin/init", methods=["POST"])\ndef init():\n    db.drop_all()\n    db.create_all()\n    return "done"\n`,
      errors: [{ messageId: 'migrations', line: 6, messageIncludes: 'the /admin/init route runs database migrations (db.drop_all())' }],
    },
    {
      name: 'the body decides, not the path',
      filename: 'main.py',
      code: `from alembic import command\nfrom alembic.config import Config\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/internal/refresh")\nasync def refresh():\n    command.upgrade(Config("alembic.ini"), "head")\n    return {"ok": True}\n`,
      errors: [{ messageId: 'migrations', line: 6, messageIncludes: 'POST /internal/refresh' }],
    },
    {
      name: 'a Django view running call_command, at its def',
      filename: 'shop/views.py',
      code: `from django.core.management import call_command\nfrom django.http import HttpResponse\n\ndef clear_sessions(request):\n    call_command("clearsessions")\n    return HttpResponse("ok")\n\nurlpatterns = [path("ops/clear/", clear_sessions)]\n`,
      errors: [{ messageId: 'command', line: 4, messageIncludes: 'call_command("clearsessions")' }],
    },
    {
      name: 'loaddata is seeding',
      filename: 'shop/views.py',
      code: `from django.core import management\nfrom rest_framework.decorators import api_view\n\n@api_view(["POST"])\ndef load_demo(request):\n    management.call_command("loaddata", "demo.json")\n    return Response(status=204)\n`,
      errors: [{ messageId: 'seeds', line: 5 }],
    },
    {
      name: 'a seed helper of the same module',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\n\ndef insert_demo_rows():\n    seed_database()\n\n@app.post("/demo")\ndef demo():\n    insert_demo_rows()\n    return "seeded"\n`,
      errors: [{ messageId: 'seeds', line: 7 }],
    },
    {
      name: 'manage.py migrate through a subprocess',
      filename: 'app.py',
      code: `import subprocess\nimport sys\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.post("/deploy/hook")\ndef deploy_hook():\n    subprocess.run([sys.executable, "manage.py", "migrate"], check=True)\n    return "ok"\n`,
      errors: [{ messageId: 'migrations', line: 6, messageIncludes: '(python manage.py migrate)' }],
    },
    {
      name: 'psql from a shell string',
      filename: 'app.py',
      code: `import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.get("/ops/vacuum")\ndef vacuum():\n    os.system("psql $DATABASE_URL -c 'VACUUM FULL'")\n    return "ok"\n`,
      errors: [{ messageId: 'shell', line: 5 }],
    },
    {
      name: 'DDL executed by a class-based view method',
      filename: 'api/views.py',
      code: `from django.db import connection\nfrom rest_framework.views import APIView\n\nclass AddColumn(APIView):\n    def post(self, request):\n        with connection.cursor() as cursor:\n            cursor.execute("ALTER TABLE orders ADD COLUMN note text")\n        return Response(status=204)\n`,
      errors: [{ messageId: 'migrations', line: 5 }],
    },
    {
      name: 'a database dump through sh -c, a redis flush and a Celery purge from views',
      filename: 'app/admin.py',
      code: `import subprocess\n\nimport redis\nfrom celery import Celery\nfrom flask import Flask\n\napp = Flask(__name__)\ncache = redis.Redis()\ncelery = Celery()\n\n\n@app.post("/admin/dump")\ndef dump():\n    subprocess.run(["sh", "-c", "pg_dump $DATABASE_URL > /tmp/dump.sql"], check=True)\n    return "ok"\n\n\n@app.post("/admin/cache")\ndef clear_cache():\n    cache.flushall()\n    return "ok"\n\n\n@app.post("/admin/queue")\ndef purge():\n    celery.control.purge()\n    return "ok"\n`,
      errors: [
        { messageId: 'shell', line: 12 },
        { messageId: 'flush', line: 18, messageIncludes: 'cache.flushall()' },
        { messageId: 'flush', line: 24, messageIncludes: 'celery.control.purge()' },
      ],
    },
  ],
});

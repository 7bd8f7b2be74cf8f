import check from '../../../checks/concurrency/no-scheduler-in-web/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const gunicornProcfile = { Procfile: 'web: gunicorn app:app\nclock: python clock.py\n' };

testCheck(check, {
  valid: [
    {
      name: 'a clock process with a BlockingScheduler',
      filename: 'clock.py',
      code: `from apscheduler.schedulers.blocking import BlockingScheduler\n\nsched = BlockingScheduler()\nsched.add_job(send_digest, "cron", hour=7)\nsched.start()\n`,
      files: gunicornProcfile,
    },
    {
      name: 'a BackgroundScheduler in a module the web process does not load',
      filename: 'clock.py',
      code: `import time\nfrom apscheduler.schedulers.background import BackgroundScheduler\n\nscheduler = BackgroundScheduler()\nscheduler.add_job(cleanup, "interval", hours=1)\nscheduler.start()\nwhile True:\n    time.sleep(3600)\n`,
      files: gunicornProcfile,
    },
    {
      name: 'Celery beat',
      filename: 'proj/celery.py',
      code: `from celery import Celery\nfrom celery.schedules import crontab\n\napp = Celery("proj")\napp.conf.beat_schedule = {"digest": {"task": "tasks.digest", "schedule": crontab(hour=7)}}\n`,
    },
    {
      name: 'RQ\'s locked scheduler',
      filename: 'app.py',
      code: `from flask import Flask\nfrom redis import Redis\nfrom rq_scheduler import Scheduler\n\napp = Flask(__name__)\nScheduler(connection=Redis()).cron("0 7 * * *", func=send_digest)\n`,
    },
    {
      name: 'FastAPI BackgroundTasks',
      filename: 'main.py',
      code: `from fastapi import BackgroundTasks, FastAPI\n\napp = FastAPI()\n\n@app.post("/signup")\ndef signup(tasks: BackgroundTasks):\n    tasks.add_task(send_welcome)\n`,
    },
    {
      name: 'an interval under a minute (a heartbeat)',
      filename: 'app.py',
      code: `from apscheduler.schedulers.background import BackgroundScheduler\nfrom flask import Flask\n\napp = Flask(__name__)\nscheduler = BackgroundScheduler()\nscheduler.add_job(heartbeat, "interval", seconds=30)\nscheduler.start()\n`,
    },
    {
      name: 'schedule every 10 seconds',
      filename: 'app.py',
      code: `import threading, schedule\nfrom flask import Flask\n\napp = Flask(__name__)\nschedule.every(10).seconds.do(flush_metrics)\n\ndef poll():\n    while True:\n        schedule.run_pending()\n\nthreading.Thread(target=poll, daemon=True).start()\n`,
    },
    {
      name: 'a scheduler in a local-run block',
      filename: 'app.py',
      code: `from apscheduler.schedulers.background import BackgroundScheduler\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    scheduler = BackgroundScheduler()\n    scheduler.add_job(cleanup, "cron", hour=3)\n    scheduler.start()\n    app.run()\n`,
      files: gunicornProcfile,
    },
    {
      name: 'an asyncio loop sleeping a few seconds',
      filename: 'main.py',
      code: `import asyncio\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\nasync def refresh():\n    while True:\n        await asyncio.sleep(5)\n        await poll()\n\n@app.on_event("startup")\nasync def start():\n    asyncio.create_task(refresh())\n`,
    },
  ],
  invalid: [
    {
      name: 'a BackgroundScheduler at module level of a Flask app',
      filename: 'app.py',
      code: `from apscheduler.schedulers.background import BackgroundScheduler\nfrom flask import Flask\n\napp = Flask(__name__)\nscheduler = BackgroundScheduler()\nscheduler.add_job(cleanup, "interval", minutes=5)\nscheduler.start()\n`,
      errors: [{ messageId: 'schedulerPython', line: 7 }],
    },
    {
      name: 'an AsyncIOScheduler in a FastAPI lifespan',
      filename: 'main.py',
      code: `from contextlib import asynccontextmanager\nfrom apscheduler.schedulers.asyncio import AsyncIOScheduler\nfrom fastapi import FastAPI\n\nscheduler = AsyncIOScheduler()\n\n@scheduler.scheduled_job("cron", hour=3)\nasync def nightly():\n    await purge()\n\n@asynccontextmanager\nasync def lifespan(app):\n    scheduler.start()\n    yield\n\napi = FastAPI(lifespan=lifespan)\n`,
      errors: [{ messageId: 'schedulerPython', line: 13 }],
    },
    {
      name: 'flask-apscheduler in an app factory',
      filename: 'myapp/__init__.py',
      code: `from flask import Flask\nfrom flask_apscheduler import APScheduler\n\nscheduler = APScheduler()\n\ndef create_app():\n    app = Flask(__name__)\n    scheduler.init_app(app)\n    scheduler.start()\n    return app\n`,
      errors: [{ messageId: 'schedulerPython', line: 9 }],
    },
    {
      name: 'schedule polled in a thread of the web process',
      filename: 'app.py',
      code: `import threading, schedule\nfrom flask import Flask\n\napp = Flask(__name__)\nschedule.every(5).minutes.do(sync_prices)\n\ndef poll():\n    while True:\n        schedule.run_pending()\n\nthreading.Thread(target=poll, daemon=True).start()\n`,
      errors: [{ messageId: 'schedulerPython', line: 5 }],
    },
    {
      name: 'a scheduler started in AppConfig.ready()',
      filename: 'shop/apps.py',
      code: `from django.apps import AppConfig\n\nclass ShopConfig(AppConfig):\n    name = "shop"\n\n    def ready(self):\n        from apscheduler.schedulers.background import BackgroundScheduler\n        scheduler = BackgroundScheduler()\n        scheduler.add_job(expire_carts, "cron", minute=0)\n        scheduler.start()\n`,
      errors: [{ messageId: 'schedulerPython', line: 10 }],
    },
    {
      name: 'a gunicorn hook',
      filename: 'gunicorn.conf.py',
      code: `from apscheduler.schedulers.background import BackgroundScheduler\n\ndef post_fork(server, worker):\n    scheduler = BackgroundScheduler()\n    scheduler.add_job(refresh_rates, "interval", hours=1)\n    scheduler.start()\n`,
      errors: [{ messageId: 'schedulerPython', line: 6 }],
    },
    {
      name: 'a module the served app imports',
      filename: 'jobs.py',
      code: `from apscheduler.schedulers.background import BackgroundScheduler\n\nscheduler = BackgroundScheduler()\nscheduler.add_job(reindex, "interval", minutes=15)\nscheduler.start()\n`,
      files: { ...gunicornProcfile, 'app.py': `from flask import Flask\nimport jobs\n\napp = Flask(__name__)\n` },
      errors: [{ messageId: 'schedulerPython', line: 5 }],
    },
    {
      name: 'an asyncio sleep loop started at start-up is a notice',
      filename: 'main.py',
      code: `import asyncio\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\nasync def refresh_rates():\n    while True:\n        await update_rates()\n        await asyncio.sleep(3600)\n\n@app.on_event("startup")\nasync def start():\n    asyncio.create_task(refresh_rates())\n`,
      errors: [{ messageId: 'repeatingTask', line: 13, severity: 'notice' }],
    },
    {
      name: 'a Timer chain in the web module is a notice',
      filename: 'app.py',
      code: `import threading\nfrom flask import Flask\n\napp = Flask(__name__)\n\ndef purge():\n    purge_sessions()\n    threading.Timer(600, purge).start()\n\npurge()\n`,
      errors: [{ messageId: 'repeatingTask', line: 8, severity: 'notice' }],
    },
  ],
});

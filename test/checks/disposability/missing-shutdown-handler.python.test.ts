import check from '../../../checks/disposability/missing-shutdown-handler/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const pikaConsumer = `import pika

connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
channel = connection.channel()
channel.basic_consume(queue="tasks", on_message_callback=handle)
channel.start_consuming()
`;

testCheck(check, {
  valid: [
    {
      name: 'SIGTERM handled in the same module',
      filename: 'worker.py',
      code: `import signal\n${pikaConsumer}signal.signal(signal.SIGTERM, lambda signum, frame: channel.stop_consuming())\n`,
    },
    {
      name: 'SIGTERM handled in another module, imported by name',
      filename: 'worker.py',
      code: pikaConsumer,
      files: { 'lifecycle.py': `from signal import SIGTERM, signal\n\ndef install(stop):\n    signal(SIGTERM, stop)\n` },
    },
    {
      name: 'loop.add_signal_handler over a tuple of signals',
      filename: 'consumer.py',
      code: `import asyncio, signal\nfrom kafka import KafkaConsumer\n\nconsumer = KafkaConsumer("events")\nloop = asyncio.get_event_loop()\nfor sig in (signal.SIGTERM, signal.SIGINT):\n    loop.add_signal_handler(sig, stop.set)\nfor msg in consumer:\n    handle(msg)\n`,
    },
    {
      name: 'a Node process of the repository handles SIGTERM (one fact across languages)',
      filename: 'worker.py',
      code: pikaConsumer,
      files: { 'web/server.js': `const server = app.listen(process.env.PORT);\nprocess.on('SIGTERM', () => server.close());\n` },
    },
    {
      name: 'uvicorn.run drains by itself',
      filename: 'main.py',
      code: `import os\nimport uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\nuvicorn.run(app, host="0.0.0.0", port=int(os.environ["PORT"]))\n`,
    },
    {
      name: 'aiohttp run_app handles signals by default',
      filename: 'service.py',
      code: `from aiohttp import web\n\napp = web.Application()\nweb.run_app(app)\n`,
    },
    {
      name: 'an RQ worker drains by itself',
      filename: 'worker.py',
      code: `from redis import Redis\nfrom rq import Queue, Worker\n\nworker = Worker([Queue("default")], connection=Redis())\nworker.work()\n`,
    },
    {
      name: 'app.run() in a local-run block of a module gunicorn serves',
      filename: 'app.py',
      code: `from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=True)\n`,
      files: { Procfile: 'web: gunicorn app:app --bind 0.0.0.0:$PORT\n' },
    },
    {
      name: 'app.run() in a local-run block, no start commands at all',
      filename: 'app.py',
      code: `from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run()\n`,
    },
    {
      name: 'a consumer in a test module is not application code',
      filename: 'tests/test_worker.py',
      code: `import signal\n${pikaConsumer}signal.signal(signal.SIGINT, stop)\n`,
    },
    {
      name: 'only the first module with a site (by path) reports',
      filename: 'workers/mail.py',
      code: pikaConsumer,
      files: { 'workers/billing.py': `import redis\n\nr = redis.Redis()\nwhile True:\n    item = r.blpop("billing")\n    bill(item)\n` },
    },
    {
      name: 'a BlockingScheduler is a notice only when nothing serves or consumes',
      filename: 'clock.py',
      code: `from apscheduler.schedulers.blocking import BlockingScheduler\n\nsched = BlockingScheduler()\nsched.add_job(report, "cron", hour=3)\nsched.start()\n`,
      files: { 'worker.py': pikaConsumer },
    },
    {
      name: 'a loop that reads a list, not a queue',
      filename: 'batch.py',
      code: `import redis\n\nr = redis.Redis()\nwhile r.llen("jobs"):\n    process(r.lpop("jobs"))\n`,
    },
  ],
  invalid: [
    {
      name: 'a pika consumer and no SIGTERM handling anywhere',
      filename: 'worker.py',
      code: pikaConsumer,
      errors: [{ messageId: 'missingPython', line: 6, messageIncludes: 'pika consumer' }],
    },
    {
      name: 'serve_forever(); SIGINT-only, atexit and KeyboardInterrupt do not count',
      filename: 'server.py',
      code: `import atexit, signal\nfrom http.server import HTTPServer\n\nsignal.signal(signal.SIGINT, on_interrupt)\natexit.register(cleanup)\nhttpd = HTTPServer(("", 8000), Handler)\ntry:\n    httpd.serve_forever()\nexcept KeyboardInterrupt:\n    httpd.server_close()\n`,
      errors: [{ messageId: 'missingPython', line: 8, messageIncludes: 'serve_forever()' }],
    },
    {
      name: 'a Flask app the Procfile runs directly',
      filename: 'app.py',
      code: `import os\nfrom flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=int(os.environ["PORT"]))\n`,
      files: { Procfile: 'web: python app.py\n' },
      errors: [{ messageId: 'flaskRun', line: 7 }],
    },
    {
      name: 'a Kafka consumer loop, at the loop',
      filename: 'consumer.py',
      code: `from kafka import KafkaConsumer\n\nevents = KafkaConsumer("events", bootstrap_servers=BROKERS)\nfor message in events:\n    handle(message.value)\n`,
      errors: [{ messageId: 'missingPython', line: 4, messageIncludes: 'Kafka consumer loop' }],
    },
    {
      name: 'an SQS polling loop',
      filename: 'poller.py',
      code: `import boto3\n\nsqs = boto3.client("sqs")\n\ndef main():\n    while True:\n        response = sqs.receive_message(QueueUrl=QUEUE_URL, WaitTimeSeconds=20)\n        for message in response.get("Messages", []):\n            handle(message)\n\nmain()\n`,
      errors: [{ messageId: 'missingPython', line: 6, messageIncludes: 'SQS polling loop' }],
    },
    {
      name: 'a redis blpop loop; a SIGTERM handler in a test module does not count',
      filename: 'queue_worker.py',
      code: `import redis\n\nr = redis.Redis()\nwhile True:\n    _, job = r.blpop("jobs")\n    run(job)\n`,
      files: { 'tests/conftest.py': `import signal\nsignal.signal(signal.SIGTERM, stop)\n` },
      errors: [{ messageId: 'missingPython', line: 4, messageIncludes: 'Redis polling loop' }],
    },
    {
      name: 'aiohttp run_app with handle_signals=False',
      filename: 'service.py',
      code: `from aiohttp import web\n\napp = web.Application()\nweb.run_app(app, handle_signals=False)\n`,
      errors: [{ messageId: 'missingPython', line: 4 }],
    },
    {
      name: 'a bare BlockingScheduler is a notice',
      filename: 'clock.py',
      code: `from apscheduler.schedulers.blocking import BlockingScheduler\n\nsched = BlockingScheduler()\nsched.add_job(report, "cron", hour=3)\nsched.start()\n`,
      errors: [{ messageId: 'missingPython', line: 5, severity: 'notice' }],
    },
    {
      name: 'SIGTERM restored to its default is not handled',
      filename: 'worker.py',
      code: `import signal\n${pikaConsumer}signal.signal(signal.SIGTERM, signal.SIG_DFL)\n`,
      errors: [{ messageId: 'missingPython', line: 7 }],
    },
  ],
});

import check from '../../../checks/disposability/exit-without-drain/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'the handler sets a flag the loop reads',
      filename: 'worker.py',
      code: `import signal\nimport redis\n\nrunning = True\n\ndef stop(signum, frame):\n    global running\n    running = False\n\nsignal.signal(signal.SIGTERM, stop)\nr = redis.Redis()\nwhile running:\n    job = r.blpop("jobs", timeout=5)\n    handle(job)\n`,
    },
    {
      name: 'the handler sets an Event',
      filename: 'consumer.py',
      code: `import signal, threading\n\nstopping = threading.Event()\nsignal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())\nfor message in consumer:\n    handle(message)\n    if stopping.is_set():\n        break\n`,
    },
    {
      name: 'shutdown() runs in another thread',
      filename: 'server.py',
      code: `import signal, threading\nfrom http.server import ThreadingHTTPServer\n\nhttpd = ThreadingHTTPServer(("", 8000), Handler)\n\ndef on_term(signum, frame):\n    threading.Thread(target=httpd.shutdown).start()\n\nsignal.signal(signal.SIGTERM, on_term)\nhttpd.serve_forever()\n`,
    },
    {
      name: 'exit after the consuming loop returns',
      filename: 'worker.py',
      code: `import signal, sys\n\nsignal.signal(signal.SIGTERM, lambda signum, frame: channel.stop_consuming())\nchannel.start_consuming()\nconnection.close()\nsys.exit(0)\n`,
    },
    {
      name: 'a daemon Timer(n, os._exit) armed beside a proper stop',
      filename: 'worker.py',
      code: `import os, signal, threading\n\ndef on_term(signum, frame):\n    watchdog = threading.Timer(25, os._exit, args=(1,))\n    watchdog.daemon = True\n    watchdog.start()\n    channel.stop_consuming()\n\nsignal.signal(signal.SIGTERM, on_term)\nchannel.start_consuming()\n`,
    },
    {
      name: 'a CLI script with no server or consumer may exit in its handler',
      filename: 'scripts/export.py',
      code: `import signal, sys\n\nsignal.signal(signal.SIGINT, lambda signum, frame: sys.exit(130))\nexport_everything()\n`,
    },
    {
      name: 'the server runs in a thread the handler joins before exiting',
      filename: 'server.py',
      code: `import signal, sys, threading\n\ndef serve():\n    httpd.serve_forever()\n\nworker = threading.Thread(target=serve)\n\ndef on_term(signum, frame):\n    httpd.shutdown()\n    worker.join()\n    sys.exit(0)\n\nsignal.signal(signal.SIGTERM, on_term)\nworker.start()\n`,
    },
    {
      name: 'a SIGHUP handler reloading config',
      filename: 'worker.py',
      code: `import signal, sys\n\nsignal.signal(signal.SIGHUP, lambda signum, frame: sys.exit(0))\nchannel.start_consuming()\n`,
    },
    {
      name: 'uvicorn.run drains by itself',
      filename: 'main.py',
      code: `import signal, sys, uvicorn\n\nsignal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))\nuvicorn.run(app)\n`,
    },
    {
      name: 'a scheduled shutdown awaits asyncio.gather over the closers before exiting',
      filename: 'server.py',
      code: `import asyncio\nimport signal\nimport sys\n\n\nasync def main():\n    server = await asyncio.start_server(handle, "0.0.0.0", 8000)\n    closers = []\n\n    async def shutdown():\n        server.close()\n        closers.append(server.wait_closed())\n        await asyncio.gather(*closers)\n        sys.exit(0)\n\n    loop = asyncio.get_running_loop()\n    loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.create_task(shutdown()))\n    await server.serve_forever()\n`,
    },
    {
      name: 'a handler calling a function that awaits wait_closed() before exiting',
      filename: 'server.py',
      code: `import asyncio\nimport signal\nimport sys\n\nserver = None\n\n\nasync def stop():\n    server.close()\n    await server.wait_closed()\n    sys.exit(0)\n\n\ndef on_term(signum, frame):\n    asyncio.get_event_loop().create_task(stop())\n\n\nsignal.signal(signal.SIGTERM, on_term)\nasyncio.get_event_loop().run_until_complete(server.serve_forever())\n`,
    },
  ],
  invalid: [
    {
      name: 'sys.exit in a SIGTERM handler of a pika consumer, even after stop_consuming()',
      filename: 'worker.py',
      code: `import signal, sys\n\ndef on_term(signum, frame):\n    channel.stop_consuming()\n    sys.exit(0)\n\nsignal.signal(signal.SIGTERM, on_term)\nchannel.start_consuming()\n`,
      errors: [{ messageId: 'exitPython', line: 5 }],
    },
    {
      name: 'a lambda calling os._exit while serve_forever runs',
      filename: 'server.py',
      code: `import os, signal\nfrom http.server import HTTPServer\n\nhttpd = HTTPServer(("", 8000), Handler)\nsignal.signal(signal.SIGTERM, lambda signum, frame: os._exit(0))\nhttpd.serve_forever()\n`,
      errors: [{ messageId: 'exitPython', line: 5 }],
    },
    {
      name: 'raise SystemExit in a SIGINT handler of a Kafka loop',
      filename: 'consumer.py',
      code: `import signal\n\ndef interrupted(signum, frame):\n    consumer.close()\n    raise SystemExit(1)\n\nsignal.signal(signal.SIGINT, interrupted)\nfor message in consumer:\n    handle(message)\n`,
      errors: [{ messageId: 'exitPython', line: 5 }],
    },
    {
      name: 'exit() in a handler registered for both signals in a loop',
      filename: 'poller.py',
      code: `import signal\n\ndef bye(*_):\n    exit(0)\n\nfor sig in (signal.SIGTERM, signal.SIGINT):\n    signal.signal(sig, bye)\n\nwhile True:\n    messages = sqs.receive_message(QueueUrl=QUEUE_URL)\n    handle(messages)\n`,
      errors: [{ messageId: 'exitPython', line: 4 }],
    },
    {
      name: 'sys.exit itself as the handler',
      filename: 'worker.py',
      code: `import signal, sys\n\nsignal.signal(signal.SIGTERM, sys.exit)\nchannel.start_consuming()\n`,
      errors: [{ messageId: 'exitPython', line: 3 }],
    },
    {
      name: 'a method handler of the consumer class',
      filename: 'worker.py',
      code: `import signal, sys\n\nclass Worker:\n    def __init__(self):\n        signal.signal(signal.SIGTERM, self._on_term)\n\n    def _on_term(self, signum, frame):\n        sys.exit(0)\n\n    def run(self):\n        self.channel.start_consuming()\n`,
      errors: [{ messageId: 'exitPython', line: 8 }],
    },
    {
      name: 'server.shutdown() in the handler of the thread running serve_forever deadlocks',
      filename: 'server.py',
      code: `import signal\nfrom http.server import HTTPServer\n\nhttpd = HTTPServer(("", 8000), Handler)\n\ndef on_term(signum, frame):\n    httpd.shutdown()\n\nsignal.signal(signal.SIGTERM, on_term)\nhttpd.serve_forever()\n`,
      errors: [{ messageId: 'shutdownDeadlock', line: 7 }],
    },
    {
      name: 'SIGTERM exits at once while only SIGINT stops the consumer',
      filename: 'worker.py',
      code: `import signal\nimport sys\n\nimport pika\n\nconnection = pika.BlockingConnection()\nchannel = connection.channel()\nstopping = False\n\n\ndef drain(signum, frame):\n    global stopping\n    stopping = True\n\n\ndef stop(signum, frame):\n    sys.exit(0)\n\n\nsignal.signal(signal.SIGINT, drain)\nsignal.signal(signal.SIGTERM, stop)\nchannel.start_consuming()\n`,
      errors: [{ messageId: 'exitPython', line: 17 }],
    },
    {
      name: 'a shutdown scheduled by the SIGTERM handler exits without awaiting the closers',
      filename: 'server.py',
      code: `import asyncio\nimport signal\nimport sys\n\n\nasync def main():\n    server = await asyncio.start_server(handle, "0.0.0.0", 8000)\n    closers = [server.wait_closed()]\n\n    async def stop_now():\n        asyncio.gather(*closers)\n        sys.exit(0)\n\n    loop = asyncio.get_running_loop()\n    loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.create_task(stop_now()))\n    await server.serve_forever()\n`,
      errors: [{ messageId: 'exitPython', line: 12 }],
    },
  ],
});

import check from '../../../checks/port-binding/no-hardcoded-port/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const SERVER_PY = `import uvicorn\nfrom fastapi import FastAPI\n\n\nclass App:\n    def __init__(self, port):\n        self.app = FastAPI()\n        self.port = port\n\n    def run(self):\n        uvicorn.run(self.app, host=\"0.0.0.0\", port=self.port)\n`;

testCheck(check, {
  valid: [
    { filename: 'app.py', code: `import os\nfrom flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))\n` },
    { filename: 'app.py', code: `import os\nimport uvicorn\nuvicorn.run("main:app", host="0.0.0.0", port=int(os.environ["PORT"]))\n` },
    { filename: 'server.py', code: `from os import environ\nPORT = int(environ.get("APP_PORT", "8000"))\nfrom http.server import HTTPServer\nHTTPServer(("", PORT), Handler).serve_forever()\n` },
    { filename: 'main.py', code: `import uvicorn\nfrom settings import config\nuvicorn.run(app, port=config.port)\n` },
    { filename: 'app.py', code: `from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(port=5000)\n`, files: { Procfile: 'web: gunicorn app:app --bind 0.0.0.0:$PORT\n' } },
    { filename: 'app.py', code: `import socketserver\nsocketserver.TCPServer(("", 0), Handler)\n` },
    { filename: 'worker.py', code: `import threading\nt = threading.Thread(target=work)\nt.run()\n` },
    { filename: 'app.py', code: `import uvicorn\nuvicorn.run(app, **settings.server_options)\n` },
    { filename: 'tests/test_app.py', code: `app.run(port=5000)\n` },
    { filename: 'gunicorn.conf.py', code: `import os\nbind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"\nworkers = 4\n` },
    {
      name: 'the port handed to the App class is read from the environment',
      filename: 'main.py',
      code: `import os\nfrom app.server import App\n\nApp(port=int(os.environ["PORT"])).run()\n`,
      files: { 'app/server.py': SERVER_PY },
    },
    {
      name: 'the class serves on the environment port first',
      filename: 'main.py',
      code: `from app.web import Web\n\nWeb(5001).run()\n`,
      files: { 'app/web.py': `import os\nfrom flask import Flask\n\n\nclass Web:\n    def __init__(self, port):\n        self.port = port\n        self.app = Flask(__name__)\n\n    def run(self):\n        self.app.run(port=int(os.environ.get("PORT", self.port)))\n` },
    },
    {
      name: 'a timeout handed to a class, and a client port to redis',
      filename: 'main.py',
      code: `import redis\nfrom app.client import Client\n\nclient = Client(3000)\ncache = redis.Redis(port=6379)\n`,
      files: { 'app/client.py': `class Client:\n    def __init__(self, timeout):\n        self.timeout = timeout\n\n    def run(self):\n        return self.timeout\n` },
    },
    {
      name: 'a port handed on in a test module',
      filename: 'tests/test_server.py',
      code: `from app.server import App\n\nApp(port=8000).run()\n`,
      files: { 'app/server.py': SERVER_PY },
    },
  ],
  invalid: [
    {
      filename: 'app.py',
      code: `import os\nfrom flask import Flask\n\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=5000)\n`,
      errors: [{ messageId: 'literalPython', line: 5, replacement: 'app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))' }],
    },
    {
      filename: 'app.py',
      code: `import os\nfrom flask import Flask\napp = Flask(__name__)\napp.run()\n`,
      errors: [{ messageId: 'defaultPython', line: 4, replacement: 'app.run(port=int(os.environ.get("PORT", 5000)))' }],
    },
    {
      filename: 'main.py',
      code: `import uvicorn\nfrom fastapi import FastAPI\napi = FastAPI()\n\nuvicorn.run(api, host="0.0.0.0")\n`,
      errors: [{ messageId: 'defaultPython', line: 5, replacement: null }],
    },
    {
      filename: 'server.py',
      code: `from http.server import HTTPServer, BaseHTTPRequestHandler\nPORT = 8000\n\nhttpd = HTTPServer(("", PORT), BaseHTTPRequestHandler)\nhttpd.serve_forever()\n`,
      errors: [{ messageId: 'literalPython', line: 4 }],
    },
    {
      filename: 'service.py',
      code: `from aiohttp import web\napp = web.Application()\nweb.run_app(\n    app,\n    port=8080,\n)\n`,
      errors: [{ messageId: 'literalPython', line: 3 }],
    },
    {
      filename: 'grpc_server.py',
      code: `import grpc\nserver = grpc.server(pool)\nserver.add_insecure_port("[::]:50051")\n`,
      errors: [{ messageId: 'literalPython', line: 3 }],
    },
    {
      name: 'a local-run block is a notice',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(debug=True, port=5001)\n`,
      errors: [{ messageId: 'literalPython', line: 5, severity: 'notice' }],
    },
    {
      name: 'the main block of a module the Procfile runs directly is production code',
      filename: 'app.py',
      code: `from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=5000)\n`,
      files: { Procfile: 'web: python app.py\n' },
      errors: [{ messageId: 'literalPython', line: 5, severity: 'error' }],
    },
    {
      name: 'a metrics port is a notice, without a suggestion',
      filename: 'worker.py',
      code: `import os\nfrom prometheus_client import start_http_server\nstart_http_server(9100)\n`,
      errors: [{ messageId: 'literalPython', line: 3, severity: 'notice', replacement: null }],
    },
    {
      filename: 'gunicorn.conf.py',
      code: `workers = 4\nbind = "0.0.0.0:8000"\n`,
      errors: [{ messageId: 'gunicornBind', line: 2 }],
    },
    {
      name: 'App(port=8000).run() where run() calls uvicorn.run(self.app, port=self.port)',
      filename: 'main.py',
      code: `from app.server import App\n\nApp(port=8000).run()\n`,
      files: { 'app/server.py': SERVER_PY },
      errors: [{ messageId: 'literalTravelsPython', line: 3, column: 10, messageIncludes: 'uvicorn (app/server.py, line 11)' }],
    },
    {
      name: 'a constant handed to a function of the same module that runs the Flask app',
      filename: 'run.py',
      code: `import os\nfrom flask import Flask\n\nPORT = 5000\n\n\ndef start(app, port):\n    app.run(host="0.0.0.0", port=port)\n\n\nstart(Flask(__name__), PORT)\n`,
      errors: [{ messageId: 'literalTravelsPython', line: 4, messageIncludes: 'app.run() (this module, line 8)', replacement: 'PORT = int(os.environ.get("PORT", 5000))' }],
    },
    {
      name: 'a port stored by __init__ and bound by HTTPServer in another method, from a local-run block',
      filename: 'serve.py',
      code: `from app import httpd\n\nif __name__ == "__main__":\n    httpd.Server(8080).serve()\n`,
      files: { 'app/httpd.py': `from http.server import HTTPServer, SimpleHTTPRequestHandler\n\n\nclass Server:\n    def __init__(self, port):\n        self.port = int(port)\n\n    def serve(self):\n        HTTPServer(("", self.port), SimpleHTTPRequestHandler).serve_forever()\n` },
      errors: [{ messageId: 'literalTravelsPython', line: 4, severity: 'notice' }],
    },
  ],
});

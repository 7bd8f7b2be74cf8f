import check from '../../../checks/port-binding/no-hardcoded-port/index.ts';
import { testCheck } from '../../support/check-tester.ts';

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
  ],
});

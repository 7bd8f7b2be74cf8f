import check from '../../../checks/logs/no-file-logging/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: 'app.py', code: `import logging\nimport sys\nhandler = logging.StreamHandler(sys.stdout)\nlogging.getLogger().addHandler(handler)\n` },
    { filename: 'app.py', code: `import logging\nlogging.basicConfig(level=logging.INFO, stream=sys.stderr)\n` },
    {
      name: 'dictConfig with an ext://sys.stdout stream',
      filename: 'settings.py',
      code: `LOGGING = {\n    "version": 1,\n    "handlers": {\n        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"},\n    },\n    "root": {"handlers": ["console"], "level": "INFO"},\n}\n`,
    },
    { filename: 'app.py', code: `import logging\nhandler = logging.FileHandler("/dev/stdout")\n` },
    { filename: 'app.py', code: `import sys\nfrom loguru import logger\nlogger.remove()\nlogger.add(sys.stdout, serialize=True)\n` },
    { filename: 'app.py', code: `import structlog\nstructlog.configure(logger_factory=structlog.PrintLoggerFactory())\n` },
    { filename: 'gunicorn.conf.py', code: `accesslog = "-"\nerrorlog = "-"\nworkers = 4\n` },
    { filename: 'gunicorn.conf.py', code: `accesslog = "/dev/stdout"\nerrorlog = "/dev/stderr"\n` },
    { filename: 'app.py', code: `import logging\nimport os\nhandler = logging.FileHandler(os.environ["LOG_FILE"])\n` },
    { name: 'a file that is not a log', filename: 'export.py', code: `import sys\nout = open("report.csv", "w")\nout.write("a,b\\n")\n` },
    { filename: 'tests/test_logging.py', code: `import logging\nlogging.basicConfig(filename="test.log")\n` },
    { filename: 'app.py', code: `import sys\nsys.stdout = sys.__stdout__\n` },
  ],
  invalid: [
    {
      filename: 'app.py',
      code: `import logging\nimport sys\n\nlogger = logging.getLogger(__name__)\nlogger.addHandler(logging.FileHandler("app.log"))\n`,
      errors: [{ messageId: 'fileHandler', line: 5, replacement: 'logger.addHandler(logging.StreamHandler(sys.stdout))' }],
    },
    {
      name: 'no suggestion without sys imported',
      filename: 'app.py',
      code: `import logging\nhandler = logging.FileHandler("app.log", mode="a")\n`,
      errors: [{ messageId: 'fileHandler', line: 2, replacement: null }],
    },
    {
      name: 'RotatingFileHandler under an alias',
      filename: 'app.py',
      code: `import logging\nimport sys\nfrom logging.handlers import RotatingFileHandler as RFH\n\nhandler = RFH("logs/app.log", maxBytes=10_000_000, backupCount=5)\n`,
      errors: [{ messageId: 'fileHandler', line: 5, replacement: 'handler = logging.StreamHandler(sys.stdout)' }],
    },
    {
      filename: 'app.py',
      code: `import logging.handlers\n\nhandler = logging.handlers.TimedRotatingFileHandler(\n    "app.log",\n    when="midnight",\n)\n`,
      errors: [{ messageId: 'fileHandler', line: 3 }],
    },
    {
      filename: 'worker.py',
      code: `from logging import handlers\nh = handlers.WatchedFileHandler("/var/log/worker.log")\n`,
      errors: [{ messageId: 'fileHandler', line: 2 }],
    },
    {
      name: 'basicConfig, at filename=',
      filename: 'app.py',
      code: `import logging\nlogging.basicConfig(\n    level=logging.INFO,\n    filename="service.log",\n)\n`,
      errors: [{ messageId: 'basicConfig', line: 4 }],
    },
    {
      name: 'a Django LOGGING handler, at its "class"',
      filename: 'mysite/settings.py',
      code: `LOGGING = {\n    "version": 1,\n    "handlers": {\n        "file": {\n            "level": "INFO",\n            "class": "logging.handlers.RotatingFileHandler",\n            "filename": BASE_DIR / "logs" / "django.log",\n        },\n    },\n}\n`,
      errors: [{ messageId: 'dictConfig', line: 6 }],
    },
    {
      filename: 'app.py',
      code: `from loguru import logger\n\nlogger.add("logs/app_{time}.log", rotation="500 MB")\n`,
      errors: [{ messageId: 'loguru', line: 3 }],
    },
    {
      filename: 'app.py',
      code: `import sys\nfrom loguru import logger\nlogger.configure(handlers=[\n    {"sink": sys.stdout},\n    {"sink": "app.log", "level": "DEBUG"},\n])\n`,
      errors: [{ messageId: 'loguru', line: 5 }],
    },
    {
      filename: 'app.py',
      code: `import structlog\nstructlog.configure(\n    logger_factory=structlog.WriteLoggerFactory(file=open("app.log", "at")),\n)\n`,
      errors: [{ messageId: 'structlog', line: 3 }],
    },
    {
      filename: 'daemon.py',
      code: `import sys\nsys.stdout = open("/var/log/daemon.out", "a", buffering=1)\n`,
      errors: [{ messageId: 'redirect', line: 2 }],
    },
    {
      filename: 'gunicorn.conf.py',
      code: `bind = "0.0.0.0:8000"\naccesslog = "/var/log/gunicorn/access.log"\nerrorlog = "-"\n`,
      errors: [{ messageId: 'gunicorn', line: 2 }],
    },
  ],
});

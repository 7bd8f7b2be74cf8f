import check from '../../../checks/concurrency/no-pid-file/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'the pid in a log line',
      filename: 'worker.py',
      code: `import logging, os\n\nlogger = logging.getLogger(__name__)\nlogger.info("worker started, pid %s", os.getpid())\n`,
    },
    {
      name: 'the pid in a line of a log file',
      filename: 'worker.py',
      code: `import os\n\nwith open("audit.log", "a") as log:\n    log.write(f"started pid={os.getpid()}\\n")\n`,
    },
    {
      name: 'the pid in a file name',
      filename: 'worker.py',
      code: `import os\n\nwith open(f"/tmp/export-{os.getpid()}.csv", "w") as out:\n    out.write(rows)\n`,
    },
    {
      name: 'a heartbeat file',
      filename: 'worker.py',
      code: `import time\nfrom pathlib import Path\n\nPath("/tmp/heartbeat").write_text(str(time.time()))\n`,
    },
    {
      name: 'reading a pid file',
      filename: 'status.py',
      code: `with open("/var/run/app.pid") as handle:\n    pid = int(handle.read())\n`,
    },
    {
      name: 'the pid printed to stdout',
      filename: 'worker.py',
      code: `import os, sys\n\nsys.stdout.write(str(os.getpid()))\nprint(os.getpid())\n`,
    },
    {
      name: 'gunicorn without a pidfile',
      filename: 'gunicorn.conf.py',
      code: `workers = 4\npidfile = None\n`,
    },
    {
      name: 'pid files in tests are not application code',
      filename: 'tests/test_daemon.py',
      code: `import os\n\nwith open("app.pid", "w") as f:\n    f.write(str(os.getpid()))\n`,
    },
  ],
  invalid: [
    {
      name: 'os.getpid() written into a file, at the write',
      filename: 'server.py',
      code: `import os\n\nPIDFILE = os.environ.get("PIDFILE", "/tmp/server")\nwith open(PIDFILE, "w") as f:\n    f.write(str(os.getpid()))\n`,
      errors: [{ messageId: 'pidWrite', line: 5 }],
    },
    {
      name: 'any write to a *.pid path',
      filename: 'worker.py',
      code: `PID_PATH = "/var/run/worker.pid"\n\ndef main():\n    handle = open(PID_PATH, "w")\n    handle.write(identity())\n`,
      errors: [{ messageId: 'pidWrite', line: 5 }],
    },
    {
      name: 'Path.write_text to a .pid file',
      filename: 'app.py',
      code: `import os\nfrom pathlib import Path\n\nRUN = Path("/run")\n(RUN / "app.pid").write_text(f"{os.getpid()}\\n")\n`,
      errors: [{ messageId: 'pidWrite', line: 5 }],
    },
    {
      name: 'a pid bound to a name, formatted alone',
      filename: 'app.py',
      code: `import os\n\npid = os.getpid()\nwith open(os.path.join(RUN_DIR, "state"), "w") as f:\n    f.write("%d\\n" % pid)\n`,
      errors: [{ messageId: 'pidWrite', line: 5 }],
    },
    {
      name: 'print(..., file=) into an f-string .pid path',
      filename: 'app.py',
      code: `import os\n\nwith open(f"{RUN_DIR}/app.pid", "w") as out:\n    print(os.getpid(), file=out)\n`,
      errors: [{ messageId: 'pidWrite', line: 4 }],
    },
    {
      name: 'gunicorn pidfile',
      filename: 'gunicorn.conf.py',
      code: `workers = 4\npidfile = "/tmp/gunicorn.pid"\n`,
      errors: [{ messageId: 'gunicornPidfile', line: 2 }],
    },
  ],
});

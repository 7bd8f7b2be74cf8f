import check from '../../../checks/concurrency/no-self-daemonize/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a daemon thread',
      filename: 'app.py',
      code: `import threading\n\nthread = threading.Thread(target=refresh_cache, daemon=True)\nthread.start()\n`,
    },
    {
      name: 'a thread marked daemon by attribute',
      filename: 'app.py',
      code: `import threading\n\nthread = threading.Thread(target=flush)\nthread.daemon = True\nthread.start()\n`,
    },
    {
      name: 'a daemon.py module of the repository',
      filename: 'service.py',
      code: `import daemon\n\nwith daemon.DaemonContext():\n    daemon.run()\n`,
      files: { 'daemon.py': `class DaemonContext:\n    pass\n` },
    },
    {
      name: 'a fork whose parent waits for the child',
      filename: 'runner.py',
      code: `import os\n\npid = os.fork()\nif pid == 0:\n    run_job()\n    os._exit(0)\nelse:\n    os.waitpid(pid, 0)\n`,
    },
    {
      name: 'a subprocess of another program in a new session',
      filename: 'app.py',
      code: `import subprocess, sys\n\nsubprocess.Popen([sys.executable, "-m", "http.server"], start_new_session=True)\n`,
    },
    {
      name: 'the program re-run in the foreground',
      filename: 'reloader.py',
      code: `import subprocess, sys\n\nsubprocess.run([sys.executable, __file__, "--child"], check=True)\n`,
    },
    {
      name: 'gunicorn in the foreground',
      filename: 'gunicorn.conf.py',
      code: `workers = 4\ndaemon = False\n`,
    },
  ],
  invalid: [
    {
      name: 'python-daemon DaemonContext, at its with line',
      filename: 'service.py',
      code: `import daemon\n\ndef main():\n    with daemon.DaemonContext(working_directory="/srv"):\n        serve()\n`,
      errors: [{ messageId: 'daemonPackage', line: 4 }],
    },
    {
      name: 'a DaemonContext bound to a name, entered later',
      filename: 'service.py',
      code: `from daemon import DaemonContext\n\ncontext = DaemonContext(umask=0o002)\n\nwith context:\n    serve()\n`,
      errors: [{ messageId: 'daemonPackage', line: 5 }],
    },
    {
      name: 'the daemonize package',
      filename: 'service.py',
      code: `from daemonize import Daemonize\n\ndaemon = Daemonize(app="api", pid="/tmp/api.pid", action=main)\ndaemon.start()\n`,
      errors: [{ messageId: 'daemonPackage', line: 3 }],
    },
    {
      name: 'the classic double fork reports the first fork',
      filename: 'service.py',
      code: `import os, sys\n\ndef daemonize():\n    if os.fork() > 0:\n        sys.exit(0)\n    os.setsid()\n    pid = os.fork()\n    if pid:\n        os._exit(0)\n`,
      errors: [{ messageId: 'forkDetach', line: 4 }],
    },
    {
      name: 'a fork whose child starts a new session',
      filename: 'service.py',
      code: `import os\n\npid = os.fork()\nif pid == 0:\n    os.setsid()\n    serve()\n`,
      errors: [{ messageId: 'forkDetach', line: 3 }],
    },
    {
      name: 'the program re-spawned in a new session',
      filename: 'cli.py',
      code: `import os, subprocess, sys\n\nif "--background" in sys.argv:\n    subprocess.Popen([sys.executable, __file__], preexec_fn=os.setsid)\n    sys.exit(0)\n`,
      errors: [{ messageId: 'detachedSelfPython', line: 4 }],
    },
    {
      name: 'gunicorn daemon = True',
      filename: 'gunicorn.conf.py',
      code: `bind = "0.0.0.0:" + PORT\ndaemon = True\n`,
      errors: [{ messageId: 'gunicornDaemon', line: 2 }],
    },
  ],
});

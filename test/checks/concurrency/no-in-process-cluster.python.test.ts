import check from '../../../checks/concurrency/no-in-process-cluster/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'gunicorn workers are the server\'s own formation',
      filename: 'gunicorn.conf.py',
      code: `import multiprocessing\n\nworkers = multiprocessing.cpu_count() * 2 + 1\n`,
    },
    {
      name: 'uvicorn workers',
      filename: 'main.py',
      code: `import uvicorn\n\nuvicorn.run("app:app", workers=4)\n`,
    },
    {
      name: 'a CPU pool inside a task',
      filename: 'tasks.py',
      code: `from multiprocessing import Pool\n\n@app.task\ndef resize_all(paths):\n    with Pool(4) as pool:\n        return pool.map(resize, paths)\n`,
    },
    {
      name: 'CPU processes started in a loop inside a request',
      filename: 'views.py',
      code: `from multiprocessing import Process\n\ndef crunch(chunk):\n    return sum(chunk)\n\ndef report(request):\n    jobs = [Process(target=crunch, args=(chunk,)) for chunk in chunks(request)]\n    for job in jobs:\n        job.start()\n`,
    },
    {
      name: 'one consumer process, not in a loop',
      filename: 'main.py',
      code: `from multiprocessing import Process\n\ndef consume():\n    channel.start_consuming()\n\nProcess(target=consume).start()\nserve_web()\n`,
    },
    {
      name: 'forks in a loop running batch jobs',
      filename: 'batch.py',
      code: `import os\n\nfor part in range(4):\n    if os.fork() == 0:\n        export(part)\n        os._exit(0)\n`,
    },
  ],
  invalid: [
    {
      name: 'multiprocessing.Process starting N consumers',
      filename: 'workers.py',
      code: `import multiprocessing\n\ndef consume():\n    channel.start_consuming()\n\nfor _ in range(int(os.environ["CONCURRENCY"])):\n    multiprocessing.Process(target=consume).start()\n`,
      errors: [{ messageId: 'processLoop', line: 7, severity: 'notice' }],
    },
    {
      name: 'Process targets serve_forever directly, in a comprehension',
      filename: 'server.py',
      code: `from multiprocessing import Process\n\nprocesses = [Process(target=httpd.serve_forever) for _ in range(4)]\n`,
      errors: [{ messageId: 'processLoop', line: 3 }],
    },
    {
      name: 'os.fork() in a loop, the children serving through a helper',
      filename: 'prefork.py',
      code: `import os\n\ndef serve():\n    httpd.serve_forever()\n\ndef main():\n    for _ in range(WORKERS):\n        pid = os.fork()\n        if pid == 0:\n            serve()\n            os._exit(0)\n`,
      errors: [{ messageId: 'processLoop', line: 8 }],
    },
  ],
});

import check from '../../../checks/concurrency/no-in-process-cluster/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'child_process.fork of a worker script',
      code: `import { fork } from 'node:child_process';\nconst worker = fork('./worker.js');`,
    },
    {
      name: 'setupPrimary is not reported',
      code: `import cluster from 'node:cluster';\ncluster.setupPrimary({ exec: 'worker.js' });\ncluster.setupMaster({ silent: true });`,
    },
    {
      name: 'a fork method on something else',
      code: `import cluster from 'node:cluster';\nconst repo = await github.fork('owner/name');\nconst copy = branch.fork();`,
    },
    {
      name: 'reading cluster state only',
      code: `const cluster = require('cluster');\nif (cluster.isWorker) logger.info({ id: cluster.worker?.id });`,
      filename: 'src/log.js',
    },
    {
      name: 'fork without any cluster import',
      code: `const cluster = makeCluster();\ncluster.fork();`,
    },
    {
      name: 'test code is exempt',
      filename: 'test/cluster.test.ts',
      code: `import cluster from 'node:cluster';\ncluster.fork();`,
    },
  ],
  invalid: [
    {
      code: `import cluster from 'node:cluster';\nimport os from 'node:os';\nif (cluster.isPrimary) {\n  for (let i = 0; i < os.availableParallelism(); i++) cluster.fork();\n}`,
      errors: [{ messageId: 'clusterFork', line: 4, column: 55 }],
    },
    {
      name: 'require and respawning on exit',
      code: `const cluster = require('cluster');\ncluster.on('exit', () => {\n  cluster.fork({ ROLE: 'web' });\n});`,
      filename: 'src/cluster.js',
      errors: [{ messageId: 'clusterFork', line: 3 }],
    },
    {
      name: 'named fork import from cluster',
      code: `import { fork, isPrimary } from 'cluster';\nif (isPrimary) fork();`,
      errors: [{ messageId: 'clusterFork', line: 2 }],
    },
    {
      name: 'inline require',
      code: `if (process.env.WEB_CONCURRENCY) require('node:cluster').fork();`,
      filename: 'src/start.cjs',
      errors: [{ messageId: 'clusterFork', line: 1 }],
    },
  ],
});

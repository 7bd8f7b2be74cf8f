'use strict';

const http = require('node:http');
const { notifications, connection, required } = require('./queue');

const port = Number(required('PORT'));

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/notifications') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    notifications
      .add('send', JSON.parse(body), { attempts: 5, backoff: { type: 'exponential', delay: 1000 } })
      .then((job) => res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: job.id })))
      .catch(() => res.writeHead(503).end());
  });
});

server.listen(port, () => console.log(JSON.stringify({ msg: 'notifications listening', port })));

function shutdown() {
  server.close(async () => {
    await notifications.close();
    await connection.quit();
    process.exit(0);
  });
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

'use strict';

// Run by the daily-digest CronJob: one pass over yesterday's notifications, then exit.
const { notifications, connection } = require('./queue');

async function main() {
  const since = Date.now() - 24 * 60 * 60 * 1000;
  const completed = await notifications.getJobs(['completed'], 0, 1000);
  const sent = completed.filter((job) => job.finishedOn >= since).length;
  console.log(JSON.stringify({ msg: 'daily digest', sent }));
  await notifications.close();
  await connection.quit();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

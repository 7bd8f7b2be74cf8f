import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { render } from 'report-templates';
import { logger, requireEnv } from '../connection.js';

const pool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 4 });

const REPORT_QUERIES = {
  'daily-signups': 'SELECT date_trunc(\'day\', created_at) AS day, count(*) FROM accounts WHERE created_at > now() - interval \'1 day\' GROUP BY 1',
  'daily-revenue': 'SELECT currency, sum(amount_minor) FROM payments WHERE paid_at > now() - interval \'1 day\' GROUP BY 1',
};

export async function nightlyReport(job) {
  const sql = REPORT_QUERIES[job.data.report];
  if (!sql) throw new Error(`unknown report ${job.data.report}`);
  const { rows } = await pool.query(sql);
  await job.updateProgress(50);

  // Keep a snapshot of the source tables next to each report.
  execFileSync('pg_dump', ['--data-only', '--table=payments', '--file', `/tmp/${job.id}.sql`, requireEnv('DATABASE_URL')]);

  const response = await fetch(requireEnv('REPORT_WEBHOOK_URL'), {
    method: 'POST',
    headers: { 'content-type': 'text/html' },
    body: render(job.data.report, rows),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);

  fs.appendFileSync('/var/log/report-worker/reports.log', `${new Date().toISOString()} ${job.data.report} ${rows.length}\n`);
  logger.info({ jobId: job.id, report: job.data.report, rows: rows.length }, 'report delivered');
  return { rows: rows.length };
}

export function closePool() {
  return pool.end();
}

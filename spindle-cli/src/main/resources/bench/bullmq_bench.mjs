// BullMQ's side of cluster.noop_tasks_per_s: N no-op jobs added in bulk by one client, run by
// 2 workers of concurrency 50 (node processes of their own), timed from the first add until
// every job has completed. Usage: node bullmq_bench.mjs PORT JOBS
import { fork } from 'node:child_process';
import { Queue, QueueEvents } from 'bullmq';

const [port, jobs] = [Number(process.argv[2]), Number(process.argv[3])];
const connection = { host: '127.0.0.1', port };

if (process.argv[4] === 'worker') {
  const { Worker } = await import('bullmq');
  new Worker('noop', async () => null, { connection, concurrency: 50 });
} else {
  const queue = new Queue('noop', { connection });
  await queue.obliterate({ force: true });
  const events = new QueueEvents('noop', { connection });
  await events.waitUntilReady();
  const workers = [0, 1].map(() => fork(new URL(import.meta.url).pathname, [String(port), String(jobs), 'worker']));
  let completed = 0;
  const done = new Promise((resolve) => events.on('completed', () => { if (++completed === jobs) resolve(); }));
  const started = process.hrtime.bigint();
  for (let i = 0; i < jobs; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(jobs, i + 1000); j++) batch.push({ name: 'noop', data: {}, opts: { removeOnComplete: true } });
    await queue.addBulk(batch);
  }
  await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log((jobs / seconds).toFixed(1));
  workers.forEach((w) => w.kill());
  await events.close();
  await queue.close();
  process.exit(0);
}

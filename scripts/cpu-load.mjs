// A second process that keeps one core busy, for the "loaded machine" half of the benchmarks. Bounded in time: the
// child stops itself after `maxMs` even if the bench that started it dies, and `stop()` ends it at once.
import { spawn } from 'node:child_process';

/** Starts the load; resolves once the child is spinning. */
export async function startCpuLoad(maxMs = 120_000) {
  const child = spawn(
    process.execPath,
    ['-e', `const end = Date.now() + ${Math.round(maxMs)}; while (Date.now() < end) {}`],
    { stdio: 'ignore' },
  );
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return {
    stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Runs `task` with and without the load; the load never outlives the task. */
export async function withCpuLoad(task, maxMs) {
  const load = await startCpuLoad(maxMs);
  try {
    return await task();
  } finally {
    load.stop();
  }
}

/**
 * Runs long-lived child processes (dev servers) each in its own process group,
 * so stopping one also stops everything it started: `npx` and decap-server
 * otherwise leave orphaned node processes behind.
 */
import { spawn } from 'node:child_process';

/**
 * Starts the commands together. Ctrl-C (SIGINT), SIGTERM and SIGHUP are
 * forwarded to every group; when one command exits, the others are stopped
 * and this process exits with the first one's code.
 */
export function runTogether(commands) {
  const children = commands.map(({ name, command, args = [], env = {}, cwd }) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: 'inherit',
      detached: true,
    });
    child.on('error', (error) => {
      console.error(`[${name}] could not start: ${error.message}`);
      stopAll('SIGTERM');
      process.exitCode = 1;
    });
    return { name, child };
  });

  let stopping = false;
  const alive = () => children.filter(({ child }) => child.exitCode === null && child.signalCode === null && child.pid);

  function stopAll(signal) {
    for (const { child } of alive()) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    }
  }

  function shutdown(signal, code) {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    stopAll(signal);
    // A server that ignores SIGTERM for five seconds is killed outright.
    setTimeout(() => stopAll('SIGKILL'), 5000).unref();
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => shutdown(signal, 0));
  }
  for (const { name, child } of children) {
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`[${name}] exited (${signal ?? `code ${code}`}); stopping the others`);
        shutdown('SIGTERM', code ?? 1);
      }
    });
  }
  process.on('exit', () => stopAll('SIGKILL'));
}

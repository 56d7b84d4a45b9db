/**
 * Wall time, CPU time and peak memory of a child process and everything it
 * starts (image workers, the search indexer's binary), read from Linux /proc
 * so it needs neither GNU time nor a native module.
 *
 * CPU: the kernel adds the user and system time of every child a process
 * waits for (and of the children those waited for) to the parent's `cutime`
 * and `cstime` in /proc/self/stat. Node always waits for its children, so the
 * difference across one build is the CPU of the whole build tree, exactly.
 *
 * Memory: no kernel counter holds the peak of a tree, so the tree is sampled.
 * Each sample sums the resident memory (VmRSS) of every live process in it;
 * each process's own high-water mark (VmHWM) is exact and is kept too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  exitCode: number | null;
  /** stdout and stderr, interleaved as written. */
  output: string;
  wallSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  /** Highest sampled sum of resident memory over the process tree. */
  peakTreeRssBytes: number;
  /** When that sample was taken, in seconds after the start: which phase of the build holds the peak. */
  peakTreeAtSeconds: number;
  /** High-water mark of the largest single process, exact. */
  peakProcessRssBytes: number;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  sampleMs?: number;
}

/** /proc reports times in USER_HZ, which Linux fixes at 100 for user space on every architecture. */
const USER_HZ = 100;

function childTimes(): { user: number; system: number } {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which may itself contain spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the line; `fields` starts at field 3.
  return { user: Number(fields[13]) / USER_HZ, system: Number(fields[14]) / USER_HZ };
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The pid and all its live descendants. */
function processTree(root: number): number[] {
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    found.push(pid);
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      for (const child of readOrEmpty(`/proc/${pid}/task/${task}/children`).split(' ')) {
        if (child.trim()) queue.push(Number(child));
      }
    }
  }
  return found;
}

function statusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

/** Runs `command` to completion and measures it and its descendants. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<Measured> {
  if (!fs.existsSync('/proc/self/stat')) throw new Error('The benchmark reads /proc and runs on Linux only');
  return new Promise((resolve, reject) => {
    const before = childTimes();
    const started = performance.now();
    // A file, not a pipe: through a pipe, Astro's log sometimes lost its tail (exit code 0, thousands of lines missing at 15,000 pages).
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'measured-'));
    const logFile = path.join(logDir, 'output.log');
    const log = fs.openSync(logFile, 'w');
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const readOutput = () => {
      const output = fs.readFileSync(logFile, 'utf8');
      fs.rmSync(logDir, { recursive: true, force: true });
      return output;
    };
    let peakTree = 0;
    let peakTreeAt = 0;
    let peakProcess = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      let tree = 0;
      for (const pid of processTree(child.pid)) {
        const status = readOrEmpty(`/proc/${pid}/status`);
        tree += statusKb(status, 'VmRSS') * 1024;
        peakProcess = Math.max(peakProcess, statusKb(status, 'VmHWM') * 1024);
      }
      if (tree > peakTree) {
        peakTree = tree;
        peakTreeAt = (performance.now() - started) / 1000;
      }
    };
    const timer = setInterval(sample, options.sampleMs ?? 200);
    // A child that cannot start emits 'error' and then 'close', which tidies the log file away.
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      const after = childTimes();
      resolve({
        exitCode,
        output: readOutput(),
        wallSeconds,
        userSeconds: after.user - before.user,
        systemSeconds: after.system - before.system,
        peakTreeRssBytes: Math.max(peakTree, peakProcess),
        peakTreeAtSeconds: peakTreeAt,
        peakProcessRssBytes: peakProcess,
      });
    });
  });
}

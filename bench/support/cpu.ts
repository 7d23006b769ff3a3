import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent so far (ms), as Linux accounts it in /proc: this process's main thread, its other
 * threads (libuv's pool, where argon2 hashes, and V8's helpers), and every Postgres and Redis
 * process on the machine. Undefined where /proc cannot be read.
 */
export interface CpuSpent {
  mainThread: number;
  otherThreads: number;
  postgres: number;
  redis: number;
}

/** utime + stime of a /proc `stat` line, in ms, and the command name it gives. */
function parseStat(stat: string): { name: string; ms: number } {
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5), in clock ticks: 100 per second on every Linux build Node runs on.
  return { name, ms: (Number(fields[11]) + Number(fields[12])) * 10 };
}

function readStat(path: string): { name: string; ms: number } | undefined {
  try {
    return parseStat(readFileSync(path, 'utf8'));
  } catch {
    // A process or thread that ended between the listing and the read.
    return undefined;
  }
}

export function cpuSpent(): CpuSpent | undefined {
  try {
    const spent: CpuSpent = { mainThread: 0, otherThreads: 0, postgres: 0, redis: 0 };
    for (const tid of readdirSync('/proc/self/task')) {
      const ms = readStat(`/proc/self/task/${tid}/stat`)?.ms ?? 0;
      if (Number(tid) === process.pid) spent.mainThread += ms;
      else spent.otherThreads += ms;
    }
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      const stat = readStat(`/proc/${pid}/stat`);
      if (stat?.name.startsWith('postgres')) spent.postgres += stat.ms;
      else if (stat?.name.startsWith('redis')) spent.redis += stat.ms;
    }
    return spent;
  } catch {
    return undefined;
  }
}

/** What was spent between two readings, per `count` (e.g. per claim). */
export function cpuPer(before: CpuSpent, after: CpuSpent, count: number): CpuSpent {
  return {
    mainThread: (after.mainThread - before.mainThread) / count,
    otherThreads: (after.otherThreads - before.otherThreads) / count,
    postgres: (after.postgres - before.postgres) / count,
    redis: (after.redis - before.redis) / count,
  };
}

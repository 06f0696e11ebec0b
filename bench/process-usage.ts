// What a server process uses, read from /proc (Linux): its memory, and the CPU time of all its
// threads (the garbage collector's helpers too).
import { readdirSync, readFileSync } from "node:fs";

export const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024);

/** Clock ticks per second in /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * A process's CPU time, user and system, in ms, from its /proc/<pid>/stat line; with `reaped`,
 * also that of the children it has waited for (a postmaster's backends that have exited).
 */
function cpuMsOfStat(stat: string, reaped = false): number {
  // After the command's name in parentheses: state, then 10 fields, then utime, stime, cutime and cstime.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU time the process has used so far, user and system, in ms. */
export const cpuMs = (pid: number) => cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, "utf8"));

/**
 * CPU time every running process named `name` has used so far, with their exited children's, in
 * ms: a backend that exits during a run moves its time into its postmaster's, not out of the sum.
 */
function cpuMsOfAll(name: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === name) total += cpuMsOfStat(stat, true);
  }
  return total;
}

/**
 * CPU time PostgreSQL's processes have used so far, in ms: its backends, with what they spend
 * outside their statements' execution (binding, starting the executor, committing), and its
 * background workers (the WAL writer, autovacuum). Every cluster on the machine counts: the
 * bench's, and the idle ones beside it.
 */
export const databaseCpuMs = () => cpuMsOfAll("postgres");

/**
 * CPU time the machine's cores have been busy so far, in ms: every process's, the kernel's, and
 * the time the hypervisor gave to other machines (steal).
 */
function machineBusyMs(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

/**
 * Measures, from now, the CPU that went to neither the measured server (`pid`), the bench nor
 * PostgreSQL: other processes (the idle servers too) and the hypervisor. A run it took a share
 * of a core from measured a machine that was not all the bench's. `stop` gives that share.
 */
export function otherCpu(pid: number): { stop(): number } {
  const accounted = () => {
    const bench = process.cpuUsage();
    return cpuMs(pid) + databaseCpuMs() + (bench.user + bench.system) / 1000;
  };
  const started = performance.now();
  const before = machineBusyMs() - accounted();
  return {
    stop: () => Math.max(0, machineBusyMs() - accounted() - before) / (performance.now() - started),
  };
}

/** A run's use per request, in ms to the microsecond. */
export const msPerRequest = (ms: number, requests: number) =>
  requests ? Math.round((ms / requests) * 1000) / 1000 : 0;

// What a server process uses, read from /proc (Linux): its memory, and the CPU time of all its
// threads (the garbage collector's helpers too).
import { readFileSync } from "node:fs";

export const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024);

/** Clock ticks per second in /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time the process has used so far, user and system, in ms. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // After the command's name in parentheses: state, then 10 fields, then utime and stime.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** A run's use per request, in ms to the microsecond. */
export const msPerRequest = (ms: number, requests: number) =>
  requests ? Math.round((ms / requests) * 1000) / 1000 : 0;

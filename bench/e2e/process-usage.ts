// CPU seconds and peak memory by process, read from /proc: which process did the work of a run
// (the service, PostgreSQL's backends, Redis, Dovecot's imap processes, this benchmark).
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // Linux USER_HZ

export interface ProcessSample {
  pid: number;
  name: string;
  /** The command line as the process shows it (a PostgreSQL backend names its database there). */
  title: string;
  cpuSeconds: number;
  /** Of cpuSeconds, the time in the kernel (system calls: every loopback round trip). */
  systemSeconds: number;
  /** CPU of its children that have exited and been waited for (PostgreSQL's retired backends). */
  reapedSeconds: number;
  reapedSystemSeconds: number;
}

function readProcess(pid: number): ProcessSample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat; fields[] starts at field 3.
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return {
      pid,
      name,
      title,
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      systemSeconds: Number(fields[12]) / TICKS_PER_SECOND,
      // cutime and cstime, fields 16 and 17.
      reapedSeconds: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
      reapedSystemSeconds: Number(fields[14]) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined; // gone between the listing and the read
  }
}

export function sampleProcesses(): Map<number, ProcessSample> {
  const samples = new Map<number, ProcessSample>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const sample = readProcess(Number(entry));
    if (sample) samples.set(sample.pid, sample);
  }
  return samples;
}

/**
 * CPU seconds spent between two samples, summed by a label (processes born in between count whole).
 * A process that exited in between is not in `after`: its CPU counts under `reapedLabel` of its
 * parent, which waited for it (PostgreSQL's postmaster for the backends the service's pool retired).
 */
export function cpuBetween(
  before: Map<number, ProcessSample>,
  after: Map<number, ProcessSample>,
  label: (sample: ProcessSample) => string | undefined,
  reapedLabel: (sample: ProcessSample) => string | undefined = () => undefined,
): Map<string, { cpu: number; system: number }> {
  const totals = new Map<string, { cpu: number; system: number }>();
  const add = (name: string, cpu: number, system: number) => {
    const total = totals.get(name) ?? { cpu: 0, system: 0 };
    total.cpu += cpu;
    total.system += system;
    totals.set(name, total);
  };
  for (const sample of after.values()) {
    const earlier = before.get(sample.pid);
    const name = label(sample);
    if (name)
      add(name, sample.cpuSeconds - (earlier?.cpuSeconds ?? 0), sample.systemSeconds - (earlier?.systemSeconds ?? 0));
    const parentOf = reapedLabel(sample);
    if (parentOf)
      add(
        parentOf,
        sample.reapedSeconds - (earlier?.reapedSeconds ?? 0),
        sample.reapedSystemSeconds - (earlier?.reapedSystemSeconds ?? 0),
      );
  }
  return totals;
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** The largest peak resident memory among the processes of each label (a PostgreSQL backend, Dovecot's imap). */
export function peakMemoryByLabel(
  samples: Map<number, ProcessSample>,
  label: (sample: ProcessSample) => string | undefined,
): Map<string, number> {
  const peaks = new Map<string, number>();
  for (const sample of samples.values()) {
    const name = label(sample);
    if (!name) continue;
    try {
      const peak = peakMemoryMiB(sample.pid);
      if (Number.isFinite(peak)) peaks.set(name, Math.max(peaks.get(name) ?? 0, peak));
    } catch {
      // gone since the sample
    }
  }
  return peaks;
}

"""Times the phases of CLI calls; run by scripts/measure-phases, which sets up the box.

    python3 phase_report.py WORK RUNS [LABEL=]CLI[,[LABEL=]CLI...] -- ARGS... [-- ARGS...]

For each command line (ARGS, run in WORK/project), RUNS paired runs alternate a plain call and a
call with phase timing on (with two CLIs, say a baseline build and this one, each run calls both in
turn, so both see the same load) (-Dmegaplan.cloud.timing=true: the CLI and SDK write `t=<nanoTime>
<phase>` lines on stderr, see PhaseLog), then one more timed call also logs the JVM's class
loading and start-up (-Xlog:class+load,startuptime with the timenanos decoration, the same clock as
System.nanoTime() and as time.monotonic_ns() here). The box's shims (WORK/shim) append one line per
remote call to WORK/remote-times: `docker START END EXIT` around each `docker exec` the sshd session
runs, `megaplan START END EXIT SUBCOMMAND` around each launcher call, in $EPOCHREALTIME seconds.

Prints, per command: the wall time with timing off and on (median, min-max), then the timeline of
one call, each interval from the previous mark to this one (median and min-max over the timed runs)
with the classes loaded in it (from the class-loading run: from the CDS archive / elsewhere).
"""

import os
import re
import resource
import statistics
import subprocess
import sys
import time

MARK = re.compile(r"t=(\d+) (\S+)(?: (.*))?$")
XLOG = re.compile(r"^\[(\d+)ns\]\[([a-z,+]+)\s*\] (.*)$")


def run(work, cli, args, timing, xlog=None):
    """One call: returns (wall_ns, events, exit status); events are (t, name, detail)."""
    env = dict(os.environ)
    opts = env.get("JDK_JAVA_OPTIONS", "")
    if timing:
        opts += " -Dmegaplan.cloud.timing=true"
    if xlog:
        opts += " -Xlog:class+load,startuptime:file=%s:tn,tags" % xlog
    env["JDK_JAVA_OPTIONS"] = opts.strip()
    times = os.path.join(work, "remote-times")
    open(times, "w").close()
    offset = time.time_ns() - time.monotonic_ns()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic_ns()
    proc = subprocess.run(
        [cli] + args,
        cwd=os.path.join(work, "project"),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    end = time.monotonic_ns()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = int((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1e9)
    events = [(start, "launch", "")]
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        m = MARK.search(line)
        if m and "dev.megaplan.cloud.timing" in line:
            events.append((int(m.group(1)), m.group(2), m.group(3) or ""))
    for line in open(times):
        parts = line.split()
        if len(parts) < 4:
            continue
        kind = parts[0]
        t0 = int(float(parts[1]) * 1e9) - offset
        t1 = int(float(parts[2]) * 1e9) - offset
        what = "megaplan " + parts[4] if kind == "megaplan" and len(parts) > 4 else kind
        events.append((t0, "remote." + kind + ".start", what))
        events.append((t1, "remote." + kind + ".end", "exit " + parts[3]))
    events.append((end, "process.exited", "exit %d" % proc.returncode))
    events.sort(key=lambda e: e[0])
    return end - start, cpu, events, proc.returncode


def keyed(events):
    """Names each event by its name and occurrence, so runs line up even if one differs."""
    seen = {}
    out = []
    for t, name, detail in events:
        seen[name] = seen.get(name, 0) + 1
        out.append(((name, seen[name]), t, detail))
    return out


def xlog_classes(path):
    """(t, source) of every class loaded, and the start-up lines, from an -Xlog file."""
    classes, startup = [], []
    if not os.path.exists(path):
        return classes, startup
    for line in open(path, errors="replace"):
        m = XLOG.match(line.rstrip("\n"))
        if not m:
            continue
        t, tags, text = int(m.group(1)), m.group(2), m.group(3)
        if tags == "class,load":
            src = text.split(" source: ", 1)[1] if " source: " in text else "?"
            cds = src.startswith("shared objects file")
            classes.append((t, "cds" if cds else "other"))
        elif tags == "startuptime":
            startup.append((t, text))
    return classes, startup


def ms(ns):
    return ns / 1e6


def fmt_stats(values):
    if not values:
        return "%8s  %-15s" % ("-", "")
    med = statistics.median(values)
    return "%8.1f  %-15s" % (ms(med), "%.1f-%.1f" % (ms(min(values)), ms(max(values))))


def pair(work, cli, args):
    """One plain call and one timed call: (plain wall, plain CPU, timed wall, timeline, exit)."""
    plain, cpu, _, _ = run(work, cli, args, timing=False)
    timed, _, events, rc = run(work, cli, args, timing=True)
    return plain, cpu, timed, keyed(events), rc


def print_report(work, label, cli, args, plain, cpu, timed, timelines, rc):
    xlog = os.path.join(work, "xlog.txt")
    if os.path.exists(xlog):
        os.remove(xlog)
    _, _, xevents, _ = run(work, cli, args, timing=True, xlog=xlog)
    classes, startup = xlog_classes(xlog)
    print("== %s  [%s]  (exit %d)" % (" ".join(args), label, rc))
    print("wall, timing off:  %s ms  (%d runs)" % (fmt_stats(plain).strip(), len(plain)))
    print("CPU of the CLI process (user+sys, timing off): %s ms" % fmt_stats(cpu).strip())
    print("wall, timing on:   %s ms  (the same runs, paired)" % fmt_stats(timed).strip())
    reference = timelines[len(timelines) // 2]
    durations = {}
    for timeline in timelines:
        for i in range(1, len(timeline)):
            durations.setdefault(timeline[i][0], []).append(timeline[i][1] - timeline[i - 1][1])
    xkeyed = keyed(xevents)
    windows = {}
    for i in range(1, len(xkeyed)):
        lo, hi = xkeyed[i - 1][1], xkeyed[i][1]
        inside = [src for t, src in classes if lo <= t < hi]
        windows[xkeyed[i][0]] = (inside.count("cds"), inside.count("other"))
    print("%-44s %8s  %-15s %s" % ("interval ending at the mark", "median", "min-max ms", "classes cds/other, detail"))
    for i in range(1, len(reference)):
        key, _, detail = reference[i]
        name = key[0] if key[1] == 1 else "%s #%d" % key
        counts = windows.get(key)
        cls = "%4d/%-4d" % counts if counts else "    -    "
        print("%-44s %s %s %s" % (name, fmt_stats(durations.get(key, [])), cls, detail))
    total_cds = sum(1 for _, s in classes if s == "cds")
    print(
        "classes loaded in the -Xlog run: %d (%d from the CDS archive, %d elsewhere)"
        % (len(classes), total_cds, len(classes) - total_cds)
    )
    if classes:
        print("  first class loaded %.1f ms after launch" % ms(classes[0][0] - xevents[0][0]))
    for t, text in startup:
        if text.startswith("Create VM"):
            print("  JVM start-up (-Xlog:startuptime): %s, done %.1f ms after launch" % (text, ms(t - xevents[0][0])))
    print()


def report(work, clis, args, runs):
    results = {label: ([], [], [], [], [0]) for label, _ in clis}
    for _ in range(runs):
        for label, cli in clis:  # alternate, so every CLI sees the same load
            plain, cpu, timed, timeline, rc = pair(work, cli, args)
            acc = results[label]
            acc[0].append(plain)
            acc[1].append(cpu)
            acc[2].append(timed)
            acc[3].append(timeline)
            acc[4][0] = rc
    for label, cli in clis:
        plain, cpu, timed, timelines, rc = results[label]
        print_report(work, label, cli, args, plain, cpu, timed, timelines, rc[0])
    if len(clis) > 1:
        print("paired medians, timing off: " + ", ".join(
            "%s wall %.1f ms, CPU %.1f ms" % (
                label, ms(statistics.median(results[label][0])), ms(statistics.median(results[label][1])))
            for label, _ in clis))
        print()


def main():
    work, runs = sys.argv[1], int(sys.argv[2])
    clis = []
    for item in sys.argv[3].split(","):
        label, _, path = item.rpartition("=")
        clis.append((label or ("cli" if not clis else "cli%d" % (len(clis) + 1)), path))
    rest = sys.argv[4:]
    commands, current = [], None
    for arg in rest:
        if arg == "--":
            current = []
            commands.append(current)
        else:
            current.append(arg)
    for args in commands:
        report(work, clis, args, runs)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""dicomreg's benchmark: start-up, shell latency, requests and memory, paired with the Azure CLI.

Usage (from anywhere; builds dicomreg through ./dicomreg when needed):

    python3 src/bench/bench.py [--runs N] [--shell-commands N] [--markdown]

Every one-shot figure is the median of N runs through the ./dicomreg launcher, each run paired with
one run of the yardstick `az ad app create --help` (the order alternates), so that both see the same
machine at the same moment. Without the Azure CLI (apt-get install azure-cli) it says so and gives
dicomreg's own figures only. See docs/performance.md for what each line measures.
"""

import argparse
import fcntl
import os
import platform
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LAUNCHER = os.path.join(ROOT, "dicomreg")
TUTORIAL = os.path.join(ROOT, "src", "bench", "tutorial.dicomreg")
YARDSTICK = ["az", "ad", "app", "create", "--help"]
PROMPT = re.compile(rb"dicomreg sandbox[^\r\n>]*> ")  # with tenant, user and app when known
REQUESTS = re.compile(r"Requests: (\d+) to Microsoft Graph, (\d+) to Azure Resource Manager, (\d+) for tokens\.")


class Timed:
    """One finished process: wall and CPU seconds, peak RSS in MiB, exit status and output."""

    def __init__(self, wall, cpu, rss_mib, status, out, err):
        self.wall, self.cpu, self.rss_mib, self.status, self.out, self.err = wall, cpu, rss_mib, status, out, err


def run(command, env, cwd):
    """Runs a command to its end and measures it (its rusage, with that of the processes it waited for)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Timed(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode,
                     out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def checked(command, env, cwd):
    result = run(command, env, cwd)
    if result.status != 0:
        sys.exit("benchmark: %s failed (exit %d):\n%s%s" % (" ".join(command), result.status, result.out, result.err))
    return result


def paired(label, command, env, cwd, runs, with_az):
    """Medians of `runs` runs of command, each paired with a run of the yardstick when it is there."""
    ours, theirs = [], []
    for index in range(runs):
        order = [True, False] if index % 2 == 0 else [False, True]
        for mine in order:
            if mine:
                ours.append(checked(command, env, cwd))
            elif with_az:
                theirs.append(checked(YARDSTICK, env, cwd))
    return {
        "label": label,
        "wall": statistics.median(r.wall for r in ours),
        "cpu": statistics.median(r.cpu for r in ours),
        "rss": max(r.rss_mib for r in ours),
        "az": statistics.median(r.wall for r in theirs) if theirs else None,
    }


class Shell:
    """The interactive shell on a pseudo-terminal, as a person starts it."""

    def __init__(self, command, env, cwd):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a terminal's size
        self.start = time.perf_counter()
        self.process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                        start_new_session=True)
        os.close(slave)
        self.seen = b""

    def until_prompt(self, timeout=120):
        deadline = time.perf_counter() + timeout
        while True:
            found = PROMPT.search(self.seen)
            if found:
                self.seen = self.seen[found.end():]
                return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0:
                self.process.kill()
                sys.exit("benchmark: no shell prompt within %ds; it printed:\n%s" % (timeout, self.seen.decode(errors="replace")))
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    sys.exit("benchmark: the shell ended; it printed:\n%s" % self.seen.decode(errors="replace"))

    def command(self, line):
        sent = time.perf_counter()
        os.write(self.master, line.encode() + b"\r")
        return self.until_prompt() - sent

    def close(self):
        os.write(self.master, b"exit\r")
        try:
            self.process.wait(timeout=30)
        finally:
            os.close(self.master)


def shell_figures(env, cwd, state, runs, commands):
    """The first prompt (median of `runs` starts) and the latency of `commands` app show commands in one shell."""
    firsts, latencies, first_commands = [], [], []
    for index in range(runs):
        shell = Shell([LAUNCHER, "--sandbox-state", state], env, cwd)
        firsts.append(shell.until_prompt() - shell.start)
        if index == 0:
            first_commands.append(shell.command("app show"))
            latencies.extend(shell.command("app show") for _ in range(commands))
        shell.close()
    return statistics.median(firsts), first_commands[0], statistics.median(latencies), max(latencies)


def requests_of(result):
    """The counts of the last Requests line that --verbose printed."""
    found = REQUESTS.findall(result.err)
    if not found:
        sys.exit("benchmark: --verbose printed no request counts:\n" + result.err)
    return tuple(int(n) for n in found[-1])


def java_version(env):
    java = os.path.join(env["JAVA_HOME"], "bin", "java") if env.get("JAVA_HOME") else "java"
    return subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each one-shot command (default 7)")
    parser.add_argument("--shell-commands", type=int, default=20, help="commands typed to time the shell (default 20)")
    args = parser.parse_args()

    with_az = shutil.which("az") is not None
    work = tempfile.mkdtemp(prefix="dicomreg-bench-")
    env = dict(os.environ, DICOMREG_HOME=os.path.join(work, "home"))
    state = os.path.join(work, "tenant.json")
    try:
        checked([LAUNCHER, "--help"], env, work)  # builds the jar and prepares the launcher's archive if needed
        if with_az:
            checked(YARDSTICK, env, work)  # az's own first-run work, outside the figures
        checked([LAUNCHER, "--sandbox-state", state, "login"], env, work)

        first = run([LAUNCHER, "--verbose", "--sandbox-state", state, "script", TUTORIAL], env, work)
        if first.status != 0:
            sys.exit("benchmark: the tutorial script failed:\n" + first.out + first.err)
        replay = checked([LAUNCHER, "--verbose", "--sandbox-state", state, "script", TUTORIAL], env, work)
        show = checked([LAUNCHER, "--verbose", "--sandbox-state", state, "app", "show"], env, work)

        rows = [
            paired("`dicomreg --help`", [LAUNCHER, "--help"], env, work, args.runs, with_az),
            paired("`dicomreg help`", [LAUNCHER, "help"], env, work, args.runs, with_az),
            paired("`dicomreg app show --help`", [LAUNCHER, "app", "show", "--help"], env, work, args.runs, with_az),
            paired("`dicomreg --sandbox-state F app show`", [LAUNCHER, "--sandbox-state", state, "app", "show"], env,
                   work, args.runs, with_az),
            paired("`dicomreg --sandbox-state F app list`", [LAUNCHER, "--sandbox-state", state, "app", "list"], env,
                   work, args.runs, with_az),
        ]
        prompt, first_command, latency, slowest = shell_figures(env, work, state, max(3, args.runs // 2),
                                                                 args.shell_commands)
        yardstick = statistics.median(run(YARDSTICK, env, work).wall for _ in range(args.runs)) if with_az else None
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("dicomreg benchmark, %s, %d cores, %s" % (time.strftime("%Y-%m-%d"), os.cpu_count(), java_version(env)))
    print("kernel %s; %s" % (platform.release(), ("yardstick: " + " ".join(YARDSTICK)) if with_az
                                 else "Azure CLI not installed (apt-get install azure-cli): no paired figures"))
    print()
    print("| One-shot, median of %d | wall | CPU | peak RSS | az (paired) | x az |" % args.runs)
    print("|---|---|---|---|---|---|")
    for row in rows:
        az = "%.2f s" % row["az"] if row["az"] is not None else "-"
        ratio = "%.2fx" % (row["wall"] / row["az"]) if row["az"] is not None else "-"
        print("| %s | %.2f s | %.2f s | %.0f MiB | %s | %s |" % (row["label"], row["wall"], row["cpu"], row["rss"], az,
                                                              ratio))
    print()
    print("| Shell | figure | x az |")
    print("|---|---|---|")
    print("| first prompt (median of %d starts) | %.2f s | %s |" % (max(3, args.runs // 2), prompt,
                                                                  "%.2fx" % (prompt / yardstick) if yardstick else "-"))
    print("| first `app show` in the shell (builds the Graph client) | %.0f ms | |" % (first_command * 1000))
    print("| later `app show` in the shell, median of %d (slowest) | %.0f ms (%.0f ms) | |"
          % (args.shell_commands, latency * 1000, slowest * 1000))
    print()
    print("| Requests (`--verbose`) | Graph | ARM | tokens |")
    print("|---|---|---|---|")
    print("| the tutorial as one script, first run | %d | %d | %d |" % requests_of(first))
    print("| the same script again (nothing to change) | %d | %d | %d |" % requests_of(replay))
    print("| one-shot `app show`, access tokens cached | %d | %d | %d |" % requests_of(show))


if __name__ == "__main__":
    main()

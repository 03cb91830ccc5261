#!/usr/bin/env python3
"""Warm one-record edits of two jars in lock-step: A edit 1, B edit 1, A edit 2, ...

Each jar runs in its own JVM (bench/WarmEdit.java --reuse --step) with its own copy of the site and its own output
folder, so both keep their warm state and each build sees only its own one-record edit; edits alternate within
seconds, so both see the machine at nearly the same moment (on a shared VM its speed moves by 2x within minutes).
Prints each edit's line and, at the end, the median wall and CPU time of edits SKIP+1..N of each jar and their ratio
(B / A).

  python3 bench/ab-warm.py EDITS A.jar:SITE_A:OUT_A[:JVM_OPTS] B.jar:SITE_B:OUT_B[:JVM_OPTS] [SKIP]

SITE_A and SITE_B are copies of one site (cp -a). Each OUT must hold an output and build cache left by the same jar
(a run of WarmEdit without --reuse), else the first build is a clean one. JVM_OPTS, space-separated, are added to
that side's java command (e.g. to compare -XX:+UseTransparentHugePages with the same jar on both sides); those that
start with -- go to that side's WarmEdit instead (e.g. --idle).
With WARM=K in the environment, each side first runs K unchanged rebuilds, as gongkai serve does (WarmEdit --warm=K).
The first edit starts once both sides have warmed up, and PAUSE=S seconds after that (default 0).
"""
import os
import re
import statistics
import subprocess
import sys
import time


def start(jar, out, site, edits, opts):
    lib = jar.rsplit('/', 1)[0] + '/lib/*'
    jvm = [o for o in opts if not o.startswith('--')]
    flags = [o for o in opts if o.startswith('--')]  # WarmEdit's own, e.g. --idle
    cmd = ['java', '-Xmx2g', '-XX:+UseParallelGC'] + jvm + ['-cp', jar + ':' + lib, 'bench/WarmEdit.java', site, out,
           str(edits), '--reuse', '--step'] + (['--warm=' + os.environ['WARM']] if os.environ.get('WARM') else []) + flags
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            bufsize=1)


def read_until(p, pattern):
    lines = []
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit('process ended: ' + ''.join(lines))
        if not line.startswith('Note:'):
            lines.append(line)
        if re.search(pattern, line):
            return lines


def main():
    edits = int(sys.argv[1])
    runs = [(a.split(':', 3) + [''])[:4] for a in sys.argv[2:4]]
    skip = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    procs = [start(jar, out, site, edits, opts.split()) for jar, site, out, opts in runs]
    for name, p in zip('AB', procs):
        print(name, ''.join(read_until(p, r'^first')), end='', flush=True)
    # Both sides warmed up (and rehearsed) before either edits, then PAUSE seconds, as a publisher takes to edit.
    for name, p in zip('AB', procs):
        print(name, ''.join(read_until(p, r'^ready')), end='', flush=True)
    time.sleep(float(os.environ.get('PAUSE', '0')))
    results = {'A': [], 'B': []}
    for i in range(1, edits + 1):
        for name, p in zip('AB', procs):
            p.stdin.write('\n')
            p.stdin.flush()
            lines = read_until(p, r'cache written')
            text = ''.join(lines)
            wall = float(re.search(r'wall ([\d.]+) s', text).group(1))
            cpu = float(re.search(r'cpu ([\d.]+) s', text).group(1))
            results[name].append((wall, cpu))
            print(name, text, end='', flush=True)
    for p in procs:
        p.stdin.close()
        p.wait()
    med = {}
    for name in 'AB':
        kept = results[name][skip:]
        med[name] = (statistics.median(w for w, _ in kept), statistics.median(c for _, c in kept))
        print(f'{name}: edits {skip + 1}-{edits}: median wall {med[name][0]:.2f} s, cpu {med[name][1]:.2f} s')
    pairs = list(zip(results['A'][skip:], results['B'][skip:]))
    print(f'B/A: median wall {med["B"][0] / med["A"][0]:.2f}, cpu {med["B"][1] / med["A"][1]:.2f}; '
          f'median of pairwise wall ratios {statistics.median(b[0] / a[0] for a, b in pairs):.2f}, '
          f'cpu {statistics.median(b[1] / a[1] for a, b in pairs):.2f}')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Turns the raw figures bench/run wrote into RESULTS (hyperfine JSON, GNU time output, Cedar
JSON, the findings of `nomos check --format json`) into one Markdown table on stdout.

    bench/report.py RESULTS_DIR
"""

import json
import statistics
import sys
from pathlib import Path


def load(path):
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None


def hyperfine(res, name):
    """(median wall, min wall, mean CPU = user + system) in seconds of a hyperfine export, or
    None. CPU time is the steadier figure on a machine shared with other work."""
    data = load(res / f"{name}.json")
    if not data or not data.get("results"):
        return None
    r = data["results"][0]
    times = r["times"]
    return statistics.median(times), min(times), r["user"] + r["system"]


def fmt_s(t):
    if t is None:
        return "—"
    if t < 1:
        return f"{t * 1000:.1f} ms"
    return f"{t:.2f} s"


def fmt_pair(p):
    return "—" if p is None else f"{fmt_s(p[0])} / {fmt_s(p[1])} ({fmt_s(p[2])})"


def fmt_rate(x):
    if x is None:
        return "—"
    if x >= 1e6:
        return f"{x / 1e6:.2f} M/s"
    if x >= 1e3:
        return f"{x / 1e3:.1f} k/s"
    if x >= 10:
        return f"{x:.0f} /s"
    return f"{x:.2f} /s"


def rss(res, name):
    try:
        kb = int(Path(res / f"{name}.txt").read_text().strip())
    except (OSError, ValueError):
        return "—"
    return f"{kb / 1024:.0f} MiB"


def findings(res, n):
    data = load(res / f"findings-{n}.json")
    if data is None:
        return "—"
    diags = data.get("diagnostics", data) if isinstance(data, dict) else data
    if not isinstance(diags, list):
        return "—"
    count = {}
    for d in diags:
        sev = d.get("severity", "?")
        count[sev] = count.get(sev, 0) + 1
    return ", ".join(f"{count.get(s, 0)} {s}s" for s in ("error", "warning", "note"))


def load_after(res):
    try:
        return Path(res / "load-after.txt").read_text().strip()
    except OSError:
        return "?"


def main():
    res = Path(sys.argv[1])
    env = load(res / "env.json") or {}
    sizes = env.get("sizes", [])
    runs = env.get("runs", "?")
    cedar = {n: load(res / f"cedar-{n}.json") for n in sizes}
    head = ["measure"] + [f"{n // 1000}k norms" for n in sizes]
    rows = []

    def row(label, cells):
        rows.append([label] + cells)

    parse_label = (f"parse + resolve (`check {env['parse_flag']}`)" if env.get("parse_flag")
                   else "parse + resolve only — not measured: `check` has no flag to skip the analysis yet")
    row(parse_label, [fmt_pair(hyperfine(res, f"parse-{n}")) for n in sizes])
    checks = {n: hyperfine(res, f"check-{n}") for n in sizes}
    row("`nomos check` (full)", [fmt_pair(checks[n]) for n in sizes])
    row("check throughput, norms/s (wall median; CPU)",
        [f"{fmt_rate(n / checks[n][0])}; {fmt_rate(n / checks[n][2])}" if checks[n] else "—" for n in sizes])
    row("findings of the analysis", [findings(res, n) for n in sizes])
    row("peak memory of `check` (max RSS)", [rss(res, f"rss-check-{n}") for n in sizes])
    evals = {n: hyperfine(res, f"eval-{n}") for n in sizes}
    n_sit = 10000
    if env.get("have_eval"):
        row(f"`nomos eval` of {n_sit:,} situations", [fmt_pair(evals[n]) for n in sizes])
        row("eval throughput, situations/s (wall median; CPU)",
            [f"{fmt_rate(n_sit / evals[n][0])}; {fmt_rate(n_sit / evals[n][2])}" if evals[n] else "—" for n in sizes])
        row("peak memory of `eval` (max RSS)", [rss(res, f"rss-eval-{n}") for n in sizes])
    else:
        row("`nomos eval` — not measured: the subcommand does not exist yet", ["—" for _ in sizes])

    def c(n, *keys):
        d = cedar.get(n)
        for k in keys:
            if d is None:
                return None
            d = d.get(k)
        return d

    if any(cedar.values()):
        def phase(name):
            return [f"{fmt_s(c(n, name, 'median_ms') / 1000)} / {fmt_s(c(n, name, 'min_ms') / 1000)} "
                    f"({fmt_s(c(n, name, 'cpu_median_ms') / 1000)}); cold {fmt_s(c(n, 'cold_ms', name) / 1000)}"
                    if c(n, name) else "—" for n in sizes]

        row("Cedar: parse policies", phase("parse_policies"))
        row("Cedar: validate against the schema (parses again)", phase("validate"))
        row("Cedar: validate throughput, policies/s (wall; CPU)",
            [f"{fmt_rate(c(n, 'policies_per_s_validate'))}; {fmt_rate(c(n, 'cpu_policies_per_s_validate'))}"
             if c(n, "validate") else "—" for n in sizes])
        row("Cedar: authorize, requests timed × ms per request (wall)",
            [f"{c(n, 'requests')} × {c(n, 'ms_per_request'):.3f} ms" if c(n, "requests") else "—" for n in sizes])
        row("Cedar: authorize throughput, requests/s (wall; CPU)",
            [f"{fmt_rate(c(n, 'requests') / c(n, 'authorize', 'median_ms') * 1000)}; "
             f"{fmt_rate(c(n, 'requests') / c(n, 'authorize', 'cpu_median_ms') * 1000)}"
             if c(n, "requests") else "—" for n in sizes])

        def ratio(ours, theirs_wall, theirs_cpu):
            out = []
            for n in sizes:
                o = ours(n)
                if o is None or not c(n, theirs_wall):
                    out.append("—")
                    continue
                tw = cedar_rate(n, theirs_wall) if theirs_wall == "requests_per_s" else c(n, theirs_wall)
                tc = cedar_rate(n, theirs_cpu) if theirs_cpu == "cpu_requests_per_s" else c(n, theirs_cpu)
                out.append(f"{o[0] / tw:.2f}× ; {o[1] / tc:.2f}×")
            return out

        def cedar_rate(n, key):
            if not c(n, "requests"):
                return None
            phase_ms = c(n, "authorize", "median_ms" if key == "requests_per_s" else "cpu_median_ms")
            return c(n, "requests") / phase_ms * 1000

        row("ratio: Nomos check norms/s ÷ Cedar validate policies/s (wall; CPU)",
            ratio(lambda n: (n / checks[n][0], n / checks[n][2]) if checks[n] else None,
                  "policies_per_s_validate", "cpu_policies_per_s_validate"))
        if env.get("have_eval"):
            row("ratio: Nomos eval situations/s ÷ Cedar requests/s (wall; CPU)",
                ratio(lambda n: (n_sit / evals[n][0], n_sit / evals[n][2]) if evals[n] else None,
                      "requests_per_s", "cpu_requests_per_s"))

    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(x.ljust(w) for x, w in zip(cells, widths)) + " |"  # noqa: E731
    print(f"{env.get('nomos_version', '?')}, {env.get('cpus', '?')} × {env.get('cpu', '?')}, "
          f"{int(env.get('mem_kb', 0)) // 1024} MiB RAM, hyperfine --runs {runs}, node {env.get('node', '?')}; "
          f"load average {env.get('load_before', '?')} before, {load_after(res)} after")
    print()
    print("Times are `median / min` wall-clock, then (CPU time: user + system); Cedar's warm "
          "repetitions, then its first (cold) one.")
    print()
    print(line(head))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print()
    startup = hyperfine(res, "startup")
    small = hyperfine(res, "small")
    print(f"- process start-up (`nomos --version`): {fmt_pair(startup)}")
    print(f"- `nomos check` of one self-contained file of 50 norms: {fmt_pair(small)}")
    loads = [c(n, "wasm_load_ms") for n in sizes if c(n, "wasm_load_ms") is not None]
    if loads:
        print(f"- Cedar: loading the wasm module in node (first size): {loads[0]:.1f} ms")
    for n in sizes:
        try:
            print(f"- same answers, {n // 1000}k norms: " + Path(res / f"crosscheck-{n}.txt").read_text().splitlines()[0])
        except (OSError, IndexError):
            pass
    for n in sizes:
        d = cedar.get(n)
        if d and d.get("validation_errors"):
            print(f"- Cedar {n}: {d['validation_errors']} validation errors (the translation is wrong somewhere)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""docs/cli.md and the man page document the command line that nomos really has.

Runs `nomos --help` to learn the subcommands, then `nomos SUB --help` for each, and checks:
- docs/cli.md has a section `## nomos SUB` for every subcommand, and no section for a
  subcommand that does not exist;
- every long flag (and every short one) of SUB appears in that section;
- every subcommand and every long flag appears in the man page;
- the pipeline files (.pre-commit-hooks.yaml, docs/ci/github-actions.yml) call only
  subcommands that exist, or guard the call with a check that the subcommand exists.

Usage: cli_reference_test.py NOMOS SOURCE_DIR
"""
import os
import re
import subprocess
import sys


def help_text(nomos, *args):
    proc = subprocess.run([nomos, *args, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
    if proc.returncode != 0:
        sys.exit(f"`nomos {' '.join(args)} --help` exited {proc.returncode}")
    return proc.stdout.decode()


def subcommands(main_help):
    """Names listed under `Subcommands:` in CLI11's help."""
    names, inside = [], False
    for line in main_help.splitlines():
        if line.strip() == "Subcommands:":
            inside = True
            continue
        if inside:
            m = re.match(r"^  ([a-z][a-z0-9-]*)\s", line)
            if m:
                names.append(m.group(1))
            elif line.strip() and not line.startswith("    "):
                break
    return names


def flags(sub_help):
    """(long flags, short flags) of one subcommand, from its Options section."""
    longs, shorts, inside = set(), set(), False
    for line in sub_help.splitlines():
        if line.strip() == "Options:":
            inside = True
            continue
        if inside and line and not line.startswith(" "):
            break
        if inside:
            head = line.strip().split("  ")[0]  # the option column, before the description
            longs.update(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", head))
            shorts.update(re.findall(r"(?<![\w-])-[A-Za-z](?![\w-])", head))
    return longs, shorts


def sections(markdown):
    """{subcommand: section text} for headings `## nomos SUB` (backquotes allowed)."""
    result, current, buf = {}, None, []
    for line in markdown.splitlines():
        m = re.match(r"^##\s+`?nomos ([a-z][a-z0-9-]*)`?\s*$", line)
        if m or re.match(r"^##?\s", line):
            if current:
                result[current] = "\n".join(buf)
            current, buf = (m.group(1) if m else None), []
        elif current:
            buf.append(line)
    if current:
        result[current] = "\n".join(buf)
    return result


def called_subcommands(text):
    """Subcommands invoked as `nomos SUB` in a pipeline file, with the line they are on."""
    # A command starts a line (after `entry:` or `run:`), or follows ; && || | ( or $(.
    command = re.compile(r"(?:^\s*(?:-\s*)?(?:(?:entry|run):\s*)?|[;&|(]\s*)nomos ([a-z][a-z0-9-]*)\b")
    return [(m.group(1), line) for line in text.splitlines() if not line.lstrip().startswith("#")
            for m in command.finditer(line)]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    nomos, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    with open(os.path.join(src, "docs", "cli.md"), encoding="utf-8") as f:
        cli_md = f.read()
    with open(os.path.join(src, "docs", "man", "nomos.1"), encoding="utf-8") as f:
        man = f.read().replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fP", "")

    failures = []
    main_help = help_text(nomos)
    subs = subcommands(main_help)
    if "check" not in subs or "explain" not in subs:
        sys.exit(f"could not read the subcommands from `nomos --help` (found {subs})")
    documented = sections(cli_md)

    for top_flag in sorted(flags(main_help)[0]):
        if top_flag not in cli_md:
            failures.append(f"docs/cli.md does not mention `nomos {top_flag}`")
    n_flags = 0
    for sub in subs:
        longs, shorts = flags(help_text(nomos, sub))
        longs.discard("--help")
        shorts.discard("-h")
        n_flags += len(longs)
        section = documented.get(sub)
        if section is None:
            failures.append(f"docs/cli.md has no section `## nomos {sub}`")
        else:
            for flag in sorted(longs | shorts):
                if not re.search(r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])", section):
                    failures.append(f"docs/cli.md, section `nomos {sub}`, does not document {flag}")
        if not re.search(r"\bnomos " + re.escape(sub) + r"\b", man):
            failures.append(f"the man page does not mention `nomos {sub}`")
        for flag in sorted(longs):
            if not re.search(r"(?<![\w-])" + re.escape(flag) + r"(?![\w-])", man):
                failures.append(f"the man page does not mention {flag} (of nomos {sub})")
    for sub in documented:
        if sub not in subs:
            failures.append(f"docs/cli.md documents `nomos {sub}`, which `nomos --help` does not list")

    # Pipeline files: a call of a subcommand nomos does not have must be guarded by a check
    # that it exists (the line mentions `nomos --help`, or sits in a step that does).
    for rel in (".pre-commit-hooks.yaml", os.path.join("docs", "ci", "github-actions.yml")):
        path = os.path.join(src, rel)
        if not os.path.isfile(path):
            failures.append(f"{rel} is missing")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        guarded = set(re.findall(r"has_subcommand ([a-z]+)", text))
        for sub, line in called_subcommands(text):
            if sub not in subs and sub not in guarded:
                failures.append(f"{rel} calls `nomos {sub}`, which does not exist, without checking: {line.strip()}")

    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print(f"ok: {len(subs)} subcommands ({', '.join(subs)}) and {n_flags} long flags are documented "
          f"in docs/cli.md and the man page")
    return 0


if __name__ == "__main__":
    sys.exit(main())

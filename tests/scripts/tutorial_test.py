#!/usr/bin/env python3
"""docs/tutorial.md shows what nomos really prints.

Every ```console block of the tutorial holds one or more `$ nomos ...` commands, each followed
by the output it produces. This test runs each command in a scratch copy of
examples/tutorial (with `--today 2026-01-01` added when the command does not give a date, so
that the output does not change from day to day) and compares the output, standard output
and standard error together, with the block.

HTML comments in the tutorial, invisible on GitHub, tie it to the files:
  <!-- file: step1/rules.nomos -->      the next ```nomos block is that file, whole
  <!-- excerpt: step6/cn.nomos -->      the next ```nomos block appears in that file verbatim
  <!-- edit: step1/rules.nomos "old" "new" -->
                                       before the next ```console block, replace "old" by
                                       "new" in the scratch copy (the tutorial asks the reader
                                       to make that edit); undone after the block

Usage: tutorial_test.py NOMOS TUTORIAL_MD TUTORIAL_DIR [--update]
  --update rewrites the outputs in TUTORIAL_MD with what nomos prints now (review the diff).
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

TODAY = "2026-01-01"
DATED_COMMANDS = {"check", "doc", "export", "test", "eval"}
FENCE = re.compile(r"^(`{3,})\s*([\w-]*)\s*$")
DIRECTIVE = re.compile(r"^<!--\s*(file|excerpt|edit):\s*(.*?)\s*-->\s*$")


class Block:
    def __init__(self, lang, start, end, lines, directives):
        self.lang = lang          # info string of the fence
        self.start = start        # index of the first content line in the document
        self.end = end            # index of the closing fence
        self.lines = lines        # content lines, without newline
        self.directives = directives


def parse_blocks(doc_lines):
    """Fenced blocks in document order, with the directives written just before each."""
    blocks, pending, i = [], [], 0
    while i < len(doc_lines):
        line = doc_lines[i]
        m = DIRECTIVE.match(line)
        if m:
            pending.append((m.group(1), m.group(2)))
            i += 1
            continue
        m = FENCE.match(line)
        if not m:
            if line.strip():
                pending = [d for d in pending if d[0] == "edit"]  # file/excerpt bind to the next block only
            i += 1
            continue
        fence, lang = m.group(1), m.group(2)
        j = i + 1
        while j < len(doc_lines) and not re.match(r"^" + fence + r"`*\s*$", doc_lines[j]):
            j += 1
        if j == len(doc_lines):
            sys.exit(f"tutorial line {i + 1}: a ``` block that never closes")
        blocks.append(Block(lang, i + 1, j, doc_lines[i + 1:j], pending))
        pending = []
        i = j + 1
    return blocks


def commands_of(block, where):
    """[(command line, [expected output lines]), ...] of a console block."""
    result, continued = [], False
    for line in block.lines:
        if continued:  # a command split over lines with a trailing backslash
            cmd = result[-1][0][:-1].rstrip() + " " + line.strip()
            result[-1] = (cmd, [])
            continued = cmd.endswith("\\")
        elif line.startswith("$ "):
            result.append((line[2:], []))
            continued = line.endswith("\\")
        elif not result:
            sys.exit(f"{where}: a console block must start with a `$ nomos ...` line")
        else:
            result[-1][1].append(line)
    for cmd, _ in result:
        if not cmd.startswith("nomos "):
            sys.exit(f"{where}: only nomos commands can be checked, found `$ {cmd}`")
    return result


def command_lines(block):
    """The lines each command is written on, as in the document (for --update)."""
    result, continued = [], False
    for line in block.lines:
        if continued:
            result[-1].append(line)
        elif line.startswith("$ "):
            result.append([line])
        else:
            continue
        continued = line.endswith("\\")
    return result


def run(nomos, cmd, cwd):
    args = shlex.split(cmd)[1:]
    if args and args[0] in DATED_COMMANDS and not any(a == "--today" or a.startswith("--today=") for a in args):
        args += ["--today", TODAY]
    env = dict(os.environ)
    env.pop("NOMOS_STDLIB", None)  # the built binary finds the stdlib beside itself
    proc = subprocess.run([nomos] + args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=120)
    out = proc.stdout.decode("utf-8", errors="replace").rstrip("\n")
    return out.split("\n") if out else []


def parse_edit(arg, where):
    parts = shlex.split(arg)
    if len(parts) != 3:
        sys.exit(f"{where}: an edit directive is: edit: FILE \"old\" \"new\"")
    return parts


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv[1:] or os.environ.get("UPDATE_TUTORIAL") == "1"
    if len(args) != 3:
        sys.exit(__doc__)
    nomos, doc_path, tutorial_dir = os.path.abspath(args[0]), args[1], os.path.abspath(args[2])
    with open(doc_path, encoding="utf-8") as f:
        doc_lines = f.read().split("\n")
    blocks = parse_blocks(doc_lines)

    failures, n_commands, n_files = [], 0, 0
    replacements = {}  # block start -> new content lines (for --update)
    with tempfile.TemporaryDirectory(prefix="nomos-tutorial-") as scratch:
        work = os.path.join(scratch, "tutorial")
        shutil.copytree(tutorial_dir, work)
        for b in blocks:
            where = f"{doc_path}:{b.start}"
            # The listings: the files the reader types are the files we ship.
            for kind, arg in b.directives:
                if kind not in ("file", "excerpt"):
                    continue
                if b.lang != "nomos":
                    sys.exit(f"{where}: a `{kind}:` directive must precede a ```nomos block")
                path = os.path.join(tutorial_dir, arg)
                if not os.path.isfile(path):
                    failures.append(f"{where}: the tutorial shows {arg}, which does not exist")
                    continue
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                shown = "\n".join(b.lines) + "\n"
                n_files += 1
                if kind == "file" and shown != text:
                    diff = difflib.unified_diff(text.splitlines(), shown.splitlines(), arg, "tutorial", lineterm="")
                    failures.append(f"{where}: the listing differs from {arg}:\n" + "\n".join(diff))
                if kind == "excerpt" and shown not in text:
                    failures.append(f"{where}: the excerpt does not appear verbatim in {arg}")
            if b.lang != "console":
                if any(kind == "edit" for kind, _ in b.directives):
                    sys.exit(f"{where}: an `edit:` directive must precede a ```console block")
                continue

            edits = [parse_edit(arg, where) for kind, arg in b.directives if kind == "edit"]
            saved = {}
            for path, old, new in edits:
                full = os.path.join(work, path)
                with open(full, encoding="utf-8") as f:
                    text = f.read()
                if text.count(old) != 1:
                    sys.exit(f"{where}: edit: `{old}` must occur exactly once in {path}")
                saved.setdefault(full, text)
                with open(full, "w", encoding="utf-8") as f:
                    f.write(text.replace(old, new))

            new_lines, written = [], command_lines(b)
            for (cmd, expected), shown in zip(commands_of(b, where), written):
                n_commands += 1
                actual = run(nomos, cmd, work)
                new_lines += shown + actual
                if actual != expected:
                    diff = difflib.unified_diff(expected, actual, "tutorial", "nomos", lineterm="")
                    failures.append(f"{where}: `{cmd}` prints something else:\n" + "\n".join(diff))
            replacements[b.start] = (b.end, new_lines)

            for full, text in saved.items():
                with open(full, "w", encoding="utf-8") as f:
                    f.write(text)

    if update:
        out, i = [], 0
        while i < len(doc_lines):
            if i in replacements:
                end, lines = replacements[i]
                out += lines
                i = end
            else:
                out.append(doc_lines[i])
                i += 1
        with open(doc_path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        print(f"updated the outputs of {n_commands} commands in {doc_path}")
        return 0

    if n_commands < 5 or n_files < 3:
        failures.append(f"found only {n_commands} commands and {n_files} file listings: is the tutorial complete?")
    for f in failures:
        print("FAIL: " + f + "\n")
    if failures:
        print(f"{len(failures)} of {n_commands} commands and {n_files} listings differ "
              f"(UPDATE_TUTORIAL=1 or --update rewrites the outputs; review the diff)")
        return 1
    print(f"ok: {n_commands} commands and {n_files} file listings of the tutorial match")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""The machine-readable outputs of `nomos test` and `nomos eval`, read by other programs:

- `nomos test --format junit` must be well-formed XML in the JUnit shape CI services read
  (testsuites > testsuite > testcase, with failure/error children), checked with Python's
  XML parser and, when installed, `xmllint`;
- `nomos test --format json` and `nomos eval --format json` (one answer and JSON Lines)
  must parse, and the eval answers must validate against docs/schema/eval-answer.schema.json
  when the jsonschema package is installed.

Usage: check_test_reports.py NOMOS_BINARY SOURCE_DIR WORK_DIR"""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

FAILS = []
CHECKS = [0]


def check(cond, what):
    CHECKS[0] += 1
    if not cond:
        FAILS.append(what)


def run(nomos, *args):
    p = subprocess.run([nomos, *args, "--today", "2026-01-01"], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def junit(nomos, src, work, inputs, want_failures):
    out = os.path.join(work, "junit-%s.xml" % os.path.basename(inputs.rstrip("/")))
    status, stdout, stderr = run(nomos, "test", inputs, "--format", "junit", "-o", out)
    check(status == (1 if want_failures else 0), f"nomos test {inputs} --format junit exited {status}: {stderr}")
    check(stdout.strip().splitlines()[-1].endswith("failed"), f"no closing line for {inputs}: {stdout!r}")
    try:
        root = ET.parse(out).getroot()
    except ET.ParseError as e:
        FAILS.append(f"{out}: not well-formed XML: {e}")
        return
    check(root.tag == "testsuites", f"{out}: the root is <{root.tag}>, not <testsuites>")
    cases = root.findall("./testsuite/testcase")
    check(len(cases) > 0, f"{out}: no <testcase>")
    failures = sum(len(c.findall("failure")) + len(c.findall("error")) for c in cases)
    check(int(root.get("tests")) == len(cases), f"{out}: tests= does not count the test cases")
    check(int(root.get("failures")) + int(root.get("errors")) == failures,
          f"{out}: failures= and errors= do not count the failed cases")
    check((failures > 0) == want_failures, f"{out}: {failures} failures")
    for c in cases:
        check(c.get("name"), f"{out}: a testcase without a name")
        for f in c.findall("failure") + c.findall("error"):
            check(f.get("type", "").startswith("N400"), f"{out}: failure type {f.get('type')!r}")
            check(f.text and "error[N400" in f.text, f"{out}: the failure has no diagnostic text")
    if shutil.which("xmllint"):
        p = subprocess.run(["xmllint", "--noout", out], capture_output=True, text=True)
        check(p.returncode == 0, f"xmllint rejects {out}: {p.stderr}")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    nomos, src, work = sys.argv[1:]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.chdir(src)

    junit(nomos, src, work, "examples/cross_border", want_failures=False)
    junit(nomos, src, work, "tests/golden-eval/failures.nomos", want_failures=True)

    status, stdout, _ = run(nomos, "test", "tests/golden-eval/failures.nomos", "--format", "json")
    report = json.loads(stdout)
    check(report["summary"]["total"] == len(report["tests"]), "test --format json: the summary does not count the tests")

    answers = []
    status, stdout, stderr = run(nomos, "eval", "examples/cross_border", "--situation",
                                 "tests/golden-eval/cloud_act.json", "--format", "json")
    check(status == 0, f"nomos eval --situation exited {status}: {stderr}")
    answers.append(json.loads(stdout))
    status, stdout, stderr = run(nomos, "eval", "examples/cross_border", "--situations",
                                 "tests/golden-eval/batch.jsonl", "--format", "json")
    check(status == 1, f"nomos eval --situations with an invalid line exited {status}")
    lines = [json.loads(line) for line in stdout.splitlines()]
    check(len(lines) == 4, f"nomos eval --situations: {len(lines)} answers for 4 situations")
    answers += lines

    try:
        import jsonschema
        from referencing import Registry, Resource
    except ImportError:
        print("jsonschema not installed: the eval answers were parsed but not validated")
    else:
        def load(name):
            with open(os.path.join("docs", "schema", name), encoding="utf-8") as f:
                return json.load(f)
        answer_schema, situation_schema = load("eval-answer.schema.json"), load("situation.schema.json")
        registry = Registry().with_resources([
            (situation_schema["$id"], Resource.from_contents(situation_schema)),
            (answer_schema["$id"], Resource.from_contents(answer_schema)),
        ])
        cls = jsonschema.validators.validator_for(answer_schema)
        cls.check_schema(answer_schema)
        validator = cls(answer_schema, registry=registry)
        for i, a in enumerate(answers):
            errors = list(validator.iter_errors(a))
            check(not errors, f"answer {i} does not match eval-answer.schema.json: " +
                  "; ".join(f"at {'/'.join(map(str, e.path)) or '(root)'}: {e.message[:200]}" for e in errors[:3]))

    for f in FAILS:
        print("FAIL:", f)
    print(f"{CHECKS[0] - len(FAILS)} passed, {len(FAILS)} failed")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())

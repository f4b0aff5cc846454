#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema: validate_json.py SCHEMA FILE...

Exits 1 with the first errors of each invalid file, 0 when every file is valid."""
import json
import sys

import jsonschema


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema)
    bad = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if errors:
            bad += 1
            print(f"{path}: {len(errors)} schema error(s)")
            for e in errors[:5]:
                where = "/".join(str(p) for p in e.path) or "(root)"
                print(f"  at {where}: {e.message[:300]}")
    print(f"{len(sys.argv) - 2 - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

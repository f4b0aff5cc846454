#!/usr/bin/env python3
"""Checks that the Cedar translation means what the Nomos corpus means: for every situation,
the norms `nomos eval` finds applicable (to the action done, not precluded by it) must be the
policies Cedar finds satisfied.

    bench/crosscheck.py EVAL_ANSWERS.jsonl CEDAR_DECISIONS.jsonl

EVAL_ANSWERS is `nomos eval … --situations S --format json`; CEDAR_DECISIONS is written by
`node bench/cedar/bench.js … --decisions FILE` (same situations, same order). Cedar only
reports the policies that decided: the satisfied permits when it allows, the satisfied
forbids when it denies. So, per situation:
    allow -> its reasons are exactly the applicable norms that are not `must not`, and no
             `must not` applies;
    deny  -> its reasons are exactly the applicable `must not` norms, and when there are none,
             no other norm applies either.
Prints a summary; exits 1 on any disagreement (the first few are shown).
"""

import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ours = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    theirs = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
    n = min(len(ours), len(theirs))
    bad = []
    applied = 0
    for i in range(n):
        # A `precluded` norm is an obligation of an action incompatible with the one done:
        # Nomos lists it (the situation breaks it), Cedar has no notion of it.
        norms = [x for x in ours[i].get("norms", []) if x.get("applies") == "yes" and not x.get("precluded")]
        applied += bool(norms)
        forbids = sorted(x["norm"] for x in norms if x["modality"] == "must not")
        others = sorted(x["norm"] for x in norms if x["modality"] != "must not")
        cedar = theirs[i]
        if cedar["decision"] == "allow":
            ok = not forbids and cedar["reason"] == others
        elif forbids:
            ok = cedar["reason"] == forbids
        else:
            ok = not cedar["reason"] and not others
        if not ok:
            bad.append((i + 1, cedar, forbids, others))
    print(f"{n} situations compared, {applied} with applicable norms, {len(bad)} disagreements")
    for line, cedar, forbids, others in bad[:5]:
        print(f"  line {line}: Cedar {cedar['decision']} by {cedar['reason']}; "
              f"Nomos: must not {forbids}, others {others}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

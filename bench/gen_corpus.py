#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus: a Nomos rule repository of N norms, 10,000
situations for `nomos eval`, and (with --cedar) the same policies and requests in Cedar.

    bench/gen_corpus.py --norms 10000 --out corpus-10k [--seed 1] [--situations 10000]

Layout of OUT:
    nomos/vocab.nomos                   the shared vocabulary (module vocab)
    nomos/claims.nomos                  sovereignty claims of the issuers in the corpus
    nomos/agreements.nomos              agreements between issuers in the corpus
    nomos/law_cn/cn_instruments.nomos   the issuer's instruments (module law_cn.cn_instruments)
    nomos/law_cn/cn_0001.nomos          100 norms each, `import vocab; import law_cn.cn_instruments;`
    small/norms50.nomos                 one self-contained file of 50 norms (vocabulary included)
    situations.jsonl                    one situation per line
    cedar/policies.cedar, cedar/schema.cedarschema, cedar/requests.jsonl   (with --cedar)
"""

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from model import CorpusModel, issuer_dir, make_situations  # noqa: E402
from vocab import (AGREEMENTS, BODIES, COUNTS, DISJOINT, FLAGS, INCOMPATIBLE, LEVELS,  # noqa: E402
                   SOVEREIGNTY, Vocabulary, title_of)


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------- vocabulary
def render_tree(nodes, indent):
    """A taxonomy body: `{ a; b { c; } }` laid out one node per line."""
    out = []
    pad = "  " * indent
    for n in nodes:
        if n.children:
            out.append(f"{pad}{n.name} {q(title_of(n.name))} {{")
            out.extend(render_tree(n.children, indent + 1))
            out.append(f"{pad}}}")
        else:
            out.append(f"{pad}{n.name} {q(title_of(n.name))};")
    return out


def render_vocab(v, module=True):
    out = []
    if module:
        out += ["// The vocabulary every rule file of the benchmark corpus imports.", "module vocab;", ""]
    out.append("/// States and territories.")
    for c in v.countries:
        out.append(f"jurisdiction {c} {q('jurisdiction ' + c)};")
    out.append("")
    out.append("/// Unions and economic communities; membership is transitive (EU within EEA).")
    for g, (title, members) in v.groups.items():
        out.append(f"jurisdiction {g} {q(title)} {{ members {', '.join(members)}; }}")
    out.append("")
    for d in v.dimensions:
        if d.territory:
            out.append(f"dimension {d.name} : territory {q(d.title)};")
        else:
            kw = "closed dimension" if d.closed else "dimension"
            out.append(f"{kw} {d.name} {q(d.title)} {{")
            out.extend(render_tree(d.roots, 1))
            out.append("}")
    out.append("")
    for f in FLAGS:
        out.append(f"fact {f} {q(title_of(f))};")
    for c in COUNTS:
        out.append(f"fact {c} : count {q(title_of(c))};")
    out.append("")
    out.append("/// Actions; doing a child action is doing its parent.")
    for a in v.actions:
        if a.children:
            out.append(f"action {a.name} {q(title_of(a.name))} {{")
            out.extend(render_tree(a.children, 1))
            out.append("}")
        else:
            out.append(f"action {a.name} {q(title_of(a.name))};")
    for pair in INCOMPATIBLE:
        out.append(f"incompatible {', '.join(pair)};")
    out.append("")
    out.append("/// Actor classes.")
    for r in v.actor_roots:
        for n in r.walk():
            parent = f" : {n.parent.name}" if n.parent else ""
            out.append(f"actor {n.name}{parent} {q(title_of(n.name))};")
    for group in DISJOINT:
        out.append(f"disjoint {', '.join(group)};")
    out.append("")
    for name, cls, title in BODIES:
        out.append(f"body {name} : {cls} {q(title)};")
    out.append("")
    out.append(f"levels {' > '.join(LEVELS)};")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- conditions and norms
def render_cond(c, top=True):
    kind = c[0]
    if kind == "in":
        _, dim, vals, neg = c
        value = vals[0] if len(vals) == 1 else "{" + ", ".join(vals) + "}"
        return f"{dim} {'not in' if neg else 'in'} {value}"
    if kind == "flag":
        return c[1] if c[2] else f"not {c[1]}"
    if kind == "cmp":
        return f"{c[1]} {c[2]} {c[3]}"
    if kind == "and":
        return " and ".join(render_cond(x, False) for x in c[1])
    if kind == "or":
        s = " or ".join(render_cond(x, False) for x in c[1])
        return s if top else f"({s})"
    raise ValueError(kind)


def render_instrument(i):
    parts = [f"issuer {i.issuer};"]
    if i.level:
        parts.append(f"level {i.level};")
    parts.append(f"effective {i.effective.isoformat()};")
    if i.until:
        parts.append(f"until {i.until.isoformat()};")
    return f"instrument {i.name} {q(i.title)} {{ {' '.join(parts)} }}"


def render_norm(n):
    out = []
    if n.doc:
        out += [f"/// {line}" for line in n.doc.split("\n")]
    out.append(f"norm {n.name} {q(n.title)} from {n.instrument.name} article {q(n.article)}:")
    out.append(f"  {n.subject} {n.modality} {n.action}")
    if n.where:
        out.append(f"    where {render_cond(n.where)}")
    if n.unless:
        out.append(f"    unless {render_cond(n.unless)}")
    tail = []
    if n.within:
        tail.append(f"within {n.within}")
    if n.effective:
        tail.append(f"effective {n.effective.isoformat()}")
    if n.until:
        tail.append(f"until {n.until.isoformat()}")
    if n.prevails:
        tail.append(f"prevails over {', '.join(n.prevails)}")
    if tail:
        out.append("    " + " ".join(tail))
    out[-1] += ";"
    return "\n".join(out)


# ---------------------------------------------------------------- writing
def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_nomos(model, v, root):
    write(root / "vocab.nomos", render_vocab(v))
    issuers = set(model.issuers_used)
    for iss, insts in model.instruments.items():
        d = issuer_dir(iss)
        text = [f"module {d}.{iss.lower()}_instruments;", "import vocab;", ""]
        text += [render_instrument(i) for i in insts]
        write(root / d / f"{iss.lower()}_instruments.nomos", "\n".join(text) + "\n")
    for f in model.files:
        stem = f.module.split(".")[-1]
        text = [f"module {f.module};", "import vocab;",
                f"import {f.directory}.{f.issuer.lower()}_instruments;", ""]
        for n in f.norms:
            text += [render_norm(n), ""]
        write(root / f.directory / f"{stem}.nomos", "\n".join(text))
    claims = [c for c in SOVEREIGNTY if c[1] in issuers]
    if claims:
        text = ["module claims;", "import vocab;", ""]
        for name, j, excl, cond in claims:
            text.append(f"sovereignty {name} of {j}{' exclusive' if excl else ''} over {cond};")
        write(root / "claims.nomos", "\n".join(text) + "\n")
    agreements = [a for a in AGREEMENTS if all(p in issuers for p in a[2])]
    if agreements:
        text = ["module agreements;", "import vocab;", ""]
        for name, title, parties, eff, defs in agreements:
            text.append(f"agreement {name} {q(title)} between {', '.join(parties)} {{")
            text.append(f"  effective {eff};")
            for a, b, cond in defs:
                text.append(f"  {a} defers to {b} where {cond};")
            text.append("}")
        write(root / "agreements.nomos", "\n".join(text) + "\n")


def write_small(v, path, seed):
    """One file of 50 norms that needs no other file: the latency of checking a single file."""
    m = CorpusModel(v, 50, seed)
    text = ["// A self-contained rule file of 50 norms (vocabulary included).", "", render_vocab(v, module=False)]
    for insts in m.instruments.values():
        text += [render_instrument(i) for i in insts]
    text.append("")
    for f in m.files:
        for n in f.norms:
            text += [render_norm(n), ""]
    write(path, "\n".join(text))


def situation_json(s):
    return {"actor": s.actor, "action": s.action, "dimensions": s.dimensions, "facts": s.facts,
            "date": s.date.isoformat()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--norms", type=int, required=True, help="number of norms (e.g. 1000, 10000, 100000)")
    ap.add_argument("--out", required=True, help="output directory (replaced)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--situations", type=int, default=10000)
    ap.add_argument("--cedar", action="store_true", help="also write the Cedar policies, schema and requests")
    args = ap.parse_args()

    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    v = Vocabulary()
    model = CorpusModel(v, args.norms, args.seed)
    write_nomos(model, v, out / "nomos")
    write_small(v, out / "small" / "norms50.nomos", args.seed)
    situations = make_situations(v, args.situations, args.seed, [n for f in model.files for n in f.norms])
    with open(out / "situations.jsonl", "w", encoding="utf-8") as f:
        for s in situations:
            f.write(json.dumps(situation_json(s), separators=(",", ":")) + "\n")
    if args.cedar:
        import gen_cedar
        gen_cedar.write_cedar(model, v, situations, out / "cedar")
    n_files = len(model.files)
    print(json.dumps({"norms": sum(len(f.norms) for f in model.files), "rule_files": n_files,
                      "issuers": len(model.issuers_used),
                      "instruments": sum(len(i) for i in model.instruments.values()),
                      "situations": len(situations), "out": str(out)}))


if __name__ == "__main__":
    main()

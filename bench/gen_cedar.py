"""The Cedar rendering of a benchmark corpus: the same norms as permit/forbid policies, a
Cedar schema for the same vocabulary, and the same situations as authorization requests.

Translation (Cedar has two effects and no time):
    must not            -> forbid
    must, may, need not -> permit (Cedar cannot say "obliged" or "exempt"; the policy count
                           and the condition work stay the same)
    subject S           -> principal in Class::"S"   (actor classes form an entity hierarchy)
    action a            -> action in Action::"a"     (actions form an action-group hierarchy)
    dim in V            -> context.dim in Dim::"V"   (categories and jurisdictions are entities,
                                                      membership and sub-categories are parents)
    dim in {V1, V2}     -> context.dim in [Dim::"V1", Dim::"V2"]
    flag, count >= n    -> context.flag, context.count >= n
    unless C            -> unless { C }
    time window         -> context.date >= 20211101 && context.date <= 20301231 (dates as Longs)
"""

import json

from vocab import COUNTS, FLAGS

ENTITY_OF_DIM = {"data": "Data", "sector": "Sector", "purpose": "Purpose", "channel": "Channel"}


def dim_type(v, dim):
    return "Jurisdiction" if v.dim[dim].territory else ENTITY_OF_DIM[dim]


def uid(t, i):
    return f'{t}::"{i}"'


def ymd(d):
    return d.year * 10000 + d.month * 100 + d.day


def cedar_cond(v, c, top=True):
    kind = c[0]
    if kind == "in":
        _, dim, vals, neg = c
        t = dim_type(v, dim)
        rhs = uid(t, vals[0]) if len(vals) == 1 else "[" + ", ".join(uid(t, x) for x in vals) + "]"
        s = f"context.{dim} in {rhs}"
        return f"!({s})" if neg else s
    if kind == "flag":
        return f"context.{c[1]}" if c[2] else f"!context.{c[1]}"
    if kind == "cmp":
        return f"context.{c[1]} {c[2]} {c[3]}"
    if kind == "and":
        return " && ".join(cedar_cond(v, x, False) for x in c[1])
    if kind == "or":
        s = " || ".join(cedar_cond(v, x, False) for x in c[1])
        return s if top else f"({s})"
    raise ValueError(kind)


def render_policy(v, n):
    effect = "forbid" if n.modality == "must not" else "permit"
    parts = []
    if n.where:
        parts.append(cedar_cond(v, n.where, False))
    eff = n.effective or n.instrument.effective
    until = n.until or n.instrument.until
    parts.append(f"context.date >= {ymd(eff)}")
    if until:
        parts.append(f"context.date <= {ymd(until)}")
    out = [f'@id("{n.name}")',
           f'{effect} (principal in {uid("Class", n.subject)}, action in {uid("Action", n.action)}, resource)',
           f"when {{ {' && '.join(parts)} }}"]
    if n.unless:
        out.append(f"unless {{ {cedar_cond(v, n.unless)} }}")
    return "\n".join(out) + ";\n"


def render_schema(v):
    out = ["// The benchmark vocabulary as a Cedar schema.",
           "entity Class in [Class];", "entity Actor in [Class];", "entity Resource;",
           "entity Jurisdiction in [Jurisdiction];"]
    out += [f"entity {t} in [{t}];" for t in ENTITY_OF_DIM.values()]
    attrs = [f"  {d.name}: {dim_type(v, d.name)}," for d in v.dimensions]
    attrs += [f"  {f}: Bool," for f in FLAGS]
    attrs += [f"  {c}: Long," for c in COUNTS]
    attrs.append("  date: Long,")
    out += ["type Situation = {"] + attrs + ["};"]
    for name, node in v.action.items():
        parent = f' in ["{node.parent.name}"]' if node.parent else ""
        out.append(f'action "{name}"{parent} appliesTo {{ principal: [Actor], resource: [Resource], context: Situation }};')
    return "\n".join(out) + "\n"


def entity(t, i, parents):
    return {"uid": {"type": t, "id": i}, "attrs": {}, "parents": [{"type": t, "id": p} for p in parents]}


def request(v, s):
    """One authorization request with the slice of the entity store it needs: the actor, its
    classes and their ancestors, and every context value with its ancestors, as an
    application would load them."""
    entities = {}

    def add_chain(t, name, parent_of):
        while name is not None and (t, name) not in entities:
            p = parent_of(name)
            entities[(t, name)] = entity(t, name, [p] if p else [])
            name = p

    actor_parent = lambda c: v.actor[c].parent.name if v.actor[c].parent else None  # noqa: E731
    for c in s.actor:
        add_chain("Class", c, actor_parent)
    context = {}
    for dim, value in s.dimensions.items():
        t = dim_type(v, dim)
        if t == "Jurisdiction":
            add_chain(t, value, lambda j: v.jurisdiction_parent.get(j))
        else:
            node = v.category[value][1]
            add_chain(t, value, lambda x: (lambda n: n.parent.name if n.parent else None)(v.category[x][1]))
            assert node.name == value
        context[dim] = {"__entity": {"type": t, "id": value}}
    for f, val in s.facts.items():
        context[f] = val
    context["date"] = ymd(s.date)
    ents = [{"uid": {"type": "Actor", "id": "actor"}, "attrs": {},
             "parents": [{"type": "Class", "id": c} for c in s.actor]}]
    ents += list(entities.values())
    return {"principal": {"type": "Actor", "id": "actor"}, "action": {"type": "Action", "id": s.action},
            "resource": {"type": "Resource", "id": "request"}, "context": context, "entities": ents}


def write_cedar(model, v, situations, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "policies.cedar", "w", encoding="utf-8") as f:
        for rf in model.files:
            for n in rf.norms:
                f.write(render_policy(v, n))
    (out_dir / "schema.cedarschema").write_text(render_schema(v), encoding="utf-8")
    with open(out_dir / "requests.jsonl", "w", encoding="utf-8") as f:
        for s in situations:
            f.write(json.dumps(request(v, s), separators=(",", ":")) + "\n")

"""The random part of the corpus: instruments, norms and situations, as plain data that the
Nomos writer (gen_corpus.py) and the Cedar writer (gen_cedar.py) both render.

Every choice comes from a seeded random.Random, so a given (seed, size) always yields the
same corpus, byte for byte.
"""

import datetime
import math
import random
from dataclasses import dataclass, field

from vocab import COUNTS, EXCEPTION_FLAGS, FLAGS, INCOMPATIBLE, ISSUERS, LEVELS

NORMS_PER_FILE = 100
BODY_FILES = 2
DEADLINES = ["1 hour", "24 hours", "72 hours", "7 days", "15 days", "30 days", "90 days"]
FILES_PER_INSTRUMENT = 3

# Conditions are tuples:
#   ("in", dim, [values], negated)  ("flag", fact, positive)  ("cmp", fact, op, n)
#   ("and", [c...])  ("or", [c...])


@dataclass
class Instrument:
    name: str
    title: str
    issuer: str
    level: str | None
    effective: datetime.date
    until: datetime.date | None = None


@dataclass
class Norm:
    name: str
    title: str
    instrument: Instrument
    article: str
    subject: str
    modality: str  # "must", "must not", "may", "need not"
    action: str
    where: tuple | None
    unless: tuple | None = None
    within: str | None = None
    effective: datetime.date | None = None
    until: datetime.date | None = None
    prevails: list = field(default_factory=list)
    doc: str | None = None


@dataclass
class RuleFile:
    issuer: str
    directory: str  # e.g. "law_cn"
    module: str  # e.g. "law_cn.cn_0003"
    norms: list


def issuer_dir(issuer):
    return "law_" + issuer.lower()


def random_date(rng, lo_year, hi_year):
    start = datetime.date(lo_year, 1, 1).toordinal()
    end = datetime.date(hi_year, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


class CorpusModel:
    """Instruments and norms of a corpus of `n_norms` norms."""

    def __init__(self, vocab, n_norms, seed):
        self.v = vocab
        self.rng = random.Random(seed * 1_000_003 + n_norms)
        self.n_norms = n_norms
        n_files = max(1, math.ceil(n_norms / NORMS_PER_FILE))
        self.issuers_used = []
        files_of = {}
        dealt = []  # the issuer of each file
        cycle = 0
        while len(dealt) < n_files:
            iss = ISSUERS[cycle % len(ISSUERS)]
            cycle += 1
            # A body's policy is a few hundred rules at most, however large the corpus.
            if iss in vocab.bodies and files_of.get(iss, 0) >= BODY_FILES:
                continue
            if iss not in files_of:
                files_of[iss] = 0
                self.issuers_used.append(iss)
            files_of[iss] += 1
            dealt.append(iss)
        # The markets a body operates in: its rules are written for those territories.
        self.markets = {b: sorted(self.rng.sample([i for i in ISSUERS if i not in vocab.bodies], 3))
                        for b in vocab.bodies}
        self.instruments = {iss: self._instruments_of(iss, files_of[iss]) for iss in self.issuers_used}
        self.consensus = self._consistent(self._random_stance(), vocab)
        # Members of a union that legislates follow its stance closely (harmonisation).
        self.stance = {}
        for iss in sorted(self.issuers_used, key=lambda i: i not in vocab.groups):
            group = vocab.jurisdiction_parent.get(iss)
            if group in self.stance:
                self.stance[iss] = self._deviate(self.stance[group], 0.02)
            else:
                self.stance[iss] = self._deviate(self.consensus, 0.06)
        leaves = lambda d: [n for n in vocab.dim[d].nodes() if not n.children]  # noqa: E731
        all_areas = [(s, d) for s in leaves("sector") for d in leaves("data")]
        self.area_order = {iss: self.rng.sample(all_areas, len(all_areas)) for iss in self.issuers_used}
        # One deadline per issuer and action, as one legal system sets one time limit for a duty.
        self.deadline = {iss: {a: self.rng.choice(DEADLINES) for a in vocab.action} for iss in self.issuers_used}
        self.files = []
        done = 0
        ordinal = {iss: 0 for iss in self.issuers_used}
        for iss in dealt:
            k = ordinal[iss]
            ordinal[iss] += 1
            count = min(NORMS_PER_FILE, n_norms - done)
            done += count
            self.files.append(self._rule_file(iss, k, count))

    # ------------------------------------------------------------ instruments
    def _instruments_of(self, issuer, n_files):
        rng = self.rng
        is_body = issuer in self.v.bodies
        n = math.ceil(n_files / FILES_PER_INSTRUMENT) + 2  # + implementing acts and guidance
        out = []
        for k in range(n):
            if is_body:
                level = rng.choice([None, None, "rule", "guideline"])
                kind = "POLICY"
            else:
                level = rng.choices(LEVELS, weights=[3, 40, 35, 15, 7])[0]
                kind = {"constitution": "CONST", "statute": "ACT", "regulation": "REG",
                        "rule": "RULE", "guideline": "GUIDE"}[level]
            eff = random_date(rng, 1998, 2024)
            until = None
            if rng.random() < 0.08:
                until = eff + datetime.timedelta(days=rng.randint(365 * 3, 365 * 15))
            name = f"{issuer.upper()}_{kind}{k + 1}"
            title = f"{issuer} {title_kind(kind)} no. {k + 1} on data and network governance"
            out.append(Instrument(name, title, issuer, level, eff, until))
        return out

    # ------------------------------------------------------------ files and norms
    def _rule_file(self, issuer, k, count):
        rng = self.rng
        insts = self.instruments[issuer]
        main = insts[k // FILES_PER_INSTRUMENT]
        stem = issuer.lower()
        directory = issuer_dir(issuer)
        module = f"{directory}.{stem}_{k + 1:04d}"
        topic = self._topic(issuer, k)
        first_article = (k % FILES_PER_INSTRUMENT) * NORMS_PER_FILE + 1
        norms = []
        for j in range(count):
            inst = main if rng.random() < 0.85 else rng.choice(insts)
            art = first_article + j
            name = f"{stem}_{k + 1}_{j + 1}"
            norms.append(self._norm(name, issuer, inst, str(art), topic, norms))
        return RuleFile(issuer, directory, module, norms)

    # ------------------------------------------------------------ stances
    # Real legal systems are mostly consistent within themselves and agree with each other on
    # most things: every issuer has a stance per action (oblige, forbid, permit, exempt) taken
    # from a shared consensus with a few deviations, and its ordinary norms follow it. Only
    # deviations (across issuers) and explicit exceptions (within one) make norms collide, so
    # the findings are a realistic minority rather than a quadratic flood.
    def _random_stance(self):
        rng = self.rng
        return {a: rng.choices(["must", "must not", "may", "need not"], weights=[36, 34, 20, 10])[0]
                for a in self.v.action}

    @staticmethod
    def _consistent(stance, v):
        """Changes `stance` until no two actions' stances collide by the table of §6."""
        stance = dict(stance)
        for a, b in INCOMPATIBLE:
            positive = ("must", "may")
            if stance[a] in positive and stance[b] in positive:
                stance[b] = "must not"

        def walk(node, above):
            s = stance[node.name]
            if "must not" in above and s in ("must", "may"):
                s = "must not"  # O or P below a prohibition of the parent
            if "need not" in above and s == "must":
                s = "may"  # O below an exemption from the parent
            if "may" in above and s == "must not":
                s = "may"  # F below a permission of the parent
            stance[node.name] = s
            for c in node.children:
                walk(c, above | {s})

        for root in v.actions:
            walk(root, frozenset())
        return stance

    def _deviate(self, consensus, rate):
        rng = self.rng
        own = dict(consensus)
        for a in own:
            if rng.random() < rate:
                own[a] = rng.choice(["must", "must not", "may", "need not"])
        return self._consistent(own, self.v)

    def _topic(self, issuer, k):
        """What one file regulates: an area (a sector and a data category, both leaves) and a
        family of actions. The files of one issuer have different areas, as the chapters of
        a legal system do, so most pairs of norms from different files never meet and the
        work of the analysis, like the number of findings, grows with N rather than N²."""
        areas = self.area_order[issuer]
        sector, data = areas[k % len(areas)]
        actions = [n for n in self.v.action.values() if n.children]
        return {"sector": sector, "data": data, "action": self.rng.choice(actions), "first_law": k == 0}

    def _pick_subject(self, issuer):
        rng, v = self.rng, self.v
        if issuer in v.bodies and rng.random() < 0.6:
            return issuer
        pool = [n for n in v.actor if n not in v.bodies]
        weights = [6 if v.actor[n].parent and v.actor[n].parent.name == "Company" else
                   4 if any(a.name == "Company" for a in v.actor[n].ancestors()) else 2 for n in pool]
        return rng.choices(pool, weights=weights)[0]

    def _pick_action(self, topic):
        rng = self.rng
        if rng.random() < 0.85:
            fam = list(topic["action"].walk())
            return rng.choice(fam).name
        return rng.choice(sorted(self.v.action))

    def _norm(self, name, issuer, inst, article, topic, earlier):
        rng, v = self.rng, self.v
        if earlier and rng.random() < 0.03:
            return self._exception(name, inst, article, earlier)
        subject = self._pick_subject(issuer)
        action = self._pick_action(topic)
        # General provisions (first file of an issuer only) apply across all its areas.
        general = topic["first_law"] and rng.random() < 0.25
        where = self._condition(issuer, topic, general)
        # Scope clauses that reach abroad follow the international consensus: deviations are
        # for home ground.
        extraterritorial = issuer not in v.bodies and conjuncts(where)[0][1] != "location"
        modality = (self.consensus if extraterritorial else self.stance[issuer])[action]
        unless = None
        if rng.random() < 0.3:
            a, b = rng.sample(EXCEPTION_FLAGS, 2)
            unless = ("flag", a, True) if rng.random() < 0.75 else ("or", [("flag", a, True), ("flag", b, True)])
        within = None
        if modality == "must" and rng.random() < 0.4:
            within = self.deadline[issuer][action]
        eff = until = None
        if rng.random() < 0.05:
            eff = inst.effective + datetime.timedelta(days=rng.randint(30, 900))
            if inst.until and eff > inst.until:
                eff = None
        if rng.random() < 0.03:
            base = eff or inst.effective
            until = base + datetime.timedelta(days=rng.randint(365, 3650))
            if inst.until and until > inst.until:
                until = None
        title = norm_title(modality, subject, action)
        doc = doc_text(modality, subject, action) if rng.random() < 0.4 else None
        return Norm(name, title, inst, article, subject, modality, action, where, unless, within,
                    eff, until, [], doc)

    def _exception(self, name, inst, article, earlier):
        """A carve-out from an earlier article: same subject and action, the opposite
        modality, in a narrower region (the earlier condition and one more), so lex specialis
        or an explicit `prevails over` settles it, as "notwithstanding article 12" does."""
        rng = self.rng
        base = rng.choice(earlier)
        modality = {"must not": "may", "must": "need not", "may": "must not", "need not": "must"}[base.modality]
        used = {a[1] for a in conjuncts(base.where) if a[0] != "or"}
        extra = []
        for maker in (self._flag_atom, self._count_atom):
            atom = maker(None, None)
            while atom[1] in used:
                atom = maker(None, None)
            extra.append(atom)
        where = ("and", conjuncts(base.where) + extra)
        prevails = [base.name] if rng.random() < 0.5 else []
        title = "Exception to " + base.name
        return Norm(name, title, base.instrument, article, base.subject, modality, base.action, where,
                    base.unless, None, base.effective, base.until,
                    prevails, doc_text(modality, base.subject, base.action))

    # ------------------------------------------------------------ conditions
    def _condition(self, issuer, topic, general):
        """Territorial anchor, then the file's area (sector and data category), then 0–2 more
        conditions: 1–4 atoms in all."""
        rng, v = self.rng, self.v
        # Territoriality: a state's norms govern what happens on its territory; a few scope
        # clauses of its first law also reach its residents' data, or companies established
        # there, wherever they act. A body's rules cover the markets it serves.
        if issuer in v.bodies:
            atoms = [("in", "location", self.markets[issuer], False)]
        elif general and rng.random() < 0.1:
            atoms = [("in", rng.choice(["residence", "establishment"]), [issuer], False)]
        else:
            atoms = [("in", "location", [issuer], False)]
        if general:
            makers = [self._broad_data_atom, self._flag_atom, self._count_atom, self._recipient_atom,
                      self._purpose_atom, self._channel_atom]
            weights = [20, 35, 15, 15, 10, 5]
            extras = rng.choice([0, 1, 1, 2, 3])
        else:
            atoms.append(self._area_atom("sector", topic))
            if rng.random() < 0.8:
                atoms.append(self._area_atom("data", topic))
            makers = [self._flag_atom, self._count_atom, self._recipient_atom, self._purpose_atom,
                      self._channel_atom]
            weights = [45, 20, 15, 12, 8]
            extras = min(rng.choice([0, 0, 1, 1, 2]), 4 - len(atoms))
        used = {a[1] for a in atoms}
        more = []
        while len(more) < extras:
            atom = rng.choices(makers, weights=weights)[0](issuer, topic)
            if atom[1] not in used:
                used.add(atom[1])
                more.append(atom)
        if len(more) == 2 and rng.random() < 0.3:
            more = [("or", more)]  # "where consent was given or the data is anonymised"
        atoms += more
        return atoms[0] if len(atoms) == 1 else ("and", atoms)

    def _area_atom(self, dim, topic):
        """The file's own category, or now and then the category above it (which reaches the
        neighbouring areas)."""
        node = topic[dim]
        if node.parent is not None and self.rng.random() < 0.15:
            node = node.parent
        return ("in", dim, [node.name], False)

    def _broad_data_atom(self, issuer, topic):
        rng = self.rng
        nodes = [n for n in self.v.dim["data"].nodes() if n.depth <= 1]
        if rng.random() < 0.8:
            return ("in", "data", [rng.choice(nodes).name], False)
        vals = sorted({n.name for n in rng.sample(nodes, 2)})
        return ("in", "data", vals, True)

    def _purpose_atom(self, issuer, topic):
        rng = self.rng
        vals = [n.name for n in self.v.dim["purpose"].nodes()]
        return ("in", "purpose", sorted(rng.sample(vals, rng.choice([1, 1, 2]))), rng.random() < 0.25)

    def _channel_atom(self, issuer, topic):
        rng = self.rng
        return ("in", "channel", [rng.choice(list(self.v.dim["channel"].nodes())).name], False)

    def _recipient_atom(self, issuer, topic):
        rng, v = self.rng, self.v
        home = issuer if issuer not in v.bodies else rng.choice(ISSUERS[:4])
        r = rng.random()
        if r < 0.6:
            return ("in", "recipient", [home], True)  # a transfer abroad
        if r < 0.8:
            return ("in", "recipient", [home], False)
        others = sorted(set(rng.sample([i for i in ISSUERS if i not in v.bodies], 3)))
        return ("in", "recipient", others, False)

    def _flag_atom(self, issuer, topic):
        rng = self.rng
        return ("flag", rng.choice(FLAGS), rng.random() < 0.7)

    def _count_atom(self, issuer, topic):
        rng = self.rng
        fact = rng.choice(sorted(COUNTS))
        op = rng.choices([">=", ">", "<", "<=", "=="], weights=[50, 20, 15, 10, 5])[0]
        return ("cmp", fact, op, rng.choice(COUNTS[fact]))


def conjuncts(c):
    if c is None:
        return []
    return list(c[1]) if c[0] == "and" else [c]


def title_kind(kind):
    return {"CONST": "Constitution", "ACT": "Act", "REG": "Regulation", "RULE": "Rule",
            "GUIDE": "Guideline", "POLICY": "Policy"}[kind]


def norm_title(modality, subject, action):
    verb = {"must": "shall", "must not": "shall not", "may": "may", "need not": "need not"}[modality]
    return f"{subject} {verb} {action.replace('_', ' ')}"


def doc_text(modality, subject, action):
    verb = {"must": "shall", "must not": "shall not", "may": "may", "need not": "is not required to"}[modality]
    article = "an" if subject[0] in "AEIOU" else "a"
    return (f"Where the conditions below are met, {article} {subject} {verb} {action.replace('_', ' ')}.\n"
            "Paragraph two of the article applies with the necessary modifications.")


# ---------------------------------------------------------------- situations
@dataclass
class Situation:
    actor: list
    action: str
    dimensions: dict
    facts: dict
    date: datetime.date


def make_situations(vocab, n, seed, norms=()):
    """`n` complete situations: every dimension and every fact has a value, so Nomos and Cedar
    see exactly the same input (Cedar has no notion of an unspecified attribute). Half are
    drawn at random; the other half are built to satisfy one norm of the corpus picked at
    random (with everything else random), as the cases a user asks about usually are, so that
    evaluation has applicable norms, statuses and clashes to work out."""
    rng = random.Random(seed * 7919 + 17)
    v = vocab
    norms = list(norms)
    out = []
    for _ in range(n):
        s = random_situation(v, rng)
        if norms and rng.random() < 0.5:
            satisfy(v, rng, rng.choice(norms), s)
        out.append(s)
    return out


def random_situation(v, rng):
    classes = [c for c in v.actor if c not in ("Government", "Company", "Citizen", "NGO")]
    issuing = [i for i in ISSUERS if i not in v.bodies and i not in v.groups]
    members_of_eu = v.groups["EU"][1]
    first = rng.choice(classes)
    actor = [first]
    if rng.random() < 0.3:
        second = rng.choice(classes)
        if second != first and not v.actor_disjoint(first, second):
            actor.append(second)
    dims = {}
    for d in v.dimensions:
        if d.territory:
            r = rng.random()
            dims[d.name] = (rng.choice(issuing) if r < 0.7 else rng.choice(members_of_eu) if r < 0.85
                            else rng.choice(v.countries))
        else:
            dims[d.name] = rng.choice(list(d.nodes())).name
    facts = {f: rng.random() < 0.35 for f in FLAGS}
    for c, thresholds in COUNTS.items():
        facts[c] = rng.randint(0, thresholds[-1] * 2)
    return Situation(actor, rng.choice(list(v.action)), dims, facts, random_date(rng, 2012, 2025))


def _within(v, dim, value, target):
    """Is `value` of dimension `dim` the category or jurisdiction `target` or inside it?"""
    if v.dim[dim].territory:
        return value == target or target in v.jurisdiction_ancestors(value)
    node = v.category[value][1]
    return value == target or any(a.name == target for a in node.ancestors())


def satisfy(v, rng, norm, s):
    """Changes situation `s` so that `norm` applies in it: its subject, its action (or a form
    of it), a date in its window, and values that make `where` true and `unless` false."""
    subject = norm.subject
    below = [c for c, node in v.actor.items()
             if c == subject or any(a.name == subject for a in node.ancestors())]
    if subject in v.bodies:
        below = [subject]
    s.actor = [rng.choice(below)]
    s.action = rng.choice([a.name for a in v.action[norm.action].walk()])
    eff = norm.effective or norm.instrument.effective
    until = norm.until or norm.instrument.until or datetime.date(2025, 12, 31)
    if until >= eff:
        s.date = datetime.date.fromordinal(rng.randint(eff.toordinal(), until.toordinal()))

    def make_true(c):
        kind = c[0]
        if kind == "and":
            for x in c[1]:
                make_true(x)
        elif kind == "or":
            make_true(rng.choice(c[1]))
        elif kind == "flag":
            s.facts[c[1]] = c[2]
        elif kind == "cmp":
            _, fact, op, k = c
            s.facts[fact] = {">=": k + rng.randint(0, k), ">": k + 1 + rng.randint(0, k), "<": rng.randint(0, k - 1),
                             "<=": rng.randint(0, k), "==": k}[op]
        elif kind == "in":
            _, dim, vals, negated = c
            if v.dim[dim].territory:
                pool = v.all_jurisdictions()
            else:
                pool = [x.name for x in v.dim[dim].nodes()]
            if negated:
                pool = [x for x in pool if not any(_within(v, dim, x, t) for t in vals)]
            else:
                pool = [x for x in pool if any(_within(v, dim, x, t) for t in vals)]
            s.dimensions[dim] = rng.choice(pool)

    if norm.where:
        make_true(norm.where)
    if norm.unless:  # `unless` here is a flag or an `or` of flags: all must be false
        for x in ([norm.unless] if norm.unless[0] == "flag" else norm.unless[1]):
            s.facts[x[1]] = not x[2]

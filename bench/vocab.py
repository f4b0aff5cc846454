"""The shared vocabulary of the benchmark corpus: jurisdictions, dimensions, facts, actions,
actors and levels, as Python data that both the Nomos and the Cedar writers read.

Nothing here is random: the vocabulary is the same for every corpus size, so timings of
different sizes differ only by their norms.
"""

from dataclasses import dataclass, field

# ISO 3166 alpha-2 codes of ~200 states and territories. Uppercase, so none collides with a
# Nomos keyword (keywords are lowercase and case-sensitive).
COUNTRIES = """
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD
CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA
GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH
KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MO MR
MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS
RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT
TV TW TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW
""".split()

# Membership groups. Each country is in at most one group, except that the EU is itself a
# member of the EEA (membership is transitive: DE is within the EEA).
GROUPS = {
    "EU": ("European Union", "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"),
    "EEA": ("European Economic Area", "EU NO IS LI"),
    "ASEAN": ("Association of Southeast Asian Nations", "BN KH ID LA MY MM PH SG TH VN"),
    "MERCOSUR": ("Southern Common Market", "AR BR PY UY"),
    "GCC": ("Gulf Cooperation Council", "AE BH KW OM QA SA"),
    "EAEU": ("Eurasian Economic Union", "AM BY KZ KG RU"),
    "ECOWAS": ("Economic Community of West African States", "BJ BF CV CI GM GH GN GW LR ML NE NG SN SL TG"),
}

# Taxonomies in a compact notation: `name{children}`; every name is unique across the whole
# vocabulary so a value never needs qualifying.
DATA = """personal{identifiers{name_address national_id online_id{ip_address cookie_id device_id}}
 sensitive{biometric{face_template fingerprint voiceprint} health{genetic medical_record mental_health}
 minors_data religion political_opinion location_trace}
 financial{payment_card bank_account credit_history} contact_info employee_records}
 important{core{state_secrets defence_data} economic_data{trade_statistics energy_reserves}
 population_data geographic_data{mapping_data satellite_imagery}}
 public_info{published_reports open_government_data} traffic_data{metadata content_data}"""

SECTOR = """critical_infrastructure{energy{power_grid oil_gas nuclear} finance{banking insurance securities}
 telecom{mobile_network backbone satellite_comms} transport{aviation rail maritime} health_care water_supply}
 commerce{retail advertising ecommerce gaming} public_admin education research_sector media"""

PURPOSE = "law_enforcement national_security commercial research journalism public_health"

CHANNEL = "online{web mobile_app api} offline iot{vehicle smart_home wearable}"

ACTIONS = """process{collect{scrape record_audio} store{store_locally store_in_cloud}
 use{profile train_model advertise} transfer{transfer_abroad disclose{disclose_to_authority publish}
 sell_data share_with_affiliate} delete retain anonymize encrypt decrypt_for_access}
 report_incident{notify_regulator notify_users}
 conduct_assessment{security_assessment privacy_impact_assessment}
 filter_content{block_content remove_content}
 intercept{wiretap bulk_collect}
 appoint_representative localize_data provide_backdoor audit register_service verify_identity keep_logs"""

INCOMPATIBLE = [("delete", "retain"), ("encrypt", "provide_backdoor"),
                ("localize_data", "transfer_abroad"), ("anonymize", "verify_identity")]

ACTORS = """Government{LawEnforcement IntelligenceAgency Regulator Court Municipality}
 Company{ServiceProvider{CloudProvider TelecomOperator EmailProvider} CIIOperator
 Platform{SocialNetwork SearchEngine Marketplace} DataBroker PaymentProvider AIDeveloper
 HealthProvider Bank Manufacturer{IoTManufacturer CarMaker} Employer}
 Citizen{Minor}
 NGO{StandardsBody ResearchInstitute PressOrganisation}"""

DISJOINT = [("Government", "Company", "Citizen", "NGO"), ("LawEnforcement", "Court")]

# Organisations that issue their own rules (§4 "Bodies").
BODIES = [("AcmeCloud", "CloudProvider", "Acme Cloud Ltd."),
          ("GlobalPay", "PaymentProvider", "GlobalPay Inc."),
          ("OpenStandards", "StandardsBody", "Open Internet Standards Forum"),
          ("FaceSpace", "SocialNetwork", "FaceSpace Social Network Ltd.")]

LEVELS = ["constitution", "statute", "regulation", "rule", "guideline"]

FLAGS = ["approved", "legal_process", "consent", "explicit_consent", "parental_consent",
         "anonymized", "pseudonymized", "encrypted", "breach_occurred", "security_assessment_passed",
         "certified", "contract_clauses", "adequacy_decision", "dpo_appointed",
         "impact_assessment_done", "public_interest", "emergency", "user_request", "court_order",
         "data_localized", "notified_authority", "cross_border_approved", "automated_decision",
         "profiling_opt_out"]
# Flags that read naturally as exceptions (`unless approved`).
EXCEPTION_FLAGS = ["approved", "consent", "court_order", "emergency", "public_interest",
                   "adequacy_decision", "contract_clauses", "anonymized", "cross_border_approved"]
COUNTS = {"individuals": [1000, 10000, 100000, 1000000], "employees": [50, 250, 1000],
          "annual_turnover_musd": [10, 50, 500], "records_affected": [1, 500, 100000],
          "sensitive_records": [1, 10000], "days_retained": [30, 180, 365, 1825]}

# The issuers in the order files are dealt to them: the first ten (the whole 1k corpus)
# already mix unrelated states, the EU with two member states (primacy) and a body.
ISSUERS = ["CN", "US", "EU", "DE", "AcmeCloud", "GB", "FR", "JP", "IN", "BR",
           "SG", "KR", "RU", "AU", "CA", "IE", "NL", "GlobalPay", "ZA", "NG",
           "KE", "MX", "AR", "ID", "VN", "TH", "MY", "SA", "AE", "TR",
           "OpenStandards", "IL", "CH", "NO", "SE", "PL", "IT", "ES", "EG", "PK",
           "FaceSpace", "PH", "ASEAN", "UA"]

# Sovereignty claims (§5) of a few issuers: (name, jurisdiction, exclusive, condition text).
SOVEREIGNTY = [
    ("cn_data", "CN", False, "location in CN or (data in personal and residence in CN)"),
    ("cn_cii", "CN", True, "location in CN and sector in critical_infrastructure"),
    ("us_providers", "US", False, "establishment in US or location in US"),
    ("eu_residents", "EU", False, "residence in EU or establishment in EU or location in EU"),
    ("ru_localisation", "RU", True, "data in personal and residence in RU"),
    ("in_data", "IN", False, "location in IN or residence in IN"),
    ("gb_data", "GB", False, "location in GB or residence in GB or establishment in GB"),
    ("br_lgpd", "BR", False, "location in BR or residence in BR"),
]

# Agreements (§5): (name, title, parties, effective, [(from, to, condition)]).
AGREEMENTS = [
    ("us_gb_data", "US-UK Data Access Agreement", ["US", "GB"], "2022-10-03",
     [("US", "GB", "residence in GB"), ("GB", "US", "residence in US")]),
    ("eu_us_dpf", "EU-US Data Privacy Framework", ["EU", "US"], "2023-07-10",
     [("US", "EU", "residence in EU and data in personal")]),
    ("eu_jp_adequacy", "EU-Japan mutual adequacy arrangement", ["EU", "JP"], "2019-01-23",
     [("JP", "EU", "residence in EU"), ("EU", "JP", "residence in JP")]),
    ("cn_ru_security", "China-Russia information security cooperation", ["CN", "RU"], "2015-05-08",
     [("RU", "CN", "location in CN"), ("CN", "RU", "location in RU")]),
    ("sg_au_digital", "Singapore-Australia Digital Economy Agreement", ["SG", "AU"], "2020-12-08",
     [("AU", "SG", "establishment in SG"), ("SG", "AU", "establishment in AU")]),
]


@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)
    parent: "Node | None" = None
    depth: int = 0

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def ancestors(self):
        """Strict ancestors, nearest first."""
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


def parse_tree(text):
    """Parses the compact `name{child child{...}}` notation into a list of root Nodes."""
    tokens = text.replace("{", " { ").replace("}", " } ").split()
    roots, stack, last = [], [], None
    for t in tokens:
        if t == "{":
            stack.append(last)
        elif t == "}":
            stack.pop()
        else:
            parent = stack[-1] if stack else None
            last = Node(t, parent=parent, depth=len(stack))
            (parent.children if parent else roots).append(last)
    assert not stack, "unbalanced taxonomy"
    return roots


def title_of(name):
    return name.replace("_", " ")


@dataclass
class Dimension:
    name: str
    title: str
    territory: bool = False
    closed: bool = False
    roots: list = field(default_factory=list)

    def nodes(self):
        for r in self.roots:
            yield from r.walk()


class Vocabulary:
    """Everything the norms and situations draw from, with lookup tables."""

    def __init__(self):
        self.groups = {k: (title, members.split()) for k, (title, members) in GROUPS.items()}
        self.countries = list(COUNTRIES)
        self.jurisdiction_parent = {}  # member -> group (one each here)
        for g, (_, members) in self.groups.items():
            for m in members:
                self.jurisdiction_parent[m] = g
        self.dimensions = [
            Dimension("location", "where the act takes place or the data is stored", territory=True),
            Dimension("residence", "where the data subject resides", territory=True),
            Dimension("establishment", "where the actor is established", territory=True),
            Dimension("recipient", "jurisdiction of whoever receives the data", territory=True),
            Dimension("data", "category of data", roots=parse_tree(DATA)),
            Dimension("sector", "economic sector of the activity", roots=parse_tree(SECTOR)),
            Dimension("purpose", "purpose of the processing", closed=True, roots=parse_tree(PURPOSE)),
            Dimension("channel", "channel through which the service is delivered", roots=parse_tree(CHANNEL)),
        ]
        self.dim = {d.name: d for d in self.dimensions}
        self.actions = parse_tree(ACTIONS)
        self.action = {n.name: n for r in self.actions for n in r.walk()}
        self.actor_roots = parse_tree(ACTORS)
        self.actor = {n.name: n for r in self.actor_roots for n in r.walk()}
        for name, cls, _ in BODIES:  # a body is a class of its own under the class it names
            parent = self.actor[cls]
            node = Node(name, parent=parent, depth=parent.depth + 1)
            self.actor[name] = node
        self.bodies = {name: cls for name, cls, _ in BODIES}
        self.category = {n.name: (d.name, n) for d in self.dimensions for n in d.nodes()}
        self._check_unique()

    def _check_unique(self):
        names = (list(self.countries) + list(self.groups) + list(self.dim) + list(self.category)
                 + list(self.action) + list(self.actor) + FLAGS + list(COUNTS) + LEVELS)
        dup = {n for n in names if names.count(n) > 1}
        assert not dup, f"vocabulary names declared twice: {sorted(dup)}"

    def jurisdiction_ancestors(self, j):
        out = []
        while j in self.jurisdiction_parent:
            j = self.jurisdiction_parent[j]
            out.append(j)
        return out

    def all_jurisdictions(self):
        return self.countries + list(self.groups)

    def actor_disjoint(self, a, b):
        """Whether classes a and b can hold no common actor (declared disjoint, or below two
        disjoint classes)."""
        la = [a] + [n.name for n in self.actor[a].ancestors()]
        lb = [b] + [n.name for n in self.actor[b].ancestors()]
        for group in DISJOINT:
            ga = {x for x in la if x in group}
            gb = {x for x in lb if x in group}
            if ga and gb and ga.isdisjoint(gb):
                return True
        # Two bodies are two different organisations.
        return a != b and a in self.bodies and b in self.bodies

#!/usr/bin/env python3
"""Emits stdlib/std/jurisdictions.nomos: every ISO 3166-1 alpha-2 country code, the EU and the
EEA with their members, and the territory-valued dimensions.

The .nomos file is committed; edit this script and re-run it instead of editing the output:

    python3 stdlib/tools/gen_jurisdictions.py > stdlib/std/jurisdictions.nomos

Names are the ISO 3166-1 English short names. The script checks that the list holds exactly the
249 officially assigned codes, each once, before it writes anything.
"""

import sys

# (alpha-2 code, ISO 3166-1 English short name), in code order.
COUNTRIES = [
    ("AD", "Andorra"),
    ("AE", "United Arab Emirates"),
    ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"),
    ("AI", "Anguilla"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AO", "Angola"),
    ("AQ", "Antarctica"),
    ("AR", "Argentina"),
    ("AS", "American Samoa"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AW", "Aruba"),
    ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia and Herzegovina"),
    ("BB", "Barbados"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BF", "Burkina Faso"),
    ("BG", "Bulgaria"),
    ("BH", "Bahrain"),
    ("BI", "Burundi"),
    ("BJ", "Benin"),
    ("BL", "Saint Barthélemy"),
    ("BM", "Bermuda"),
    ("BN", "Brunei Darussalam"),
    ("BO", "Bolivia (Plurinational State of)"),
    ("BQ", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "Brazil"),
    ("BS", "Bahamas"),
    ("BT", "Bhutan"),
    ("BV", "Bouvet Island"),
    ("BW", "Botswana"),
    ("BY", "Belarus"),
    ("BZ", "Belize"),
    ("CA", "Canada"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Congo, Democratic Republic of the"),
    ("CF", "Central African Republic"),
    ("CG", "Congo"),
    ("CH", "Switzerland"),
    ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"),
    ("CL", "Chile"),
    ("CM", "Cameroon"),
    ("CN", "China"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CU", "Cuba"),
    ("CV", "Cabo Verde"),
    ("CW", "Curaçao"),
    ("CX", "Christmas Island"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DJ", "Djibouti"),
    ("DK", "Denmark"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("DZ", "Algeria"),
    ("EC", "Ecuador"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("EH", "Western Sahara"),
    ("ER", "Eritrea"),
    ("ES", "Spain"),
    ("ET", "Ethiopia"),
    ("FI", "Finland"),
    ("FJ", "Fiji"),
    ("FK", "Falkland Islands (Malvinas)"),
    ("FM", "Micronesia (Federated States of)"),
    ("FO", "Faroe Islands"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GB", "United Kingdom of Great Britain and Northern Ireland"),
    ("GD", "Grenada"),
    ("GE", "Georgia"),
    ("GF", "French Guiana"),
    ("GG", "Guernsey"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GL", "Greenland"),
    ("GM", "Gambia"),
    ("GN", "Guinea"),
    ("GP", "Guadeloupe"),
    ("GQ", "Equatorial Guinea"),
    ("GR", "Greece"),
    ("GS", "South Georgia and the South Sandwich Islands"),
    ("GT", "Guatemala"),
    ("GU", "Guam"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HK", "Hong Kong"),
    ("HM", "Heard Island and McDonald Islands"),
    ("HN", "Honduras"),
    ("HR", "Croatia"),
    ("HT", "Haiti"),
    ("HU", "Hungary"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IM", "Isle of Man"),
    ("IN", "India"),
    ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"),
    ("IR", "Iran (Islamic Republic of)"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("JE", "Jersey"),
    ("JM", "Jamaica"),
    ("JO", "Jordan"),
    ("JP", "Japan"),
    ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"),
    ("KH", "Cambodia"),
    ("KI", "Kiribati"),
    ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"),
    ("KP", "Korea (Democratic People's Republic of)"),
    ("KR", "Korea, Republic of"),
    ("KW", "Kuwait"),
    ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"),
    ("LA", "Lao People's Democratic Republic"),
    ("LB", "Lebanon"),
    ("LC", "Saint Lucia"),
    ("LI", "Liechtenstein"),
    ("LK", "Sri Lanka"),
    ("LR", "Liberia"),
    ("LS", "Lesotho"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("MC", "Monaco"),
    ("MD", "Moldova, Republic of"),
    ("ME", "Montenegro"),
    ("MF", "Saint Martin (French part)"),
    ("MG", "Madagascar"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("ML", "Mali"),
    ("MM", "Myanmar"),
    ("MN", "Mongolia"),
    ("MO", "Macao"),
    ("MP", "Northern Mariana Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MS", "Montserrat"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MV", "Maldives"),
    ("MW", "Malawi"),
    ("MX", "Mexico"),
    ("MY", "Malaysia"),
    ("MZ", "Mozambique"),
    ("NA", "Namibia"),
    ("NC", "New Caledonia"),
    ("NE", "Niger"),
    ("NF", "Norfolk Island"),
    ("NG", "Nigeria"),
    ("NI", "Nicaragua"),
    ("NL", "Netherlands, Kingdom of the"),
    ("NO", "Norway"),
    ("NP", "Nepal"),
    ("NR", "Nauru"),
    ("NU", "Niue"),
    ("NZ", "New Zealand"),
    ("OM", "Oman"),
    ("PA", "Panama"),
    ("PE", "Peru"),
    ("PF", "French Polynesia"),
    ("PG", "Papua New Guinea"),
    ("PH", "Philippines"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PM", "Saint Pierre and Miquelon"),
    ("PN", "Pitcairn"),
    ("PR", "Puerto Rico"),
    ("PS", "Palestine, State of"),
    ("PT", "Portugal"),
    ("PW", "Palau"),
    ("PY", "Paraguay"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russian Federation"),
    ("RW", "Rwanda"),
    ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"),
    ("SC", "Seychelles"),
    ("SD", "Sudan"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("SH", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "Slovenia"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("SK", "Slovakia"),
    ("SL", "Sierra Leone"),
    ("SM", "San Marino"),
    ("SN", "Senegal"),
    ("SO", "Somalia"),
    ("SR", "Suriname"),
    ("SS", "South Sudan"),
    ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"),
    ("SX", "Sint Maarten (Dutch part)"),
    ("SY", "Syrian Arab Republic"),
    ("SZ", "Eswatini"),
    ("TC", "Turks and Caicos Islands"),
    ("TD", "Chad"),
    ("TF", "French Southern Territories"),
    ("TG", "Togo"),
    ("TH", "Thailand"),
    ("TJ", "Tajikistan"),
    ("TK", "Tokelau"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TN", "Tunisia"),
    ("TO", "Tonga"),
    ("TR", "Türkiye"),
    ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"),
    ("TW", "Taiwan, Province of China"),
    ("TZ", "Tanzania, United Republic of"),
    ("UA", "Ukraine"),
    ("UG", "Uganda"),
    ("UM", "United States Minor Outlying Islands"),
    ("US", "United States of America"),
    ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"),
    ("VA", "Holy See"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela (Bolivarian Republic of)"),
    ("VG", "Virgin Islands (British)"),
    ("VI", "Virgin Islands (U.S.)"),
    ("VN", "Viet Nam"),
    ("VU", "Vanuatu"),
    ("WF", "Wallis and Futuna"),
    ("WS", "Samoa"),
    ("YE", "Yemen"),
    ("YT", "Mayotte"),
    ("ZA", "South Africa"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
]

# A territory is listed as a member of a country only where that country's law applies there by
# default and, for a member state of the EU, only where EU law applies too: membership is
# transitive, so a member of FR is inside EU and EEA.
TERRITORIES = {
    # Outermost regions of the EU (TFEU Art. 349 and 355(1)); the overseas collectivities and
    # territories PF, NC, WF, PM, BL and TF lie outside the EU and are not members.
    "FR": ["GF", "GP", "MQ", "RE", "YT", "MF"],
    # Åland is part of Finland and of the EU (Protocol 2 to the 1994 Act of Accession exempts it
    # only from some tax and establishment rules).
    "FI": ["AX"],
    # Territories where federal law applies.
    "US": ["PR", "GU", "VI", "AS", "MP", "UM"],
    # External territories governed by Commonwealth law.
    "AU": ["CX", "CC", "NF", "HM"],
}

# Doc comments for the declarations that need a word of explanation.
NOTES = {
    "CN": "Mainland China. Hong Kong (HK) and Macao (MO) have their own data laws and are not\n"
          "members: the mainland statutes' \"within the territory\" does not reach them, and a\n"
          "transfer from the mainland to either is a cross-border transfer.",
    "GB": "The United Kingdom. ISO 3166-1 assigns GB; UK is only exceptionally reserved, so the\n"
          "standard library uses GB. The Crown Dependencies (GG, JE, IM) and the overseas\n"
          "territories are separate jurisdictions.",
    "NO": "Norway. Svalbard (SJ) is not a member: the EEA Agreement does not apply there.",
    "DK": "Denmark. Greenland (GL) and the Faroe Islands (FO) lie outside the EU and are not members.",
    "NL": "The Netherlands. Aruba (AW), Curaçao (CW), Sint Maarten (SX) and the Caribbean\n"
          "Netherlands (BQ) lie outside the EU and are not members.",
}

# The 27 member states of the European Union since 1 February 2020.
EU_MEMBERS = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
              "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]

TERRITORY_DIMENSIONS = [
    ("location", "where the act takes place or the data is stored",
     "The place of the act: where data is processed or stored, where a network is operated."),
    ("residence", "where the data subject resides",
     "Where the person the data is about lives (GDPR Art. 3(2) speaks of persons \"in the Union\";\n"
     "PIPL Art. 3 of natural persons \"within the territory\")."),
    ("establishment", "where the actor is established",
     "Where the actor has its seat or the establishment in whose context it acts."),
    ("recipient", "jurisdiction of whoever receives the data",
     "Where the party receiving the data (a company, an authority, a court) sits."),
    ("nationality", "nationality of the data subject",
     "The citizenship of the person the data is about (Russia's localisation rule, for one,\n"
     "follows its citizens rather than its residents)."),
    ("origin", "where the data was collected or generated",
     "Where the data came into being: collected from people there or generated by operations\n"
     "there (\"collected and generated within the territory\" in China's CSL Art. 37)."),
]


def check():
    codes = [code for code, _ in COUNTRIES]
    if len(codes) != 249:
        sys.exit(f"expected 249 ISO 3166-1 codes, found {len(codes)}")
    if len(set(codes)) != len(codes):
        sys.exit("duplicate code in COUNTRIES")
    if codes != sorted(codes):
        sys.exit("COUNTRIES is not in code order")
    known = set(codes)
    for container, members in TERRITORIES.items():
        for code in [container] + members:
            if code not in known:
                sys.exit(f"unknown code {code} in TERRITORIES")
    if len(EU_MEMBERS) != 27 or len(set(EU_MEMBERS)) != 27 or not set(EU_MEMBERS) <= known:
        sys.exit("EU_MEMBERS must list 27 distinct known codes")


def doc(text, out):
    for line in text.split("\n"):
        out.append(f"/// {line}")


def emit():
    out = []
    out.append("// Generated by stdlib/tools/gen_jurisdictions.py: edit the script, not this file.")
    out.append("//")
    out.append("// Every ISO 3166-1 alpha-2 code as a jurisdiction, named by its ISO English short name")
    out.append("// (names follow the standard and imply no position on any territory's status), the")
    out.append("// European Union and the European Economic Area, and the territory-valued dimensions.")
    out.append("module std.jurisdictions;")
    out.append("")
    # Territories that are members of a country come after all countries, so that where a
    # witness needs "some place in US" the country itself is the first candidate.
    member_codes = {m for members in TERRITORIES.values() for m in members}
    names = dict(COUNTRIES)
    for code, name in COUNTRIES:
        if code in member_codes:
            continue
        if code in NOTES:
            doc(NOTES[code], out)
        members = TERRITORIES.get(code)
        if members:
            out.append(f'jurisdiction {code} "{name}" {{ members {", ".join(members)}; }}')
        else:
            out.append(f'jurisdiction {code} "{name}";')
    out.append("")
    out.append("// Territories within the countries above (see their `members`).")
    for container, members in TERRITORIES.items():
        for code in members:
            out.append(f'jurisdiction {code} "{names[code]}";')
    out.append("")
    doc("The European Union: its 27 member states since the United Kingdom left on 1 February\n"
        "2020. EU law takes precedence over the law of its member states (primacy), so a norm of\n"
        "EU prevails over a conflicting norm of a member state.", out)
    out.append('jurisdiction EU "European Union" {')
    # One `members` list, wrapped.
    for i in range(0, len(EU_MEMBERS), 14):
        chunk = EU_MEMBERS[i:i + 14]
        last = i + 14 >= len(EU_MEMBERS)
        lead = "  members " if i == 0 else "          "
        out.append(lead + ", ".join(chunk) + (";" if last else ","))
    out.append("}")
    out.append("")
    doc("The European Economic Area: the EU member states plus Iceland, Liechtenstein and Norway\n"
        "(EEA Agreement, in force since 1 January 1994). Membership is a DAG: Germany is within EU\n"
        "and, through it, within EEA. GDPR Chapter V speaks of transfers to third countries; as\n"
        "the GDPR applies in the whole EEA, \"recipient not in EEA\" is the usual condition.", out)
    out.append('jurisdiction EEA "European Economic Area" { members EU, IS, LI, NO; }')
    out.append("")
    out.append("// ---------------------------------------------------------------- territory dimensions")
    out.append("")
    for name, title, text in TERRITORY_DIMENSIONS:
        doc(text, out)
        out.append(f'dimension {name} : territory "{title}";')
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main():
    check()
    sys.stdout.write(emit())


if __name__ == "__main__":
    main()

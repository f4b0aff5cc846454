// The vocabulary of LANGUAGE.md §3-§5, built by hand: jurisdictions, dimensions, facts,
// actions, actors and levels that the analysis tests share.
#pragma once

#include "program_builder.h"

namespace nomos::analysis::testing {

struct SpecWorld {
  ProgramBuilder b;
  Index CN, US, DE, FR, IE, NL, EU, UK;
  Index location, residence, establishment, recipient, sector, data, purpose;
  Index critical, energy, finance, telecom, commerce;
  Index personal, sensitive, biometric, health, minors, important, core, public_info;
  Index law_enforcement, national_security, commercial, research;
  Index approved, legal_process, individuals;
  Index process, collect, store, use, transfer, transfer_abroad, disclose, del, retain,
      report_incident;
  Index Government, Company, Citizen, CIIOperator, ServiceProvider;
  Index constitution, statute, regulation, rule, guideline;

  SpecWorld() {
    CN = b.jurisdiction("CN");
    US = b.jurisdiction("US");
    DE = b.jurisdiction("DE");
    FR = b.jurisdiction("FR");
    IE = b.jurisdiction("IE");
    NL = b.jurisdiction("NL");
    EU = b.jurisdiction("EU", {DE, FR, IE, NL});
    UK = b.jurisdiction("UK");

    location = b.territory("location");
    residence = b.territory("residence");
    establishment = b.territory("establishment");
    recipient = b.territory("recipient");
    sector = b.taxonomy("sector");
    critical = b.category(sector, "critical_infrastructure");
    energy = b.category(sector, "energy", critical);
    finance = b.category(sector, "finance", critical);
    telecom = b.category(sector, "telecom", critical);
    commerce = b.category(sector, "commerce");
    data = b.taxonomy("data");
    personal = b.category(data, "personal");
    sensitive = b.category(data, "sensitive", personal);
    biometric = b.category(data, "biometric", sensitive);
    health = b.category(data, "health", sensitive);
    minors = b.category(data, "minors", sensitive);
    important = b.category(data, "important");
    core = b.category(data, "core", important);
    public_info = b.category(data, "public_info");
    purpose = b.taxonomy("purpose", /*closed=*/true);
    law_enforcement = b.category(purpose, "law_enforcement");
    national_security = b.category(purpose, "national_security");
    commercial = b.category(purpose, "commercial");
    research = b.category(purpose, "research");

    approved = b.flag("approved");
    legal_process = b.flag("legal_process");
    individuals = b.count("individuals");

    process = b.action("process");
    collect = b.action("collect", process);
    store = b.action("store", process);
    use = b.action("use", process);
    transfer = b.action("transfer", process);
    transfer_abroad = b.action("transfer_abroad", transfer);
    disclose = b.action("disclose", transfer);
    del = b.action("delete", process);
    retain = b.action("retain", process);
    report_incident = b.action("report_incident");
    b.incompatible({del, retain});

    Government = b.actor("Government");
    Company = b.actor("Company");
    Citizen = b.actor("Citizen");
    b.disjoint({Government, Company, Citizen});
    CIIOperator = b.actor("CIIOperator", {Company});
    ServiceProvider = b.actor("ServiceProvider", {Company});

    constitution = b.levels({"constitution", "statute", "regulation", "rule", "guideline"});
    statute = constitution + 1;
    regulation = constitution + 2;
    rule = constitution + 3;
    guideline = constitution + 4;
  }

  using P = ProgramBuilder;

  /// pipl_41 of LANGUAGE.md §4 (instrument PIPL, effective 2021-11-01).
  Index addPipl41() {
    Index pipl = b.instrument("PIPL", P::jur(CN), statute, P::date(2021, 11, 1));
    Index n =
        b.norm("pipl_41", pipl, Company, Modality::MustNot, disclose,
               P::all({P::in(data, {personal}), P::in(location, {CN}), P::notIn(recipient, {CN})}),
               P::is(approved));
    b[n].article = "41";
    return n;
  }
  /// cloud_2713 of LANGUAGE.md §4 (instrument CLOUD, effective 2018-03-23).
  Index addCloud2713() {
    Index cloud = b.instrument("CLOUD", P::jur(US), statute, P::date(2018, 3, 23));
    Index n =
        b.norm("cloud_2713", cloud, ServiceProvider, Modality::Must, disclose,
               P::all({P::in(establishment, {US}), P::in(recipient, {US}), P::is(legal_process)}));
    b[n].article = "18 U.S.C. 2713";
    return n;
  }
};

}  // namespace nomos::analysis::testing

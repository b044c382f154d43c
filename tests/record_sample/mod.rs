//! Sample documents shared by the `record_*` integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use enduse::country::Country;
use enduse::lang::Lang;
use enduse::record::v1::*;
use enduse::record::{Digest, SecretKey};

pub fn country(code: &str) -> Country {
    Country::parse(code).expect("sample country")
}

pub fn id(text: &str) -> Id {
    Id::new(text).expect("sample id")
}

pub fn created() -> CreatedAt {
    CreatedAt {
        utc: serde_json::from_str("\"2024-03-20T09:05:00Z\"").expect("sample time"),
        offset_minutes: OffsetMinutes::new(300).expect("sample offset"),
    }
}

pub fn key(seed: u8) -> SecretKey {
    SecretKey::from_seed([seed; 32])
}

pub fn goods() -> Vec<GoodsLine> {
    vec![
        GoodsLine {
            hs_code: Some(HsCode::new("854231").expect("hs")),
            description: "Microcontrollers STM32F4".into(),
            quantity: Some(Decimal::new("500").expect("qty")),
            unit: "pcs".into(),
            value: Some(Decimal::new("2500.00").expect("value")),
            currency: Some(CurrencyCode::new("EUR").expect("eur")),
            origin: Some(country("CN")),
            manufacturer: "STMicroelectronics".into(),
            dual_use: Answer::Unknown,
        },
        GoodsLine {
            hs_code: Some(HsCode::new("848210").expect("hs")),
            description: "Ball bearings 6204".into(),
            quantity: Some(Decimal::new("1200").expect("qty")),
            unit: "pcs".into(),
            value: None,
            currency: None,
            origin: None,
            manufacturer: String::new(),
            dual_use: Answer::Unknown,
        },
    ]
}

fn party(role: PartyRole, name: &str, address: &str) -> Party {
    Party {
        role,
        name: name.into(),
        country: Some(country("KZ")),
        region: Some(id("elsewhere")),
        address: address.into(),
        registration_number: "180840012345".into(),
        established: NaiveDate::from_ymd_opt(2018, 8, 1),
        website: "https://kulan.example.kz".into(),
        web_presence: Answer::Yes,
        business: Some(id("distributor")),
        related_to_other_parties: Answer::No,
        relationship: String::new(),
        previous_dealings: Answer::Unknown,
        residential_address: Answer::No,
        business_matches_goods: Answer::Yes,
        email_domain: None,
        phone_country: None,
        owned_by_russia_belarus: Answer::Unknown,
        owner_country: None,
        related_to_exporter: Answer::Unknown,
        prior_russia_business: Answer::Unknown,
    }
}

pub fn parties() -> Vec<Party> {
    vec![
        party(PartyRole::Buyer, "Кулан Трейд ТОО", "пр. Абая 10, Алматы"),
        party(PartyRole::EndUser, "Steppe Automation LLP", ""),
    ]
}

pub fn exporter() -> Exporter {
    Exporter {
        name: "Müller Elektronik GmbH".into(),
        country: Some(country("DE")),
        risk_assessment: Answer::Unknown,
        risk_assessment_reviewed: None,
        non_eu_subsidiaries: Answer::Unknown,
        subsidiaries_best_efforts: Answer::Unknown,
    }
}

/// The parties as a request names them (name, country, address).
pub fn named_parties() -> Vec<RequestParty> {
    parties()
        .iter()
        .map(|p| RequestParty::Named(NamedParty::from(p)))
        .collect()
}

pub fn request() -> DeclarationRequest {
    DeclarationRequest {
        request_id: id("req-2024-0042"),
        exporter: exporter(),
        goods: goods(),
        parties: named_parties(),
        language: Lang::Ru,
        created: created(),
        forwarded: None,
    }
}

/// A request as releases before 0.3 made it: the record's whole parties.
pub fn legacy_request() -> DeclarationRequest {
    DeclarationRequest {
        parties: parties().into_iter().map(RequestParty::Legacy).collect(),
        ..request()
    }
}

pub fn response(request_digest: Digest) -> DeclarationResponse {
    let request = request();
    DeclarationResponse {
        request_id: request.request_id.clone(),
        request_digest,
        customer: DeclaredCustomer {
            name: "Кулан Трейд ТОО".into(),
            address: "пр. Абая 10, Алматы".into(),
            country: country("KZ"),
            website: Some("https://kulan.example.kz".into()),
            role: CustomerRole::Purchaser,
        },
        disposition: Disposition::ResellDomestic,
        end_user: DeclaredEndUser {
            name: "Steppe Automation LLP".into(),
            address: "ул. Сатпаева 5, Астана".into(),
            country: country("KZ"),
        },
        items: request.items_template(),
        end_use: DeclaredEndUse {
            description: "Controllers for grain-silo automation".into(),
            country: country("KZ"),
        },
        commitments: Commitments {
            no_russia_belarus: true,
            no_military_end_use: true,
            accept_audit_and_notify: true,
            flow_down: true,
        },
        signatory: DeclarationSignatory {
            name: "Айгерим Серикова".into(),
            title: "Director".into(),
            date: NaiveDate::from_ymd_opt(2024, 3, 22).expect("date"),
        },
        documents: None,
        previous_response: None,
    }
}

pub fn record() -> Record {
    let mut signals = BTreeMap::new();
    signals.insert(id("cash_payment"), id("no"));
    signals.insert(id("price_vs_market"), id("far_above"));
    signals.insert(id("company_age_months"), id("unknown"));
    let mut safeguards = BTreeMap::new();
    safeguards.insert(id("no_russia_clause"), id("yes"));
    Record {
        transaction: Transaction {
            reference: "PO-2024-117".into(),
            exporter: exporter(),
            goods: goods(),
            parties: parties(),
            end_use: EndUse {
                description: "Automation of grain silos".into(),
                sector: Some(id("agriculture")),
                disposition: Some(id("own_use")),
                military_or_government: Answer::No,
            },
            shipment: Shipment {
                destination: Some(country("KZ")),
                destination_region: None,
                route: "Hamburg – Urumqi – Almaty".into(),
                transit_countries: Some(vec![country("CN")]),
                mode: Some(id("road")),
                forwarder_is_final_destination: Answer::No,
                last_minute_changes: Answer::Unknown,
                contract_date: None,
            },
            payment: Payment {
                payer_name: "Ararat Holdings".into(),
                payer_country: Some(country("AM")),
                bank_country: Some(country("AM")),
                method: Some(id("bank_transfer")),
                currency: Some(CurrencyCode::new("EUR").expect("eur")),
                prepayment: Answer::Yes,
                third_party_payer: Answer::Yes,
                bank_name: String::new(),
                bank_bic: String::new(),
            },
            signals,
            safeguards,
            chain: vec![ChainHop {
                party: "Кулан Трейд ТОО".into(),
                country: Some(country("KZ")),
                region: None,
                role: Some(id("re_exporter")),
                shipped: NaiveDate::from_ymd_opt(2024, 4, 2),
                quantities: vec![Some(Decimal::new("500").expect("qty")), None],
                documents: HopDocuments {
                    esf: "ESF-KZ-2024-000451".into(),
                    snt: "SNT-88812".into(),
                    guarantee_obligation: "GO-KG-17".into(),
                    received: NaiveDate::from_ymd_opt(2024, 4, 9),
                    ..HopDocuments::default()
                },
            }],
        },
        assessment: Assessment {
            rating: Rating::High,
            score: 70,
            worst_case: Rating::Stop,
            inherent_rating: None,
            as_of: None,
            lang: Lang::En,
            findings: vec![Finding {
                rule_id: id("chpl.tier1"),
                severity: Severity::High,
                inherent_severity: None,
                mitigated_by: vec![],
                score: 40,
                title: "Common High Priority List item".into(),
                explanation: "HS 854231 is on the Common High Priority List, tier 1.".into(),
                citations: vec![Citation {
                    issuer: "BIS".into(),
                    document: "Common High Priority List".into(),
                    section: Some("Tier 1".into()),
                    date: NaiveDate::from_ymd_opt(2024, 2, 23),
                    url: Some("https://www.bis.gov/".into()),
                }],
                mitigations: vec!["Obtain an end-use statement".into()],
                triggers: vec!["goods.0.hs".into()],
            }],
            missing: vec![MissingInfo {
                fact: "end_user.address".into(),
                label: "End user's address".into(),
                rules: vec![id("residential-address")],
                could_reach: Rating::Stop,
                changes_rating: true,
            }],
        },
        ruleset: RulesetRef {
            id: id("enduse-default"),
            version: "2024.1".into(),
            sha256: Digest::of(b"ruleset"),
        },
        app_version: enduse::version::APP_VERSION.into(),
        created: created(),
        signatory: Signatory {
            name: "Anna Schmidt".into(),
            role: "Export compliance officer".into(),
        },
        declarations: vec![],
        screening: Some(ScreeningSummary {
            lists: vec![ScreenedList {
                name: "OFAC SDN".into(),
                date: Some("2024-03-19".into()),
                sha256: Digest::of(b"sdn.xml"),
                entries: None,
                retrieved: None,
                standing: None,
            }],
            results: vec![ScreeningResult {
                party: "buyer".into(),
                outcome: ScreeningOutcome::NoListMatch,
                summary: String::new(),
            }],
        }),
        declaration_status: Some(DeclarationStatus::Requested),
    }
}

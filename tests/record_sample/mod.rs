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
            description: "Microcontrollers STM32F4".into(),
            hs_code: Some(HsCode::new("854231").expect("hs")),
            quantity: Some(Decimal::new("500").expect("qty")),
            unit: Some("pcs".into()),
            value: Some(Money {
                amount: Decimal::new("2500.00").expect("amount"),
                currency: CurrencyCode::new("EUR").expect("eur"),
            }),
        },
        GoodsLine {
            description: "Ball bearings 6204".into(),
            hs_code: Some(HsCode::new("848210").expect("hs")),
            quantity: Some(Decimal::new("1200").expect("qty")),
            unit: Some("pcs".into()),
            value: None,
        },
    ]
}

pub fn parties() -> Vec<Party> {
    vec![
        Party {
            role: PartyRole::Buyer,
            name: "Кулан Трейд ТОО".into(),
            country: Some(country("KZ")),
            address: Some("пр. Абая 10, Алматы".into()),
            website: Some("https://kulan.example.kz".into()),
            business: Some(id("distributor")),
        },
        Party {
            role: PartyRole::EndUser,
            name: "Steppe Automation LLP".into(),
            country: Some(country("KZ")),
            address: None,
            website: None,
            business: None,
        },
    ]
}

pub fn exporter() -> Exporter {
    Exporter {
        name: "Müller Elektronik GmbH".into(),
        country: Some(country("DE")),
    }
}

pub fn request() -> DeclarationRequest {
    DeclarationRequest {
        request_id: id("req-2024-0042"),
        exporter: exporter(),
        goods: goods(),
        parties: parties(),
        language: Lang::Ru,
        created: created(),
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
            exporter: exporter(),
            goods: goods(),
            parties: parties(),
            end_use: EndUse {
                description: "Automation of grain silos".into(),
                country: Some(country("KZ")),
                sector: Some(id("agriculture")),
                disposition: Some(id("own_use")),
            },
            route: Route {
                ship_to: Some(country("KZ")),
                transit: vec![country("CN")],
                transport: Some(id("road")),
            },
            payment: Payment {
                method: Some(id("bank_transfer")),
                payer_country: Some(country("AM")),
                amount: Some(Money {
                    amount: Decimal::new("2500.00").expect("amount"),
                    currency: CurrencyCode::new("EUR").expect("eur"),
                }),
            },
            signals,
            safeguards,
        },
        assessment: Assessment {
            rating: Rating::High,
            score: 70,
            findings: vec![Finding {
                rule_id: id("chpl.tier1"),
                severity: Severity::High,
                explanation: "HS 854231 is on the Common High Priority List, tier 1.".into(),
                citations: vec![Citation {
                    issuer: "BIS".into(),
                    title: "Common High Priority List".into(),
                    date: Some("2024-02-23".into()),
                    section: Some("Tier 1".into()),
                    url: Some("https://www.bis.gov/".into()),
                }],
            }],
            missing: vec![MissingInfo {
                field: "transaction.parties[1].address".into(),
                explanation: "The end user's address is needed for screening.".into(),
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
            }],
            results: vec![ScreeningResult {
                party: "Кулан Трейд ТОО".into(),
                outcome: ScreeningOutcome::NoListMatch,
                matches: vec![],
            }],
        }),
    }
}

//! From the domain (questionnaire model, evaluator) into the frozen v1 schema.
//!
//! This is the only place that knows both sides. When the model changes, the
//! compiler points here, and the mapping decides how the new shape is written
//! in v1 — old records never change meaning.
//!
//! The model keeps quantities and values as `f64` (what a form field parses
//! into); v1 refuses floats, so they are written as the shortest decimal that
//! reads back to the same `f64` (`0.1` → `"0.1"`, never `0.1000000000000000055`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::v1::{self, CreatedAt, Decimal, Id, OffsetMinutes, UtcTimestamp, ValueError};
use crate::evaluate;
use crate::model::{self, Answer, Fact, Symbol, Transaction};
use crate::record::digest::Digest;
use crate::ruleset::Severity;

/// Why a domain value could not be written in the v1 schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct ConvertError {
    /// Where in the domain value, e.g. `goods[2].quantity`.
    pub path: String,
    /// What is wrong.
    pub reason: String,
}

fn error(path: impl Into<String>, reason: impl ToString) -> ConvertError {
    ConvertError {
        path: path.into(),
        reason: reason.to_string(),
    }
}

/// Everything a record holds besides what the domain types carry.
#[derive(Debug, Clone)]
pub struct RecordContext {
    /// When the record is made.
    pub created: DateTime<Utc>,
    /// The user's UTC offset in minutes (east positive).
    pub offset_minutes: i32,
    /// Who signs off.
    pub signatory: v1::Signatory,
    /// Declarations received (see `ResponseCheck::embedded`).
    pub declarations: Vec<v1::EmbeddedResponse>,
    /// Screening lists and results, when screening was run.
    pub screening: Option<v1::ScreeningSummary>,
}

/// Builds a v1 record from the domain transaction, evidence and assessment.
pub fn record_from_domain(
    transaction: &Transaction,
    evidence: &model::Evidence,
    assessment: &evaluate::Assessment,
    context: RecordContext,
) -> Result<v1::Record, ConvertError> {
    Ok(v1::Record {
        transaction: transaction_to_v1(transaction)?,
        assessment: assessment_to_v1(assessment)?,
        ruleset: v1::RulesetRef {
            id: id(&assessment.ruleset.id, "assessment.ruleset.id")?,
            version: assessment.ruleset.version.clone(),
            sha256: format!("sha256:{}", assessment.ruleset.sha256)
                .parse::<Digest>()
                .map_err(|e| error("assessment.ruleset.sha256", e))?,
        },
        app_version: crate::version::APP_VERSION.to_string(),
        created: created_at(context.created, context.offset_minutes)?,
        signatory: context.signatory,
        declarations: context.declarations,
        screening: context.screening,
        declaration_status: evidence
            .declaration
            .known()
            .map(|status| declaration_status(*status)),
    })
}

/// The creation time in v1 form (truncated to whole seconds).
pub fn created_at(instant: DateTime<Utc>, offset_minutes: i32) -> Result<CreatedAt, ConvertError> {
    Ok(CreatedAt {
        utc: UtcTimestamp::from_datetime(instant),
        offset_minutes: OffsetMinutes::new(offset_minutes)
            .map_err(|e| error("created.offset_minutes", e))?,
    })
}

/// Builds a declaration request from a transaction: goods and parties are
/// prefilled so the counterparty only confirms or corrects.
///
/// Need to know: the request carries the goods (without prices: the
/// request may reach a party other than the buyer), the parties as the
/// exporter names them ([`v1::NamedParty`]) and who asks. Nothing of the
/// exporter's own answers about the parties, the red-flag signals, the
/// findings or the screening goes into it; `tests::request_allow_list`
/// fails if a member outside the allow-list appears.
pub fn request_from_domain(
    transaction: &Transaction,
    request_id: &str,
    language: crate::lang::Lang,
    created: DateTime<Utc>,
    offset_minutes: i32,
) -> Result<v1::DeclarationRequest, ConvertError> {
    let tx = transaction_to_v1(transaction)?;
    Ok(v1::DeclarationRequest {
        request_id: id(request_id, "request_id")?,
        // Who asks, not the exporter's own compliance profile.
        exporter: v1::Exporter {
            name: tx.exporter.name,
            country: tx.exporter.country,
            risk_assessment: v1::Answer::Unknown,
            risk_assessment_reviewed: None,
            non_eu_subsidiaries: v1::Answer::Unknown,
            subsidiaries_best_efforts: v1::Answer::Unknown,
        },
        goods: tx
            .goods
            .into_iter()
            .map(|line| v1::GoodsLine {
                value: None,
                currency: None,
                // The exporter's own classification stays with the exporter.
                dual_use: v1::Answer::Unknown,
                ..line
            })
            .collect(),
        parties: tx
            .parties
            .iter()
            .map(|p| v1::RequestParty::Named(v1::NamedParty::from(p)))
            .collect(),
        language,
        created: created_at(created, offset_minutes)?,
        forwarded: None,
    })
}

/// Writes the questionnaire's transaction in v1 form.
pub fn transaction_to_v1(tx: &Transaction) -> Result<v1::Transaction, ConvertError> {
    let goods = tx
        .goods
        .iter()
        .enumerate()
        .map(|(i, line)| goods_line(line, &format!("goods[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let parties = tx
        .parties()
        .map(|(position, party)| party_to_v1(position, party))
        .collect::<Result<Vec<_>, _>>()?;
    let s = &tx.signals;
    let signals = [
        ("price_vs_market", fact_symbol(&s.price_vs_market)),
        ("quantity_vs_need", fact_symbol(&s.quantity_vs_need)),
        ("unusual_urgency", s.unusual_urgency.as_str()),
        ("unusual_packaging", s.unusual_packaging.as_str()),
        ("refuses_information", s.refuses_information.as_str()),
        ("declines_installation", s.declines_installation.as_str()),
        (
            "unfamiliar_with_product",
            s.unfamiliar_with_product.as_str(),
        ),
    ];
    // Questions added in transaction schema 2 travel in the same open maps,
    // and only once answered: a record of a transaction that never saw them
    // stays byte for byte what it was.
    let signals_v2 = [
        ("remove_russia_references", s.remove_russia_references),
        ("item_unfit_for_destination", s.item_unfit_for_destination),
        ("several_end_users", s.several_end_users),
        (
            "communications_from_third_party",
            s.communications_from_third_party,
        ),
        (
            "lc_consigned_to_issuing_bank",
            tx.payment.lc_consigned_to_issuing_bank,
        ),
        ("transit_list_complete", tx.shipment.transit_list_complete),
        ("vague_delivery_dates", tx.shipment.vague_delivery_dates),
    ];
    let signals: Vec<(&str, &str)> = signals.into_iter().chain(answered(&signals_v2)).collect();
    let g = &tx.safeguards;
    let safeguards_v2 = [
        ("seller_installs", g.seller_installs),
        ("site_verified", g.site_verified),
        ("post_shipment_verified", g.post_shipment_verified),
        ("no_belarus_clause", g.no_belarus_clause),
        ("ip_rights_granted", g.ip_rights_granted),
        ("no_russia_ip_clause", g.no_russia_ip_clause),
    ];
    let safeguards: Vec<(&str, &str)> = [
        ("no_russia_clause", g.no_russia_clause.as_str()),
        ("end_use_statement", g.end_use_statement.as_str()),
        ("audit_rights", g.audit_rights.as_str()),
        ("re_export_notification", g.re_export_notification.as_str()),
    ]
    .into_iter()
    .chain(answered(&safeguards_v2))
    .collect();
    Ok(v1::Transaction {
        reference: tx.reference.clone(),
        exporter: v1::Exporter {
            name: tx.exporter.name.clone(),
            country: tx.exporter.country.known().copied(),
            risk_assessment: answer(tx.exporter.risk_assessment),
            risk_assessment_reviewed: tx.exporter.risk_assessment_reviewed.known().copied(),
            non_eu_subsidiaries: answer(tx.exporter.non_eu_subsidiaries),
            subsidiaries_best_efforts: answer(tx.exporter.subsidiaries_best_efforts),
        },
        goods,
        parties,
        end_use: v1::EndUse {
            description: tx.end_use.description.clone(),
            sector: symbol(&tx.end_use.sector, "end_use.sector")?,
            disposition: symbol(&tx.end_use.disposition, "end_use.disposition")?,
            military_or_government: answer(tx.end_use.military_or_government),
        },
        shipment: v1::Shipment {
            destination: tx.shipment.destination.known().copied(),
            destination_region: symbol(
                &tx.shipment.destination_region,
                "shipment.destination_region",
            )?,
            route: tx.shipment.route.clone(),
            transit_countries: tx.shipment.transit_countries.known().cloned(),
            mode: symbol(&tx.shipment.mode, "shipment.mode")?,
            forwarder_is_final_destination: answer(tx.shipment.forwarder_is_final_destination),
            last_minute_changes: answer(tx.shipment.last_minute_changes),
            contract_date: tx.shipment.contract_date.known().copied(),
        },
        payment: v1::Payment {
            payer_name: tx.payment.payer_name.clone(),
            payer_country: tx.payment.payer_country.known().copied(),
            bank_country: tx.payment.bank_country.known().copied(),
            method: symbol(&tx.payment.method, "payment.method")?,
            currency: currency(&tx.payment.currency, "payment.currency")?,
            prepayment: answer(tx.payment.prepayment),
            third_party_payer: answer(tx.payment.third_party_payer),
            bank_name: tx.payment.bank_name.clone(),
            bank_bic: tx.payment.bank_bic.clone(),
        },
        signals: answer_map(&signals, "signals")?,
        safeguards: answer_map(&safeguards, "safeguards")?,
        chain: tx
            .chain
            .iter()
            .enumerate()
            .map(|(i, hop)| chain_hop(hop, &format!("chain[{i}]")))
            .collect::<Result<Vec<_>, _>>()?,
    })
}

fn chain_hop(hop: &model::Hop, path: &str) -> Result<v1::ChainHop, ConvertError> {
    let d = &hop.documents;
    Ok(v1::ChainHop {
        party: hop.party.clone(),
        country: hop.country.known().copied(),
        region: symbol(&hop.region, &format!("{path}.region"))?,
        role: symbol(&hop.role, &format!("{path}.role"))?,
        shipped: hop.shipped.known().copied(),
        quantities: hop
            .quantities
            .iter()
            .enumerate()
            .map(|(line, q)| decimal(q, &format!("{path}.quantities[{line}]")))
            .collect::<Result<Vec<_>, _>>()?,
        documents: v1::HopDocuments {
            commercial_invoice: d.commercial_invoice.clone(),
            transport_document: d.transport_document.clone(),
            esf: d.esf.clone(),
            customs_declaration: d.customs_declaration.clone(),
            snt: d.snt.clone(),
            guarantee_obligation: d.guarantee_obligation.clone(),
            received: hop.received.known().copied(),
        },
    })
}

/// Writes the evaluator's assessment in v1 form (the ruleset reference goes
/// to the record's top level).
pub fn assessment_to_v1(assessment: &evaluate::Assessment) -> Result<v1::Assessment, ConvertError> {
    let findings = assessment
        .findings
        .iter()
        .enumerate()
        .map(|(i, finding)| {
            Ok(v1::Finding {
                rule_id: id(&finding.rule, &format!("findings[{i}].rule"))?,
                severity: severity(finding.severity),
                // Only what mitigations changed: an unmitigated finding is
                // recorded exactly as before they existed.
                inherent_severity: (finding.inherent != finding.severity)
                    .then(|| severity(finding.inherent)),
                mitigated_by: finding
                    .mitigated_by
                    .iter()
                    .map(|m| m.title.to_string())
                    .collect(),
                score: finding.score,
                title: finding.title.to_string(),
                explanation: finding.explanation.clone(),
                citations: finding
                    .citations
                    .iter()
                    .map(|c| v1::Citation {
                        issuer: c.issuer.clone(),
                        document: c.document.clone(),
                        section: c.section.clone(),
                        date: c.date,
                        url: c.url.clone(),
                    })
                    .collect(),
                mitigations: finding.mitigations.iter().map(|m| m.to_string()).collect(),
                triggers: finding.triggers.iter().map(|t| t.path()).collect(),
            })
        })
        .collect::<Result<Vec<_>, ConvertError>>()?;
    let missing = assessment
        .missing
        .iter()
        .enumerate()
        .map(|(i, missing)| {
            Ok(v1::MissingInfo {
                fact: missing.fact.path(),
                label: missing.label(),
                rules: missing
                    .rules
                    .iter()
                    .map(|rule| id(rule, &format!("missing[{i}].rules")))
                    .collect::<Result<Vec<_>, _>>()?,
                could_reach: rating(missing.could_reach),
                changes_rating: missing.changes_rating,
            })
        })
        .collect::<Result<Vec<_>, ConvertError>>()?;
    Ok(v1::Assessment {
        rating: rating(assessment.rating),
        score: assessment.score,
        worst_case: rating(assessment.worst_case),
        inherent_rating: (assessment.inherent_rating != assessment.rating)
            .then(|| rating(assessment.inherent_rating)),
        as_of: assessment.as_of,
        lang: assessment.lang,
        findings,
        missing,
    })
}

/// The engine's declaration status in v1 form.
pub fn declaration_status(status: model::DeclarationStatus) -> v1::DeclarationStatus {
    use model::DeclarationStatus as D;
    match status {
        D::NotRequested => v1::DeclarationStatus::NotRequested,
        D::Requested => v1::DeclarationStatus::Requested,
        D::ReceivedMatchingSigned => v1::DeclarationStatus::ReceivedMatchingSigned,
        D::ReceivedMatchingUnsigned => v1::DeclarationStatus::ReceivedMatchingUnsigned,
        D::Mismatching => v1::DeclarationStatus::Mismatching,
    }
}

/// The engine's screening outcome in v1 form.
pub fn screening_outcome(outcome: model::ScreeningOutcome) -> v1::ScreeningOutcome {
    use model::ScreeningOutcome as S;
    match outcome {
        S::NoListMatch => v1::ScreeningOutcome::NoListMatch,
        S::Review => v1::ScreeningOutcome::Review,
        S::PotentialMatch => v1::ScreeningOutcome::PotentialMatch,
    }
}

/// The record's screening section: the lists searched (file name,
/// publication date when the file has one, SHA-256, entries, the host's
/// retrieval date, and the standing the engine judged on the day: current,
/// out of date, undated or a sample) and each party's outcome; `None` when
/// no party was screened, so a record never claims a screening that did not
/// happen.
pub fn screening_summary(
    lists: &[crate::screening::ListMeta],
    evidence: &model::Evidence,
) -> Option<v1::ScreeningSummary> {
    if evidence.screening.is_empty() || lists.is_empty() {
        return None;
    }
    Some(v1::ScreeningSummary {
        lists: lists
            .iter()
            .map(|l| v1::ScreenedList {
                name: l.file_name.clone(),
                date: l.published.map(|d| d.to_string()),
                sha256: super::Digest::from_bytes(l.sha256.0),
                entries: u64::try_from(l.entry_count).ok(),
                retrieved: l.retrieved.map(|d| d.to_string()),
                standing: evidence
                    .lists
                    .as_ref()
                    .and_then(|searched| searched.standing_of(&l.file_name))
                    .map(list_standing),
            })
            .collect(),
        results: screening_results(evidence),
    })
}

/// A record's list standing in the engine's form (for wording it).
pub fn list_standing_from_v1(standing: v1::ListStanding) -> model::ListStanding {
    use v1::ListStanding as S;
    match standing {
        S::Current { age_days } => model::ListStanding::Current { age_days },
        S::OutOfDate {
            age_days,
            max_age_days,
        } => model::ListStanding::OutOfDate {
            age_days,
            max_age_days,
        },
        S::DateUnknown => model::ListStanding::DateUnknown,
        S::Sample => model::ListStanding::Sample,
    }
}

/// The engine's list standing in v1 form.
pub fn list_standing(standing: model::ListStanding) -> v1::ListStanding {
    use model::ListStanding as S;
    match standing {
        S::Current { age_days } => v1::ListStanding::Current { age_days },
        S::OutOfDate {
            age_days,
            max_age_days,
        } => v1::ListStanding::OutOfDate {
            age_days,
            max_age_days,
        },
        S::DateUnknown => v1::ListStanding::DateUnknown,
        S::Sample => v1::ListStanding::Sample,
    }
}

/// Per-party screening results from the engine's evidence, for
/// [`v1::ScreeningSummary::results`].
pub fn screening_results(evidence: &model::Evidence) -> Vec<v1::ScreeningResult> {
    evidence
        .screening
        .iter()
        .map(|s| v1::ScreeningResult {
            party: s.party.to_string(),
            outcome: screening_outcome(s.outcome),
            summary: s.summary.clone(),
        })
        .collect()
}

fn rating(rating: evaluate::Rating) -> v1::Rating {
    match rating {
        evaluate::Rating::Low => v1::Rating::Low,
        evaluate::Rating::Medium => v1::Rating::Medium,
        evaluate::Rating::High => v1::Rating::High,
        evaluate::Rating::Stop => v1::Rating::Stop,
    }
}

fn severity(severity: Severity) -> v1::Severity {
    match severity {
        Severity::Low => v1::Severity::Low,
        Severity::Medium => v1::Severity::Medium,
        Severity::High => v1::Severity::High,
        Severity::Stop => v1::Severity::Stop,
    }
}

fn answer(answer: Answer) -> v1::Answer {
    match answer {
        Answer::Yes => v1::Answer::Yes,
        Answer::No => v1::Answer::No,
        Answer::Unknown => v1::Answer::Unknown,
    }
}

fn party_to_v1(position: model::PartyRef, party: &model::Party) -> Result<v1::Party, ConvertError> {
    let role = match position {
        model::PartyRef::Buyer => v1::PartyRole::Buyer,
        model::PartyRef::Consignee => v1::PartyRole::Consignee,
        model::PartyRef::EndUser => v1::PartyRole::EndUser,
        model::PartyRef::Intermediary(_) => v1::PartyRole::Intermediary,
        model::PartyRef::FreightForwarder => v1::PartyRole::FreightForwarder,
    };
    let path = format!("parties.{position}");
    Ok(v1::Party {
        role,
        name: party.name.clone(),
        country: party.country.known().copied(),
        region: symbol(&party.region, &format!("{path}.region"))?,
        address: party.address.clone(),
        registration_number: party.registration_number.clone(),
        established: party.established.known().copied(),
        website: party.website.clone(),
        web_presence: answer(party.web_presence),
        business: symbol(&party.role, &format!("{path}.role"))?,
        related_to_other_parties: answer(party.related_to_other_parties),
        relationship: party.relationship.clone(),
        previous_dealings: answer(party.previous_dealings),
        residential_address: answer(party.residential_address),
        business_matches_goods: answer(party.business_matches_goods),
        email_domain: symbol(&party.email_domain, &format!("{path}.email_domain"))?,
        phone_country: party.phone_country.known().copied(),
        owned_by_russia_belarus: answer(party.owned_by_russia_belarus),
        owner_country: party.owner_country.known().copied(),
        related_to_exporter: answer(party.related_to_exporter),
        prior_russia_business: answer(party.prior_russia_business),
    })
}

fn goods_line(line: &model::GoodsLine, path: &str) -> Result<v1::GoodsLine, ConvertError> {
    Ok(v1::GoodsLine {
        hs_code: line
            .hs
            .known()
            .map(|hs| v1::HsCode::new(hs.as_str()))
            .transpose()
            .map_err(|e| error(format!("{path}.hs"), e))?,
        description: line.description.clone(),
        quantity: decimal(&line.quantity, &format!("{path}.quantity"))?,
        unit: line.unit.clone(),
        value: decimal(&line.value, &format!("{path}.value"))?,
        currency: currency(&line.currency, &format!("{path}.currency"))?,
        origin: line.origin.known().copied(),
        manufacturer: line.manufacturer.clone(),
        dual_use: answer(line.dual_use),
    })
}

fn decimal(number: &Fact<f64>, path: &str) -> Result<Option<Decimal>, ConvertError> {
    let Some(number) = number.known() else {
        return Ok(None);
    };
    if !number.is_finite() || *number < 0.0 {
        return Err(error(
            path,
            format!("{number} is not a non-negative finite number"),
        ));
    }
    // Rust's `Display` for f64 prints the shortest round-tripping decimal and
    // never uses exponent notation.
    Decimal::new(number.to_string())
        .map(Some)
        .map_err(|e: ValueError| error(path, e))
}

fn currency(
    currency: &Fact<model::Currency>,
    path: &str,
) -> Result<Option<v1::CurrencyCode>, ConvertError> {
    currency
        .known()
        .map(|c| v1::CurrencyCode::new(c.code()))
        .transpose()
        .map_err(|e| error(path, e))
}

fn symbol<T: Symbol>(fact: &Fact<T>, path: &str) -> Result<Option<Id>, ConvertError> {
    fact.known()
        .map(|value| id(value.as_str(), path))
        .transpose()
}

fn fact_symbol<T: Symbol>(fact: &Fact<T>) -> &'static str {
    fact.known().map_or("unknown", |value| value.as_str())
}

/// The answered ones of `pairs`, as (question, answer) names.
fn answered<'a>(pairs: &'a [(&'a str, Answer)]) -> impl Iterator<Item = (&'a str, &'a str)> {
    pairs
        .iter()
        .filter(|(_, a)| *a != Answer::Unknown)
        .map(|(q, a)| (*q, a.as_str()))
}

fn answer_map(pairs: &[(&str, &str)], path: &str) -> Result<BTreeMap<Id, Id>, ConvertError> {
    pairs
        .iter()
        .map(|(question, value)| {
            let at = format!("{path}.{question}");
            Ok((id(question, &at)?, id(value, &at)?))
        })
        .collect()
}

fn id(text: &str, path: &str) -> Result<Id, ConvertError> {
    Id::new(text).map_err(|e| error(path, e))
}

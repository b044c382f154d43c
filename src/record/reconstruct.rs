//! From a record back to the domain: the inverse of [`super::convert`].
//!
//! A record asserts a rating and findings; to let an auditor check that they
//! follow from the answers it carries (`super::recompute`), the answers have
//! to become a [`Transaction`], [`Evidence`] and an as-of date again, exactly
//! as the engine saw them. This module only rebuilds: it evaluates nothing,
//! judges nothing, and never re-derives evidence (lists are not searched
//! again, declarations are not matched again); what the record states about
//! screening and the declaration is taken as stated.
//!
//! Whatever cannot be rebuilt is named as a [`Gap`] and read as unknown,
//! never guessed: an answer this build does not know (a question id or a
//! choice added by another version), a party reference that does not parse,
//! a second buyer. Records made by this build have none; the host test
//! `tests/record_recompute.rs` proves that for every golden scenario
//! transaction → v1 → transaction gives the same evaluation, and names the one
//! answer records do not carry (`shipment.date`, display-only in the shipped
//! ruleset: see [`NOT_CARRIED`]).

use chrono::NaiveDate;
use serde::Serialize;

use super::leaves::MAX_REPORTED_PATHS;
use super::v1;
use crate::hs::HsCode;
use crate::lang::Lang;
use crate::model::{
    self, Answer, Currency, Evidence, Fact, ListsSearched, PartyRef, PartyScreening, SearchedList,
    Symbol, Transaction,
};

/// Model facts that records do not carry, with why: a recomputation sees
/// them unknown. `shipment.date` is shown to the user but written into no
/// record; the shipped ruleset reads no rule from it (`ruleset::facts`'s
/// display-only list), so it changes nothing there, but a ruleset whose
/// rules read it cannot be recomputed faithfully.
pub const NOT_CARRIED: &[(&str, &str)] = &[(
    "shipment.date",
    "the planned shipment date is not written into records",
)];

/// Something in a record that could not be rebuilt into the domain, and was
/// therefore read as unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// Where in the record's body, e.g. `transaction.signals.cash_payment`.
    pub path: String,
    /// Why it could not be rebuilt.
    pub reason: String,
}

/// A report list that keeps its first [`MAX_REPORTED_PATHS`] items and
/// counts the rest, so a hostile record with a hundred thousand unknown
/// answers (or findings) costs a counter, not a report of that size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Capped<T> {
    /// The items kept, in the order met.
    pub items: Vec<T>,
    /// How many more there were.
    pub more: usize,
}

impl<T> Default for Capped<T> {
    fn default() -> Self {
        Capped {
            items: Vec::new(),
            more: 0,
        }
    }
}

impl<T> Capped<T> {
    /// Keeps `item`, or counts it once the list is full.
    pub fn push(&mut self, item: T) {
        if self.items.len() < MAX_REPORTED_PATHS {
            self.items.push(item);
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    /// Whether nothing was pushed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.more == 0
    }

    /// How many were pushed in all.
    pub fn len(&self) -> usize {
        self.items.len().saturating_add(self.more)
    }
}

/// What could not be rebuilt.
pub type Gaps = Capped<Gap>;

impl Gaps {
    fn gap(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.push(Gap {
            path: path.into(),
            reason: reason.into(),
        });
    }
}

/// How the as-of date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum AsOf {
    /// The record states the day the law was applied as of.
    Recorded {
        /// That day.
        date: NaiveDate,
    },
    /// The record names no day (made before assessments were dated, or
    /// neither the user nor the ruleset named one): the law date it was
    /// made under is unknown, and the evaluator's default (the ruleset's
    /// `updated` date) is used.
    Unknown,
}

impl AsOf {
    /// The date to pass to the evaluator (`None`: the ruleset's own).
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            AsOf::Recorded { date } => Some(date),
            AsOf::Unknown => None,
        }
    }
}

/// The evaluator's inputs, rebuilt from a record alone.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The transaction, from `transaction`.
    pub transaction: Transaction,
    /// The evidence: `screening` and `declaration_status`.
    pub evidence: Evidence,
    /// The as-of date, from `assessment.as_of`.
    pub as_of: AsOf,
    /// The language the record's texts are in (`assessment.lang`).
    pub lang: Lang,
    /// What could not be rebuilt.
    pub gaps: Gaps,
}

/// Rebuilds everything the evaluator needs from `record`.
pub fn inputs_from_record(record: &v1::Record) -> Inputs {
    let mut gaps = Gaps::default();
    let transaction = rebuild_transaction(&record.transaction, &mut gaps);
    let evidence = rebuild_evidence(record, &mut gaps);
    Inputs {
        transaction,
        evidence,
        as_of: record
            .assessment
            .as_of
            .map_or(AsOf::Unknown, |date| AsOf::Recorded { date }),
        lang: record.assessment.lang,
        gaps,
    }
}

/// The questionnaire's transaction from its v1 form: the inverse of
/// [`super::convert::transaction_to_v1`], with what could not be rebuilt.
pub fn transaction_from_v1(tx: &v1::Transaction) -> (Transaction, Gaps) {
    let mut gaps = Gaps::default();
    let transaction = rebuild_transaction(tx, &mut gaps);
    (transaction, gaps)
}

/// The evidence a record states: each party's screening outcome, the lists
/// searched with their standing on the day, and the declaration status.
pub fn evidence_from_v1(record: &v1::Record) -> (Evidence, Gaps) {
    let mut gaps = Gaps::default();
    let evidence = rebuild_evidence(record, &mut gaps);
    (evidence, gaps)
}

fn rebuild_transaction(tx: &v1::Transaction, gaps: &mut Gaps) -> Transaction {
    let mut out = Transaction {
        reference: tx.reference.clone(),
        exporter: model::Exporter {
            name: tx.exporter.name.clone(),
            country: tx.exporter.country.into(),
            risk_assessment: answer(tx.exporter.risk_assessment),
            risk_assessment_reviewed: tx.exporter.risk_assessment_reviewed.into(),
            non_eu_subsidiaries: answer(tx.exporter.non_eu_subsidiaries),
            subsidiaries_best_efforts: answer(tx.exporter.subsidiaries_best_efforts),
        },
        ..Transaction::default()
    };
    out.goods = tx
        .goods
        .iter()
        .enumerate()
        .map(|(i, line)| goods_line(line, &format!("transaction.goods[{i}]"), gaps))
        .collect();
    parties(tx, &mut out, gaps);
    out.end_use = model::EndUse {
        description: tx.end_use.description.clone(),
        sector: symbol(&tx.end_use.sector, "transaction.end_use.sector", gaps),
        disposition: symbol(
            &tx.end_use.disposition,
            "transaction.end_use.disposition",
            gaps,
        ),
        military_or_government: answer(tx.end_use.military_or_government),
    };
    let s = &tx.shipment;
    out.shipment = model::Shipment {
        destination: s.destination.into(),
        destination_region: symbol(
            &s.destination_region,
            "transaction.shipment.destination_region",
            gaps,
        ),
        route: s.route.clone(),
        transit_countries: s.transit_countries.clone().into(),
        mode: symbol(&s.mode, "transaction.shipment.mode", gaps),
        freight_forwarder: out.shipment.freight_forwarder.take(),
        forwarder_is_final_destination: answer(s.forwarder_is_final_destination),
        last_minute_changes: answer(s.last_minute_changes),
        contract_date: s.contract_date.into(),
        ..model::Shipment::default()
    };
    let p = &tx.payment;
    out.payment = model::Payment {
        payer_name: p.payer_name.clone(),
        payer_country: p.payer_country.into(),
        bank_country: p.bank_country.into(),
        bank_name: p.bank_name.clone(),
        bank_bic: p.bank_bic.clone(),
        method: symbol(&p.method, "transaction.payment.method", gaps),
        currency: currency(p.currency.as_ref(), "transaction.payment.currency", gaps),
        prepayment: answer(p.prepayment),
        third_party_payer: answer(p.third_party_payer),
        lc_consigned_to_issuing_bank: Answer::Unknown,
    };
    signals(tx, &mut out, gaps);
    safeguards(tx, &mut out, gaps);
    out.chain = tx
        .chain
        .iter()
        .enumerate()
        .map(|(i, hop)| chain_hop(hop, &format!("transaction.chain[{i}]"), gaps))
        .collect();
    out
}

/// The record lists parties with their position; the model holds one
/// buyer, consignee and end user, the intermediaries in order, and at most
/// one forwarder (which `transaction_to_v1` writes last).
fn parties(tx: &v1::Transaction, out: &mut Transaction, gaps: &mut Gaps) {
    // Buyer, consignee, end user: whether each was met yet.
    let mut seen = [false; 3];
    for (i, party) in tx.parties.iter().enumerate() {
        let path = format!("transaction.parties[{i}]");
        let rebuilt = party_from_v1(party, &path, gaps);
        let (slot, target) = match party.role {
            v1::PartyRole::Intermediary => {
                out.parties.intermediaries.push(rebuilt);
                continue;
            }
            v1::PartyRole::FreightForwarder => {
                if out.shipment.freight_forwarder.is_some() {
                    gaps.gap(
                        path,
                        "a second freight forwarder: the questionnaire holds one",
                    );
                } else {
                    out.shipment.freight_forwarder = Some(rebuilt);
                }
                continue;
            }
            v1::PartyRole::Buyer => (0, &mut out.parties.buyer),
            v1::PartyRole::Consignee => (1, &mut out.parties.consignee),
            v1::PartyRole::EndUser => (2, &mut out.parties.end_user),
        };
        match seen.get_mut(slot) {
            Some(seen) if !*seen => {
                *seen = true;
                *target = rebuilt;
            }
            _ => gaps.gap(
                path,
                "a second party in this position: the questionnaire holds one",
            ),
        }
    }
    // `transaction_to_v1` writes all three, named or not: a record without
    // one was not made by it, and the party is rebuilt unanswered.
    for (met, name) in seen.iter().zip(["buyer", "consignee", "end_user"]) {
        if !met {
            gaps.gap(
                "transaction.parties",
                format!("no {name}: rebuilt as a party with no answers"),
            );
        }
    }
}

fn party_from_v1(p: &v1::Party, path: &str, gaps: &mut Gaps) -> model::Party {
    model::Party {
        name: p.name.clone(),
        country: p.country.into(),
        region: symbol(&p.region, &format!("{path}.region"), gaps),
        address: p.address.clone(),
        registration_number: p.registration_number.clone(),
        established: p.established.into(),
        website: p.website.clone(),
        web_presence: answer(p.web_presence),
        role: symbol(&p.business, &format!("{path}.business"), gaps),
        related_to_other_parties: answer(p.related_to_other_parties),
        relationship: p.relationship.clone(),
        previous_dealings: answer(p.previous_dealings),
        residential_address: answer(p.residential_address),
        business_matches_goods: answer(p.business_matches_goods),
        email_domain: symbol(&p.email_domain, &format!("{path}.email_domain"), gaps),
        phone_country: p.phone_country.into(),
        owned_by_russia_belarus: answer(p.owned_by_russia_belarus),
        owner_country: p.owner_country.into(),
        related_to_exporter: answer(p.related_to_exporter),
        prior_russia_business: answer(p.prior_russia_business),
    }
}

fn goods_line(line: &v1::GoodsLine, path: &str, gaps: &mut Gaps) -> model::GoodsLine {
    let hs = match &line.hs_code {
        None => Fact::Unknown,
        Some(code) => match HsCode::parse(code.as_str()) {
            Ok(hs) => Fact::Known(hs),
            Err(e) => {
                gaps.gap(format!("{path}.hs_code"), e.to_string());
                Fact::Unknown
            }
        },
    };
    model::GoodsLine {
        hs,
        description: line.description.clone(),
        quantity: decimal(line.quantity.as_ref(), &format!("{path}.quantity"), gaps),
        unit: line.unit.clone(),
        value: decimal(line.value.as_ref(), &format!("{path}.value"), gaps),
        currency: currency(line.currency.as_ref(), &format!("{path}.currency"), gaps),
        origin: line.origin.into(),
        manufacturer: line.manufacturer.clone(),
        dual_use: answer(line.dual_use),
    }
}

fn chain_hop(hop: &v1::ChainHop, path: &str, gaps: &mut Gaps) -> model::Hop {
    let d = &hop.documents;
    model::Hop {
        party: hop.party.clone(),
        country: hop.country.into(),
        region: symbol(&hop.region, &format!("{path}.region"), gaps),
        role: symbol(&hop.role, &format!("{path}.role"), gaps),
        shipped: hop.shipped.into(),
        received: d.received.into(),
        quantities: hop
            .quantities
            .iter()
            .enumerate()
            .map(|(i, q)| decimal(q.as_ref(), &format!("{path}.quantities[{i}]"), gaps))
            .collect(),
        documents: model::HopDocuments {
            commercial_invoice: d.commercial_invoice.clone(),
            transport_document: d.transport_document.clone(),
            esf: d.esf.clone(),
            customs_declaration: d.customs_declaration.clone(),
            snt: d.snt.clone(),
            guarantee_obligation: d.guarantee_obligation.clone(),
        },
    }
}

/// The open signals map back into the model's fields (`transaction_to_v1`
/// writes the schema 2 shipment and payment questions here too).
fn signals(tx: &v1::Transaction, out: &mut Transaction, gaps: &mut Gaps) {
    for (question, value) in &tx.signals {
        let path = format!("transaction.signals.{question}");
        let s = &mut out.signals;
        let target: &mut Answer = match question.as_str() {
            "price_vs_market" => {
                s.price_vs_market = choice(value, &path, gaps);
                continue;
            }
            "quantity_vs_need" => {
                s.quantity_vs_need = choice(value, &path, gaps);
                continue;
            }
            "unusual_urgency" => &mut s.unusual_urgency,
            "unusual_packaging" => &mut s.unusual_packaging,
            "refuses_information" => &mut s.refuses_information,
            "declines_installation" => &mut s.declines_installation,
            "unfamiliar_with_product" => &mut s.unfamiliar_with_product,
            "remove_russia_references" => &mut s.remove_russia_references,
            "item_unfit_for_destination" => &mut s.item_unfit_for_destination,
            "several_end_users" => &mut s.several_end_users,
            "communications_from_third_party" => &mut s.communications_from_third_party,
            "lc_consigned_to_issuing_bank" => &mut out.payment.lc_consigned_to_issuing_bank,
            "transit_list_complete" => &mut out.shipment.transit_list_complete,
            "vague_delivery_dates" => &mut out.shipment.vague_delivery_dates,
            _ => {
                gaps.gap(path, "a question this build does not ask");
                continue;
            }
        };
        *target = answer_symbol(value, &path, gaps);
    }
}

fn safeguards(tx: &v1::Transaction, out: &mut Transaction, gaps: &mut Gaps) {
    for (question, value) in &tx.safeguards {
        let path = format!("transaction.safeguards.{question}");
        let g = &mut out.safeguards;
        let target: &mut Answer = match question.as_str() {
            "no_russia_clause" => &mut g.no_russia_clause,
            "no_belarus_clause" => &mut g.no_belarus_clause,
            "end_use_statement" => &mut g.end_use_statement,
            "audit_rights" => &mut g.audit_rights,
            "re_export_notification" => &mut g.re_export_notification,
            "ip_rights_granted" => &mut g.ip_rights_granted,
            "no_russia_ip_clause" => &mut g.no_russia_ip_clause,
            "seller_installs" => &mut g.seller_installs,
            "site_verified" => &mut g.site_verified,
            "post_shipment_verified" => &mut g.post_shipment_verified,
            _ => {
                gaps.gap(path, "a safeguard this build does not ask about");
                continue;
            }
        };
        *target = answer_symbol(value, &path, gaps);
    }
}

fn rebuild_evidence(record: &v1::Record, gaps: &mut Gaps) -> Evidence {
    let mut evidence = Evidence {
        declaration: record
            .declaration_status
            .map_or(Fact::Unknown, |s| Fact::Known(declaration_status(s))),
        ..Evidence::default()
    };
    let Some(screening) = &record.screening else {
        return evidence;
    };
    for (i, result) in screening.results.iter().enumerate() {
        match result.party.parse::<PartyRef>() {
            Ok(party) => evidence.screening.push(PartyScreening {
                party,
                outcome: screening_outcome(result.outcome),
                summary: result.summary.clone(),
            }),
            Err(_) => gaps.gap(
                format!("screening.results[{i}].party"),
                format!(
                    "\"{}\" is not a party reference: this result was not rebuilt",
                    truncate(&result.party)
                ),
            ),
        }
    }
    evidence.lists = lists(&screening.lists, gaps);
    evidence
}

/// The lists searched, as the evaluator judged them: records made before
/// standings were recorded name none, and then (as the engine did at the
/// time) the outcomes are taken as asserted (`Evidence::lists` = `None`).
fn lists(lists: &[v1::ScreenedList], gaps: &mut Gaps) -> Option<ListsSearched> {
    let standings: Vec<SearchedList> = lists
        .iter()
        .filter_map(|l| {
            l.standing.map(|s| SearchedList {
                name: l.name.clone(),
                standing: super::convert::list_standing_from_v1(s),
            })
        })
        .collect();
    if standings.is_empty() {
        return None;
    }
    for (i, list) in lists.iter().enumerate() {
        if list.standing.is_none() {
            gaps.gap(
                format!("screening.lists[{i}].standing"),
                "no standing while other lists have one: this list was left out of the judgement",
            );
        }
    }
    Some(ListsSearched::new(standings))
}

fn declaration_status(status: v1::DeclarationStatus) -> model::DeclarationStatus {
    use model::DeclarationStatus as D;
    match status {
        v1::DeclarationStatus::NotRequested => D::NotRequested,
        v1::DeclarationStatus::Requested => D::Requested,
        v1::DeclarationStatus::ReceivedMatchingSigned => D::ReceivedMatchingSigned,
        v1::DeclarationStatus::ReceivedMatchingUnsigned => D::ReceivedMatchingUnsigned,
        v1::DeclarationStatus::Mismatching => D::Mismatching,
    }
}

fn screening_outcome(outcome: v1::ScreeningOutcome) -> model::ScreeningOutcome {
    use model::ScreeningOutcome as S;
    match outcome {
        v1::ScreeningOutcome::NoListMatch => S::NoListMatch,
        v1::ScreeningOutcome::Review => S::Review,
        v1::ScreeningOutcome::PotentialMatch => S::PotentialMatch,
    }
}

fn answer(answer: v1::Answer) -> Answer {
    match answer {
        v1::Answer::Yes => Answer::Yes,
        v1::Answer::No => Answer::No,
        v1::Answer::Unknown => Answer::Unknown,
    }
}

/// A yes/no answer kept in an open map as its symbol name.
fn answer_symbol(value: &v1::Id, path: &str, gaps: &mut Gaps) -> Answer {
    match value.as_str() {
        "yes" => Answer::Yes,
        "no" => Answer::No,
        "unknown" => Answer::Unknown,
        other => {
            gaps.gap(path, format!("\"{other}\" is not yes, no or unknown"));
            Answer::Unknown
        }
    }
}

/// A multiple-choice answer kept in an open map (`unknown` = unanswered).
fn choice<T: Symbol>(value: &v1::Id, path: &str, gaps: &mut Gaps) -> Fact<T> {
    if value.as_str() == "unknown" {
        return Fact::Unknown;
    }
    symbol(&Some(value.clone()), path, gaps)
}

fn symbol<T: Symbol>(value: &Option<v1::Id>, path: &str, gaps: &mut Gaps) -> Fact<T> {
    let Some(value) = value else {
        return Fact::Unknown;
    };
    match T::from_name(value.as_str()) {
        Some(known) => Fact::Known(known),
        None => {
            gaps.gap(
                path,
                format!("\"{value}\" is a choice this build does not know"),
            );
            Fact::Unknown
        }
    }
}

fn decimal(value: Option<&v1::Decimal>, path: &str, gaps: &mut Gaps) -> Fact<f64> {
    let Some(value) = value else {
        return Fact::Unknown;
    };
    // A v1 decimal is at most 40 digits, so it always parses to a finite
    // f64; records from this build hold the shortest round-tripping decimal
    // of the model's own f64, which reads back to exactly that number.
    match value.as_str().parse::<f64>() {
        Ok(number) if number.is_finite() => Fact::Known(number),
        _ => {
            gaps.gap(path, format!("\"{value}\" does not read as a number"));
            Fact::Unknown
        }
    }
}

fn currency(value: Option<&v1::CurrencyCode>, path: &str, gaps: &mut Gaps) -> Fact<Currency> {
    let Some(value) = value else {
        return Fact::Unknown;
    };
    match Currency::parse(value.as_str()) {
        Ok(currency) => Fact::Known(currency),
        Err(_) => {
            gaps.gap(
                path,
                format!("\"{value}\" is a currency this build does not know"),
            );
            Fact::Unknown
        }
    }
}

/// At most 80 characters of text quoted from a record, for a gap's reason.
fn truncate(text: &str) -> String {
    text.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::convert::transaction_to_v1;

    #[test]
    fn unknown_answers_are_gaps_read_as_unknown() {
        let mut tx = Transaction::default();
        tx.signals.unusual_urgency = Answer::Yes;
        let mut v1tx = transaction_to_v1(&tx).unwrap();
        let id = |s: &str| v1::Id::new(s).unwrap();
        v1tx.signals.insert(id("cash_payment"), id("no"));
        v1tx.signals.insert(id("price_vs_market"), id("sky_high"));
        v1tx.safeguards.insert(id("audit_rights"), id("maybe"));
        let (back, gaps) = transaction_from_v1(&v1tx);
        assert_eq!(back.signals.unusual_urgency, Answer::Yes);
        assert!(back.signals.price_vs_market.is_unknown());
        assert_eq!(back.safeguards.audit_rights, Answer::Unknown);
        let paths: Vec<&str> = gaps.items.iter().map(|g| g.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "transaction.signals.cash_payment",
                "transaction.signals.price_vs_market",
                "transaction.safeguards.audit_rights"
            ]
        );
    }

    #[test]
    fn a_second_buyer_is_a_gap_and_a_missing_one_is_named() {
        let v1tx = transaction_to_v1(&Transaction::default()).unwrap();
        let mut twice = v1tx.clone();
        let mut second = twice.parties[0].clone();
        second.name = "Other buyer".into();
        twice.parties.push(second);
        let (back, gaps) = transaction_from_v1(&twice);
        assert_eq!(back.parties.buyer.name, "");
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps.items[0].path, "transaction.parties[3]");

        let mut none = v1tx;
        none.parties.retain(|p| p.role != v1::PartyRole::EndUser);
        let (_, gaps) = transaction_from_v1(&none);
        assert!(gaps.items[0].reason.contains("no end_user"), "{gaps:?}");
    }

    #[test]
    fn gaps_are_bounded() {
        let mut gaps = Gaps::default();
        for i in 0..(MAX_REPORTED_PATHS + 7) {
            gaps.gap(format!("p{i}"), "r");
        }
        assert_eq!(gaps.items.len(), MAX_REPORTED_PATHS);
        assert_eq!(gaps.more, 7);
        assert_eq!(gaps.len(), MAX_REPORTED_PATHS + 7);
    }
}

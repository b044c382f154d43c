//! What the chain view shows for each hop: who, where, in what role, and one
//! status word — signed, declared, awaiting, missing, flagged or broken.
//!
//! The status joins two sources the web app must not combine on its own: the
//! verdict on the declarations received ([`ChainReport`]) and the findings of
//! the risk engine ([`Finding::hops`]). Keeping the join here makes it the
//! same in the questionnaire, on the results page and on the verify page, and
//! testable without a browser.

use crate::country::Country;
use crate::evaluate::Finding;
use crate::model::{GoodsLine, HopRole, Transaction};
pub use crate::record::chain::is_chain_file;
use crate::record::chain::{ChainReport, DeclarationChain, HopReport, LinkState};
use crate::record::v1;

/// The status badge of one hop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HopStatus {
    /// Declared in a response that verifies and is signed.
    Signed,
    /// Declared in a response that verifies, unsigned.
    Declared,
    /// The request was forwarded to this party; no answer yet.
    Awaiting,
    /// No declaration for this hop.
    Missing,
    /// A finding names this hop, or its declaration raises a problem.
    Flagged,
    /// The chain's continuity fails here.
    Broken,
}

impl HopStatus {
    /// Machine name, used for styling and by tests.
    pub fn as_str(self) -> &'static str {
        match self {
            HopStatus::Signed => "signed",
            HopStatus::Declared => "declared",
            HopStatus::Awaiting => "awaiting",
            HopStatus::Missing => "missing",
            HopStatus::Flagged => "flagged",
            HopStatus::Broken => "broken",
        }
    }
}

/// One hop as the chain view draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct HopCard {
    /// 1-based hop number.
    pub number: usize,
    /// The receiving party's name (may be empty when not given).
    pub party: String,
    /// Its country, when known.
    pub country: Option<Country>,
    /// Its role, when known.
    pub role: Option<HopRole>,
    /// The badge.
    pub status: HopStatus,
}

fn link_status(state: LinkState) -> HopStatus {
    match state {
        LinkState::Signed => HopStatus::Signed,
        LinkState::Declared => HopStatus::Declared,
        LinkState::Flagged => HopStatus::Flagged,
        LinkState::Awaiting => HopStatus::Awaiting,
        LinkState::Broken => HopStatus::Broken,
    }
}

/// The party a hop report is about: the declarant, else the addressee.
fn report_party(report: &HopReport) -> Option<&str> {
    report
        .declared
        .as_ref()
        .map(|d| d.party.as_str())
        .or_else(|| report.addressee.as_ref().map(|(name, _)| name.as_str()))
}

/// Whether any finding names hop `index` (0-based).
fn named_by_findings(findings: &[Finding], index: usize) -> bool {
    findings.iter().any(|f| f.hops.contains(&index))
}

/// The cards for the questionnaire's hops. A hop takes its status from the
/// declaration chain when the report's hop at the same position names the
/// same party (so an edited or reordered chain never borrows another party's
/// verdict); otherwise it is `missing`. A finding about the hop flags it,
/// unless the link is already broken.
pub fn cards_for_transaction(
    tx: &Transaction,
    report: Option<&ChainReport>,
    findings: &[Finding],
) -> Vec<HopCard> {
    tx.chain
        .iter()
        .enumerate()
        .map(|(index, hop)| {
            let from_report = report
                .and_then(|r| r.hops.get(index))
                .filter(|h| report_party(h).map(str::trim) == Some(hop.party.trim()))
                .map(|h| link_status(h.state));
            let mut status = from_report.unwrap_or(HopStatus::Missing);
            if status != HopStatus::Broken && named_by_findings(findings, index) {
                status = HopStatus::Flagged;
            }
            HopCard {
                number: index + 1,
                party: hop.party.clone(),
                country: hop.country.known().copied(),
                role: hop.role.known().copied(),
                status,
            }
        })
        .collect()
}

/// The cards for the chain an attestation record carries. The record keeps
/// the hops as the exporter assessed them, not the declarations behind them,
/// so a hop is `flagged` when one of the record's findings was triggered by
/// its answers (`chain.N.…`), otherwise `missing` (no declaration in view).
pub fn cards_for_record(transaction: &v1::Transaction, findings: &[v1::Finding]) -> Vec<HopCard> {
    transaction
        .chain
        .iter()
        .enumerate()
        .map(|(index, hop)| {
            let prefix = format!("chain.{index}.");
            let flagged = findings
                .iter()
                .any(|f| f.triggers.iter().any(|t| t.starts_with(&prefix)));
            HopCard {
                number: index + 1,
                party: hop.party.clone(),
                country: hop.country,
                role: hop
                    .role
                    .as_ref()
                    .and_then(|r| <HopRole as crate::model::Symbol>::from_name(r.as_str())),
                status: if flagged {
                    HopStatus::Flagged
                } else {
                    HopStatus::Missing
                },
            }
        })
        .collect()
}

/// The cards for a verified chain on its own (verify page, earlier hops).
pub fn cards_for_report(report: &ChainReport) -> Vec<HopCard> {
    report
        .hops
        .iter()
        .enumerate()
        .map(|(index, h)| {
            let (party, country, role) = match (&h.declared, &h.addressee) {
                (Some(d), _) => (d.party.clone(), Some(d.country), Some(d.role)),
                (None, Some((name, country))) => (name.clone(), *country, None),
                (None, None) => (String::new(), None, None),
            };
            HopCard {
                number: index + 1,
                party,
                country,
                role,
                status: link_status(h.state),
            }
        })
        .collect()
}

/// The chain's hop-1 response as JSON, so the exporter can check it against
/// its own request like any response it imports.
pub fn first_response_json(chain: &DeclarationChain) -> Option<String> {
    chain.link_json(1)
}

/// A transaction holding only a verified chain's goods and hops, for the
/// per-hop CSV summary when no questionnaire is at hand.
pub fn transaction_for_report(report: &ChainReport) -> Transaction {
    let mut tx = Transaction::default();
    tx.exporter.name = report.exporter.clone().unwrap_or_default();
    tx.goods = report
        .goods
        .iter()
        .map(|g| GoodsLine {
            hs: g
                .hs_code
                .as_ref()
                .and_then(|h| crate::hs::HsCode::parse(h.as_str()).ok())
                .into(),
            description: g.description.clone(),
            quantity: g
                .quantity
                .as_ref()
                .and_then(|q| q.as_str().parse::<f64>().ok())
                .filter(|q| q.is_finite())
                .into(),
            unit: g.unit.clone(),
            ..GoodsLine::default()
        })
        .collect();
    tx.chain = report.to_model_hops();
    tx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Hop;
    use crate::record::chain::DeclaredHop;
    use crate::ruleset::Severity;

    fn country(code: &str) -> Country {
        Country::parse(code).unwrap()
    }

    fn hop_report(hop: u32, party: &str, state: LinkState) -> HopReport {
        HopReport {
            hop,
            state,
            request_digest: None,
            response_digest: None,
            addressee: Some((party.into(), Some(country("KG")))),
            forwarded_by: None,
            declared: (state != LinkState::Awaiting).then(|| DeclaredHop {
                party: party.into(),
                country: country("KZ"),
                role: HopRole::ReExporter,
                end_user: String::new(),
                end_user_country: country("KG"),
                end_use_country: country("KG"),
                quantities: vec![],
                documents: Default::default(),
                signer: None,
            }),
            signature: None,
            request_signer: None,
            problems: vec![],
        }
    }

    fn report(hops: Vec<HopReport>) -> ChainReport {
        ChainReport {
            chain_id: None,
            exporter: Some("Muster GmbH".into()),
            goods: vec![],
            hops,
        }
    }

    fn finding_about(hops: Vec<usize>) -> Finding {
        Finding {
            rule: "CHAIN-X".into(),
            severity: Severity::High,
            inherent: Severity::High,
            score: 0,
            inherent_score: 0,
            mitigated_by: vec![],
            could_be_mitigated_by: vec![],
            title: "".into(),
            explanation: String::new(),
            citations: vec![].into(),
            mitigations: vec![],
            triggers: vec![],
            hops,
        }
    }

    fn tx(parties: &[&str]) -> Transaction {
        Transaction {
            chain: parties
                .iter()
                .map(|p| Hop {
                    party: p.to_string(),
                    ..Hop::default()
                })
                .collect(),
            ..Transaction::default()
        }
    }

    #[test]
    fn report_states_apply_only_to_the_same_party() {
        let r = report(vec![
            hop_report(1, "Kulan Trade", LinkState::Signed),
            hop_report(2, "Bishkek Automation", LinkState::Awaiting),
        ]);
        let cards = cards_for_transaction(
            &tx(&["Kulan Trade", "Someone Else", "Third"]),
            Some(&r),
            &[],
        );
        let states: Vec<_> = cards.iter().map(|c| c.status).collect();
        assert_eq!(
            states,
            vec![HopStatus::Signed, HopStatus::Missing, HopStatus::Missing]
        );
        let cards =
            cards_for_transaction(&tx(&["Kulan Trade", " Bishkek Automation "]), Some(&r), &[]);
        assert_eq!(cards[1].status, HopStatus::Awaiting);
    }

    #[test]
    fn findings_flag_hops_but_never_hide_a_break() {
        let r = report(vec![
            hop_report(1, "A", LinkState::Broken),
            hop_report(2, "B", LinkState::Declared),
        ]);
        let cards = cards_for_transaction(&tx(&["A", "B"]), Some(&r), &[finding_about(vec![0, 1])]);
        assert_eq!(cards[0].status, HopStatus::Broken);
        assert_eq!(cards[1].status, HopStatus::Flagged);
        let cards = cards_for_transaction(&tx(&["A"]), None, &[]);
        assert_eq!(cards[0].status, HopStatus::Missing);
    }

    #[test]
    fn report_cards_name_declarant_or_addressee() {
        let r = report(vec![
            hop_report(1, "Kulan Trade", LinkState::Declared),
            hop_report(2, "Bishkek Automation", LinkState::Awaiting),
        ]);
        let cards = cards_for_report(&r);
        assert_eq!(cards[0].role, Some(HopRole::ReExporter));
        assert_eq!(cards[0].country.map(|c| c.code()), Some("KZ"));
        assert_eq!(cards[1].party, "Bishkek Automation");
        assert_eq!(cards[1].role, None);
        assert_eq!(cards[1].status.as_str(), "awaiting");
        let t = transaction_for_report(&r);
        assert_eq!(t.exporter.name, "Muster GmbH");
        assert_eq!(t.chain.len(), 2);
    }

    #[test]
    fn chain_files_are_told_apart() {
        assert!(is_chain_file(
            br#"{"format":"enduse-declaration-chain","version":1,"links":[]}"#
        ));
        assert!(!is_chain_file(
            br#"{"format":"enduse-declaration-request"}"#
        ));
        assert!(!is_chain_file(b"not json"));
    }

    #[test]
    fn a_records_hops_are_flagged_by_its_findings_triggers() {
        let tx = Transaction::from_json(
            r#"{"goods":[{"hs":"848210","quantity":10}],
                "chain":[{"party":"KazPumpMash","country":"KZ","role":"re_exporter"},
                         {"party":"OOO Volga","country":"RU","role":"end_user"}]}"#,
        )
        .unwrap();
        let v1_tx = crate::record::convert::transaction_to_v1(&tx).unwrap();
        let finding = |triggers: &[&str]| v1::Finding {
            rule_id: v1::Id::new("CHAIN-HOP-RU-BY").unwrap(),
            severity: v1::Severity::Stop,
            inherent_severity: None,
            mitigated_by: vec![],
            score: 1,
            title: String::new(),
            explanation: String::new(),
            citations: vec![],
            mitigations: vec![],
            triggers: triggers.iter().map(|t| t.to_string()).collect(),
        };
        let cards = cards_for_record(&v1_tx, &[finding(&["chain.1.country"])]);
        let statuses: Vec<HopStatus> = cards.iter().map(|c| c.status).collect();
        assert_eq!(statuses, vec![HopStatus::Missing, HopStatus::Flagged]);
        assert_eq!(cards[0].role, Some(HopRole::ReExporter));
        assert_eq!(cards[1].country.map(|c| c.code()), Some("RU"));
        // "chain.1" must not flag hop 11's prefix or the reverse.
        let cards = cards_for_record(&v1_tx, &[finding(&["chain.10.country"])]);
        assert!(cards.iter().all(|c| c.status == HopStatus::Missing));
    }
}

//! Facts about a transaction that come from outside the questionnaire.
//!
//! Screening and declaration records live in their own modules; they map
//! their results into these small types so the risk engine (and the rules,
//! which are data) can react to them without depending on those modules.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::answer::Fact;
use super::enums::{DeclarationStatus, ListsStanding, ScreeningOutcome, Symbol};

/// Which party of a [`Transaction`](super::Transaction) a piece of evidence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartyRef {
    /// `parties.buyer`.
    Buyer,
    /// `parties.consignee`.
    Consignee,
    /// `parties.end_user`.
    EndUser,
    /// `parties.intermediaries[i]`.
    Intermediary(usize),
    /// `shipment.freight_forwarder`.
    FreightForwarder,
}

impl fmt::Display for PartyRef {
    /// `buyer`, `consignee`, `end_user`, `intermediary.0`, `freight_forwarder`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartyRef::Buyer => f.write_str("buyer"),
            PartyRef::Consignee => f.write_str("consignee"),
            PartyRef::EndUser => f.write_str("end_user"),
            PartyRef::Intermediary(i) => write!(f, "intermediary.{i}"),
            PartyRef::FreightForwarder => f.write_str("freight_forwarder"),
        }
    }
}

impl std::str::FromStr for PartyRef {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "buyer" => Ok(PartyRef::Buyer),
            "consignee" => Ok(PartyRef::Consignee),
            "end_user" => Ok(PartyRef::EndUser),
            "freight_forwarder" => Ok(PartyRef::FreightForwarder),
            _ => s
                .strip_prefix("intermediary.")
                .and_then(|n| n.parse::<usize>().ok())
                .map(PartyRef::Intermediary)
                .ok_or_else(|| {
                    format!(
                        "\"{s}\" is not a party reference (buyer, consignee, end_user, freight_forwarder, intermediary.N)"
                    )
                }),
        }
    }
}

impl Serialize for PartyRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl<'de> Deserialize<'de> for PartyRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The screening result for one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyScreening {
    /// The party screened.
    pub party: PartyRef,
    /// What screening found (`potential_match`; the older CLI spelling
    /// `potential-match` is read too).
    #[serde(deserialize_with = "lenient_outcome")]
    pub outcome: ScreeningOutcome,
    /// One line for the report, e.g. "92% match with OFAC SDN entry 12345 (RUSSIA-EO14024)".
    #[serde(default)]
    pub summary: String,
}

/// Reads an outcome in the evidence spelling or in the hyphenated one that
/// `enduse screen --format json` wrote before the vocabularies were unified.
fn lenient_outcome<'de, D: Deserializer<'de>>(d: D) -> Result<ScreeningOutcome, D::Error> {
    let s = String::deserialize(d)?;
    let name = s.replace('-', "_");
    ScreeningOutcome::from_name(&name).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "unknown screening outcome \"{s}\", expected one of: {}",
            ScreeningOutcome::NAMES.join(", ")
        ))
    })
}

/// Everything known about a transaction beyond the questionnaire.
///
/// `Evidence::default()` means nothing is known: no party has been screened
/// and the declaration status is unknown, which rules see as missing
/// information rather than as a clean result.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evidence {
    /// Screening results; a party without an entry has not been screened.
    pub screening: Vec<PartyScreening>,
    /// State of the counterparty end-use declaration.
    pub declaration: Fact<DeclarationStatus>,
    /// The payer's and the paying bank's names screened against the
    /// ruleset's name lists (banks under a transaction ban); empty = not
    /// screened, which the evaluator fills in itself.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub payment_screening: Vec<PaymentScreening>,
    /// The lists `screening` searched and how each stood on the day of the
    /// screening. `None` when whoever supplied the evidence did not say
    /// (a hand-written evidence file): its outcomes are then taken as
    /// asserted. When present, a "no list match" counts as a result only if
    /// [`ListsSearched::clears`]; otherwise the rules see the party as not
    /// yet screened (missing information) and `screening.lists` says why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<ListsSearched>,
}

/// The lists a screening searched, each with its standing on the day.
///
/// Built with [`ListsSearched::new`], which works out once what the lists
/// are worth together, so the rules can quote it (`screening.lists_summary`);
/// on the wire it is only `{"lists": [...]}` and the judgement is redone on
/// reading, so a file cannot claim a standing its lists do not have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ListsSearchedWire", into = "ListsSearchedWire")]
pub struct ListsSearched {
    lists: Vec<SearchedList>,
    standing: ListsStanding,
    summary: String,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListsSearchedWire {
    lists: Vec<SearchedList>,
}

impl From<ListsSearchedWire> for ListsSearched {
    fn from(wire: ListsSearchedWire) -> Self {
        ListsSearched::new(wire.lists)
    }
}

impl From<ListsSearched> for ListsSearchedWire {
    fn from(lists: ListsSearched) -> Self {
        ListsSearchedWire { lists: lists.lists }
    }
}

/// One list searched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchedList {
    /// File name as loaded.
    pub name: String,
    /// Its standing on the day of the screening.
    pub standing: ListStanding,
}

/// How current one list was when it was searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum ListStanding {
    /// Known to be current this many days ago, within the limit.
    Current { age_days: i64 },
    /// Known to be current only `age_days` ago, more than `max_age_days`:
    /// designations made since are missing from it.
    OutOfDate { age_days: i64, max_age_days: u32 },
    /// The file carries no date and nobody said when it was fetched (OFAC
    /// legacy CSV, OpenSanctions simple CSV and US CSL CSV picked from disk):
    /// it may be years old.
    DateUnknown,
    /// A fictitious list written for testing.
    Sample,
}

impl ListsSearched {
    /// The lists searched, in load order, judged together.
    pub fn new(lists: Vec<SearchedList>) -> Self {
        let standing = standing_of(&lists);
        let summary = summary_of(&lists, standing);
        ListsSearched {
            lists,
            standing,
            summary,
        }
    }

    /// The lists, in load order.
    pub fn lists(&self) -> &[SearchedList] {
        &self.lists
    }

    /// Whether a "no list match" against these lists is a result: at least
    /// one real list was searched and every real one was current. Sample
    /// lists neither clear nor spoil: they are simply not a screening.
    pub fn clears(&self) -> bool {
        self.standing == ListsStanding::Current
    }

    /// The lists taken together, for `screening.lists`.
    pub fn standing(&self) -> ListsStanding {
        self.standing
    }

    /// The lists that keep a "no list match" from counting, in words for the
    /// report (`screening.lists_summary`): "sdn.csv (carries no date)",
    /// "eu.xml (current 61 days ago; the limit is 7)", "sample-eu.xml
    /// (fictitious sample)". Empty when the lists clear.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// The standing of the list named `name`, if it was searched.
    pub fn standing_of(&self, name: &str) -> Option<ListStanding> {
        self.lists
            .iter()
            .find(|l| l.name == name)
            .map(|l| l.standing)
    }
}

fn standing_of(lists: &[SearchedList]) -> ListsStanding {
    if lists.is_empty() {
        return ListsStanding::NoLists;
    }
    let mut real = lists
        .iter()
        .filter(|l| !matches!(l.standing, ListStanding::Sample))
        .peekable();
    if real.peek().is_none() {
        return ListsStanding::SamplesOnly;
    }
    if real.all(|l| matches!(l.standing, ListStanding::Current { .. })) {
        ListsStanding::Current
    } else {
        ListsStanding::OutOfDate
    }
}

fn summary_of(lists: &[SearchedList], standing: ListsStanding) -> String {
    match standing {
        ListsStanding::Current | ListsStanding::Asserted => return String::new(),
        ListsStanding::NoLists => return "no list was searched".to_string(),
        ListsStanding::OutOfDate | ListsStanding::SamplesOnly => {}
    }
    lists
        .iter()
        .filter_map(|l| {
            let why = match l.standing {
                ListStanding::Current { .. } => return None,
                ListStanding::OutOfDate {
                    age_days,
                    max_age_days,
                } => format!("current {age_days} days ago; the limit is {max_age_days}"),
                ListStanding::DateUnknown => "carries no date".to_string(),
                // Samples only matter when nothing real was searched.
                ListStanding::Sample if standing == ListsStanding::SamplesOnly => {
                    "fictitious sample".to_string()
                }
                ListStanding::Sample => return None,
            };
            Some(format!("{} ({why})", l.name))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who in the payment was screened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentRef {
    /// The payer (`payment.payer_name`).
    Payer,
    /// The paying bank (`payment.bank_name`, `payment.bank_bic`).
    Bank,
}

/// One payment name screened against the ruleset's name lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentScreening {
    pub who: PaymentRef,
    #[serde(deserialize_with = "lenient_outcome")]
    pub outcome: ScreeningOutcome,
    #[serde(default)]
    pub summary: String,
}

impl Evidence {
    /// The outcome the rules may rely on for `party`: the screening's, except
    /// that a "no list match" against lists that do not
    /// [clear](ListsSearched::clears) is no result at all (`None`, as if the
    /// party had not been screened).
    pub fn screening_outcome_of(&self, party: PartyRef) -> Option<ScreeningOutcome> {
        let outcome = self.screening_of(party)?.outcome;
        let inconclusive = outcome == ScreeningOutcome::NoListMatch
            && self.lists.as_ref().is_some_and(|l| !l.clears());
        (!inconclusive).then_some(outcome)
    }

    /// The screening of the payer or the bank, if it was screened.
    pub fn payment_screening_of(&self, who: PaymentRef) -> Option<&PaymentScreening> {
        self.payment_screening.iter().rev().find(|s| s.who == who)
    }

    /// The screening result for `party`, if it was screened (the last entry wins).
    pub fn screening_of(&self, party: PartyRef) -> Option<&PartyScreening> {
        self.screening.iter().rev().find(|s| s.party == party)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_refs_round_trip() {
        for r in [
            PartyRef::Buyer,
            PartyRef::Consignee,
            PartyRef::EndUser,
            PartyRef::Intermediary(3),
            PartyRef::FreightForwarder,
        ] {
            assert_eq!(r.to_string().parse::<PartyRef>(), Ok(r));
        }
        assert!("intermediary.x".parse::<PartyRef>().is_err());
        assert!("seller".parse::<PartyRef>().is_err());
    }

    #[test]
    fn evidence_defaults_to_nothing_known() {
        let old: Evidence = serde_json::from_str(
            r#"{"screening":[{"party":"buyer","outcome":"potential-match"},{"party":"consignee","outcome":"no-list-match"}]}"#,
        )
        .unwrap();
        assert_eq!(old.screening[0].outcome, ScreeningOutcome::PotentialMatch);
        assert_eq!(old.screening[1].outcome, ScreeningOutcome::NoListMatch);
        assert!(
            serde_json::from_str::<Evidence>(
                r#"{"screening":[{"party":"buyer","outcome":"clear"}]}"#
            )
            .is_err()
        );
        let e: Evidence = serde_json::from_str("{}").unwrap();
        assert_eq!(e, Evidence::default());
        assert!(e.declaration.is_unknown());
        let e: Evidence = serde_json::from_str(
            r#"{"screening":[{"party":"intermediary.0","outcome":"potential_match"}],"declaration":"requested"}"#,
        )
        .unwrap();
        assert_eq!(
            e.screening_of(PartyRef::Intermediary(0)).map(|s| s.outcome),
            Some(ScreeningOutcome::PotentialMatch)
        );
        assert!(e.screening_of(PartyRef::Buyer).is_none());
    }

    fn list(name: &str, standing: ListStanding) -> SearchedList {
        SearchedList {
            name: name.to_string(),
            standing,
        }
    }

    #[test]
    fn lists_clear_only_when_every_real_one_is_current() {
        let current = || list("eu.xml", ListStanding::Current { age_days: 2 });
        let stale = || {
            list(
                "uk.xml",
                ListStanding::OutOfDate {
                    age_days: 61,
                    max_age_days: 7,
                },
            )
        };
        let sample = || list("sample-sdn.csv", ListStanding::Sample);
        let undated = || list("sdn.csv", ListStanding::DateUnknown);

        let ok = ListsSearched::new(vec![current(), sample()]);
        assert!(ok.clears());
        assert_eq!(ok.standing(), ListsStanding::Current);
        assert_eq!(ok.summary(), "");

        let mixed = ListsSearched::new(vec![current(), stale(), undated(), sample()]);
        assert!(!mixed.clears());
        assert_eq!(mixed.standing(), ListsStanding::OutOfDate);
        assert_eq!(
            mixed.summary(),
            "uk.xml (current 61 days ago; the limit is 7), sdn.csv (carries no date)"
        );

        let samples = ListsSearched::new(vec![sample()]);
        assert_eq!(samples.standing(), ListsStanding::SamplesOnly);
        assert_eq!(samples.summary(), "sample-sdn.csv (fictitious sample)");

        let none = ListsSearched::new(Vec::new());
        assert_eq!(none.standing(), ListsStanding::NoLists);
        assert!(!none.clears());
    }

    #[test]
    fn a_no_match_against_lists_that_do_not_clear_is_no_result() {
        let mut evidence = Evidence {
            screening: vec![
                PartyScreening {
                    party: PartyRef::Buyer,
                    outcome: ScreeningOutcome::NoListMatch,
                    summary: String::new(),
                },
                PartyScreening {
                    party: PartyRef::EndUser,
                    outcome: ScreeningOutcome::Review,
                    summary: String::new(),
                },
            ],
            ..Evidence::default()
        };
        // Lists not named (a hand-written evidence file): taken as asserted.
        assert_eq!(
            evidence.screening_outcome_of(PartyRef::Buyer),
            Some(ScreeningOutcome::NoListMatch)
        );
        evidence.lists = Some(ListsSearched::new(vec![list(
            "sample-eu.xml",
            ListStanding::Sample,
        )]));
        assert_eq!(evidence.screening_outcome_of(PartyRef::Buyer), None);
        // A hit stays a hit, whatever the lists.
        assert_eq!(
            evidence.screening_outcome_of(PartyRef::EndUser),
            Some(ScreeningOutcome::Review)
        );
        evidence.lists = Some(ListsSearched::new(vec![list(
            "eu.xml",
            ListStanding::Current { age_days: 0 },
        )]));
        assert_eq!(
            evidence.screening_outcome_of(PartyRef::Buyer),
            Some(ScreeningOutcome::NoListMatch)
        );
    }

    #[test]
    fn lists_searched_round_trip_and_judge_again_on_reading() {
        let lists = ListsSearched::new(vec![list(
            "eu.xml",
            ListStanding::OutOfDate {
                age_days: 9,
                max_age_days: 7,
            },
        )]);
        let json = serde_json::to_string(&lists).unwrap();
        assert_eq!(
            json,
            r#"{"lists":[{"name":"eu.xml","standing":{"state":"out_of_date","age_days":9,"max_age_days":7}}]}"#
        );
        let back: ListsSearched = serde_json::from_str(&json).unwrap();
        assert_eq!(back, lists);
        assert!(!back.clears());
        // A claimed judgement is not read: only the lists are.
        assert!(
            serde_json::from_str::<ListsSearched>(r#"{"lists":[],"standing":"current"}"#).is_err()
        );
        assert!(
            serde_json::from_str::<ListsSearched>(
                r#"{"lists":[{"name":"x","standing":{"state":"fresh"}}]}"#
            )
            .is_err()
        );
    }
}

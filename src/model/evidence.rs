//! Facts about a transaction that come from outside the questionnaire.
//!
//! Screening and declaration records live in their own modules; they map
//! their results into these small types so the risk engine (and the rules,
//! which are data) can react to them without depending on those modules.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::answer::Fact;
use super::enums::{DeclarationStatus, ScreeningOutcome, Symbol};

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
}

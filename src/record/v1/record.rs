//! The v1 attestation record: what was assessed, what the engine concluded,
//! under which ruleset, and who signed it off.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::declaration::DeclarationResponse;
use super::values::{CreatedAt, Decimal, HsCode, Id, Money};
use crate::country::Country;
use crate::record::digest::Digest;
use crate::record::envelope::SignatureBlock;

/// The body of an `enduse-record` document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The transaction as the exporter described it.
    pub transaction: Transaction,
    /// The engine's conclusion.
    pub assessment: Assessment,
    /// Which ruleset produced the assessment.
    pub ruleset: RulesetRef,
    /// `enduse::version::APP_VERSION` of the app that made the record.
    pub app_version: String,
    /// When the record was made.
    pub created: CreatedAt,
    /// The person taking responsibility for the record.
    pub signatory: Signatory,
    /// Counterparty declarations received, embedded whole so they can be
    /// re-verified from the record alone.
    pub declarations: Vec<EmbeddedResponse>,
    /// Restricted-party screening, when it was run.
    pub screening: Option<ScreeningSummary>,
}

/// The exporter's description of the deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// Who sells.
    pub exporter: Exporter,
    /// What is sold.
    pub goods: Vec<GoodsLine>,
    /// Everyone else in the chain: buyer, consignees, end user, intermediaries.
    pub parties: Vec<Party>,
    /// What the goods are for, and where.
    pub end_use: EndUse,
    /// How the goods travel.
    pub route: Route,
    /// How and from where the deal is paid.
    pub payment: Payment,
    /// Commercial red-flag questions and their answers, by question id.
    /// Values are answer symbols (`yes`, `no`, `unknown`, `far_above`, …).
    pub signals: BTreeMap<Id, Id>,
    /// Safeguards in place (contract clauses, checks), by question id.
    pub safeguards: BTreeMap<Id, Id>,
}

/// The seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exporter {
    /// Legal name.
    pub name: String,
    /// Country of establishment.
    pub country: Option<Country>,
}

/// One line of goods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoodsLine {
    /// Commercial description.
    pub description: String,
    /// HS code, when known.
    pub hs_code: Option<HsCode>,
    /// Quantity, when known.
    pub quantity: Option<Decimal>,
    /// Unit of the quantity (`pcs`, `kg`).
    pub unit: Option<String>,
    /// Line value, when known.
    pub value: Option<Money>,
}

/// What a party is in this deal (as opposed to its line of business).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// Contracting buyer.
    Buyer,
    /// Receives the goods.
    Consignee,
    /// Uses the goods.
    EndUser,
    /// Any intermediary: agent, trading company.
    Intermediary,
    /// Forwarding agent.
    FreightForwarder,
}

/// A party other than the exporter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Its role in the deal.
    pub role: PartyRole,
    /// Legal name.
    pub name: String,
    /// Country, when known.
    pub country: Option<Country>,
    /// Postal address, when known.
    pub address: Option<String>,
    /// Website, when known.
    pub website: Option<String>,
    /// Line of business (`distributor`, `bank`, …), when known.
    pub business: Option<Id>,
}

/// The stated end use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndUse {
    /// Free-text description.
    pub description: String,
    /// Country where the goods will be used.
    pub country: Option<Country>,
    /// Sector of use (`manufacturing`, `defence`, …).
    pub sector: Option<Id>,
    /// Disposition of the goods (`own_use`, `resell_export`, …).
    pub disposition: Option<Id>,
}

/// The shipping route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Country the goods are shipped to.
    pub ship_to: Option<Country>,
    /// Countries crossed on the way, in order.
    pub transit: Vec<Country>,
    /// Mode of transport (`road`, `air`, …).
    pub transport: Option<Id>,
}

/// Payment terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// Method (`bank_transfer`, `cash`, …).
    pub method: Option<Id>,
    /// Country the payment comes from.
    pub payer_country: Option<Country>,
    /// Total amount.
    pub amount: Option<Money>,
}

/// The engine's overall rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Nothing found that needs action.
    Low,
    /// Resolve the findings before shipping.
    Medium,
    /// Enhanced due diligence required.
    High,
    /// Do not proceed.
    Stop,
}

/// How serious one finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For information.
    Info,
    /// Minor.
    Low,
    /// Needs resolving.
    Medium,
    /// Serious.
    High,
    /// Blocks the deal.
    Stop,
}

/// The assessment as it stood when the record was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Overall rating.
    pub rating: Rating,
    /// Numeric score behind the rating.
    pub score: u32,
    /// Rules that fired.
    pub findings: Vec<Finding>,
    /// Facts the engine needed but did not have.
    pub missing: Vec<MissingInfo>,
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule's id in the ruleset.
    pub rule_id: Id,
    /// Its severity.
    pub severity: Severity,
    /// Why it fired, in the record's language.
    pub explanation: String,
    /// The sources the rule rests on.
    pub citations: Vec<Citation>,
}

/// A source cited by a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Who issued it (e.g. `BIS`).
    pub issuer: String,
    /// Its title.
    pub title: String,
    /// Its date as printed by the issuer.
    pub date: Option<String>,
    /// Section, article or page.
    pub section: Option<String>,
    /// Link.
    pub url: Option<String>,
}

/// A fact the engine could not evaluate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingInfo {
    /// The questionnaire field, e.g. `payment.payer_country`.
    pub field: String,
    /// Why it matters.
    pub explanation: String,
}

/// Identifies the ruleset by id, version and content hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesetRef {
    /// Ruleset id.
    pub id: Id,
    /// Ruleset version.
    pub version: String,
    /// SHA-256 of the ruleset file as loaded.
    pub sha256: Digest,
}

/// The person signing off the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Full name.
    pub name: String,
    /// Position, e.g. `Export compliance officer`.
    pub role: String,
}

/// A counterparty declaration as received: the response body with its own
/// digest and signature, so the record's reader can re-verify it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbeddedResponse {
    /// The response body.
    pub body: DeclarationResponse,
    /// The response envelope's digest.
    pub digest: Digest,
    /// The response envelope's signature, if the counterparty signed.
    pub signature: Option<SignatureBlock>,
}

/// Restricted-party screening as run for this record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningSummary {
    /// The lists searched.
    pub lists: Vec<ScreenedList>,
    /// One result per party screened.
    pub results: Vec<ScreeningResult>,
}

/// One sanctions list file as loaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreenedList {
    /// Name, e.g. `OFAC SDN`.
    pub name: String,
    /// Publication date printed in the list, when it has one.
    pub date: Option<String>,
    /// SHA-256 of the file.
    pub sha256: Digest,
}

/// Screening outcome for one party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningOutcome {
    /// No entry close enough.
    NoListMatch,
    /// Weak similarity: a human should look.
    Review,
    /// Strong similarity to a listed entry.
    PotentialMatch,
}

/// Screening result for one party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningResult {
    /// The party's name as screened.
    pub party: String,
    /// The outcome.
    pub outcome: ScreeningOutcome,
    /// The closest listed entries, as `list: name` lines.
    pub matches: Vec<String>,
}

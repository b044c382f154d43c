//! The v1 attestation record: what was assessed, what the engine concluded,
//! under which ruleset, and who signed it off.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::declaration::DeclarationResponse;
use super::values::{CreatedAt, CurrencyCode, Decimal, HsCode, Id};
use crate::country::Country;
use crate::lang::Lang;
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
    /// Declaration evidence the assessment used; `None` when unknown.
    pub declaration_status: Option<DeclarationStatus>,
}

/// The exporter's description of the deal, as the questionnaire held it.
///
/// Multiple-choice answers are kept as their symbol names (`far_above`,
/// `bank_transfer`) rather than closed enums: the questionnaire may add
/// choices, and an old record must keep reading. `None` means "unknown".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transaction {
    /// The exporter's own reference for the deal.
    pub reference: String,
    /// Who sells.
    pub exporter: Exporter,
    /// What is sold.
    pub goods: Vec<GoodsLine>,
    /// Everyone else in the chain, each with its position in the deal.
    pub parties: Vec<Party>,
    /// What the goods are for.
    pub end_use: EndUse,
    /// How and where the goods travel.
    pub shipment: Shipment,
    /// How and from where the deal is paid.
    pub payment: Payment,
    /// Commercial red-flag questions and their answers, by question id.
    /// Values are answer symbols (`yes`, `no`, `unknown`, `far_above`, …).
    pub signals: BTreeMap<Id, Id>,
    /// Safeguards in place (contract clauses, checks), by question id.
    pub safeguards: BTreeMap<Id, Id>,
    /// The chain to the final destination, hop by hop (absent when not
    /// described; added in 0.2 as an optional member).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chain: Vec<ChainHop>,
}

/// One hop of the chain to the final destination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainHop {
    /// The receiving party.
    pub party: String,
    /// Its country, when known.
    pub country: Option<Country>,
    /// Region within the country (`crimea`, `elsewhere`), when known.
    pub region: Option<Id>,
    /// Role (`importer`, `re_exporter`, `distributor`, `end_user`), when known.
    pub role: Option<Id>,
    /// When the goods left the previous hop, when known.
    pub shipped: Option<NaiveDate>,
    /// Quantity received per goods line (index = line), when known.
    pub quantities: Vec<Option<Decimal>>,
    /// Document numbers, and the date received.
    pub documents: super::declaration::HopDocuments,
}

/// A yes/no question's answer; "unknown" is an answer, not a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// The exporter does not know.
    #[default]
    Unknown,
}

impl Answer {
    /// Whether the question is unanswered: optional members are then not written.
    pub fn is_unknown(&self) -> bool {
        *self == Answer::Unknown
    }
}

/// The seller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exporter {
    /// Legal name.
    pub name: String,
    /// Country of establishment.
    pub country: Option<Country>,
    // Members added in 0.3 are optional and written only when answered, so
    // a record of a transaction that never saw them stays byte for byte
    // what it was, and older records read as before.
    /// A documented risk assessment of re-export to Russia and Belarus
    /// exists (Art. 12gb of 833/2014, Art. 8ga of 765/2006).
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub risk_assessment: Answer,
    /// When that risk assessment was last reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_assessment_reviewed: Option<NaiveDate>,
    /// Owns or controls companies outside the EU (Art. 8a).
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub non_eu_subsidiaries: Answer,
    /// Has measures in place so that those companies do not undermine the sanctions.
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub subsidiaries_best_efforts: Answer,
}

/// One line of goods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoodsLine {
    /// HS code, when known.
    pub hs_code: Option<HsCode>,
    /// Commercial description.
    pub description: String,
    /// Quantity, when known.
    pub quantity: Option<Decimal>,
    /// Unit of the quantity (`pcs`, `kg`).
    pub unit: String,
    /// Line value in `currency`, when known.
    pub value: Option<Decimal>,
    /// Currency of `value`.
    pub currency: Option<CurrencyCode>,
    /// Country of origin.
    pub origin: Option<Country>,
    /// Manufacturer.
    pub manufacturer: String,
    /// Listed in Annex I of Reg. 2021/821 (dual-use) or, for US-origin
    /// items, classified other than EAR99 (0.3, when answered).
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub dual_use: Answer,
}

/// A party's position in the deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// Contracting buyer.
    Buyer,
    /// Receives the goods.
    Consignee,
    /// Uses the goods.
    EndUser,
    /// Agent, trading company or other intermediary.
    Intermediary,
    /// Forwarding agent.
    FreightForwarder,
}

/// A party other than the exporter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Its position in the deal.
    pub role: PartyRole,
    /// Legal name.
    pub name: String,
    /// Country, when known.
    pub country: Option<Country>,
    /// Region within the country (`crimea`, `elsewhere`), when known.
    pub region: Option<Id>,
    /// Postal address.
    pub address: String,
    /// Company registration number.
    pub registration_number: String,
    /// Date of incorporation, when known.
    pub established: Option<NaiveDate>,
    /// Website.
    pub website: String,
    /// Has a real web presence.
    pub web_presence: Answer,
    /// Line of business (`distributor`, `bank`, …), when known.
    pub business: Option<Id>,
    /// Related to other parties in the deal.
    pub related_to_other_parties: Answer,
    /// How, when related.
    pub relationship: String,
    /// The exporter has dealt with it before.
    pub previous_dealings: Answer,
    /// Its address is residential.
    pub residential_address: Answer,
    /// Its business fits the goods.
    pub business_matches_goods: Answer,
    /// The kind of e-mail address it writes from (`company`, `personal`,
    /// `ru_by`) (0.3, when answered; so are the members below).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_domain: Option<Id>,
    /// The country of its telephone number's calling code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_country: Option<Country>,
    /// A Russian or Belarusian person or entity owns or controls it.
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub owned_by_russia_belarus: Answer,
    /// The country of its ultimate owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_country: Option<Country>,
    /// Related to the exporter itself (staff, family, shared owners).
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub related_to_exporter: Answer,
    /// It (or its parent) bought for Russia or Belarus before 2022 and that
    /// business now comes through it.
    #[serde(default, skip_serializing_if = "Answer::is_unknown")]
    pub prior_russia_business: Answer,
}

/// The stated end use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndUse {
    /// Free-text description.
    pub description: String,
    /// Sector of use (`manufacturing`, `defence`, …).
    pub sector: Option<Id>,
    /// What happens to the goods (`own_use`, `resell_export`, …).
    pub disposition: Option<Id>,
    /// Military or government end use.
    pub military_or_government: Answer,
}

/// The shipment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shipment {
    /// Country of destination.
    pub destination: Option<Country>,
    /// Region of destination.
    pub destination_region: Option<Id>,
    /// The route in words.
    pub route: String,
    /// Countries crossed, in order; `None` when unknown.
    pub transit_countries: Option<Vec<Country>>,
    /// Mode of transport (`road`, `air`, …).
    pub mode: Option<Id>,
    /// The forwarder is named as final destination.
    pub forwarder_is_final_destination: Answer,
    /// Shipping instructions changed at the last minute.
    pub last_minute_changes: Answer,
    /// When the sales contract was concluded (0.3, when answered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_date: Option<NaiveDate>,
}

/// Payment terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// Who pays.
    pub payer_name: String,
    /// Country the payment comes from.
    pub payer_country: Option<Country>,
    /// Country of the paying bank.
    pub bank_country: Option<Country>,
    /// Method (`bank_transfer`, `cash`, …).
    pub method: Option<Id>,
    /// Currency of payment.
    pub currency: Option<CurrencyCode>,
    /// Paid in advance.
    pub prepayment: Answer,
    /// Paid by someone other than the buyer.
    pub third_party_payer: Answer,
    /// The paying bank's name (0.3, when given): screened against the banks
    /// under a transaction ban.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bank_name: String,
    /// The paying bank's BIC (0.3, when given).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bank_bic: String,
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
    /// Worth noting.
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
    /// Sum of the findings' scores.
    pub score: u32,
    /// Rating if every rule blocked only by unknown answers fired.
    pub worst_case: Rating,
    /// The inherent rating, before mitigations; present only when it differs
    /// from `rating` (records made before mitigations existed never have it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherent_rating: Option<Rating>,
    /// The day the law was applied as of (issue 14); absent in records made
    /// before assessments were dated, and when neither the user nor the
    /// ruleset named a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Language of the texts below.
    pub lang: Lang,
    /// Rules that fired.
    pub findings: Vec<Finding>,
    /// Unanswered questions that could change the assessment.
    pub missing: Vec<MissingInfo>,
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule's id in the ruleset.
    pub rule_id: Id,
    /// Its residual severity (after mitigations): the one that counted.
    pub severity: Severity,
    /// The rule's inherent severity; present only when mitigations lowered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inherent_severity: Option<Severity>,
    /// Titles of the recorded mitigations that lowered it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigated_by: Vec<String>,
    /// Points it added to the score.
    pub score: u32,
    /// Rule title.
    pub title: String,
    /// Why it fired, with the triggering answers filled in.
    pub explanation: String,
    /// The sources the rule rests on.
    pub citations: Vec<Citation>,
    /// Suggested mitigations.
    pub mitigations: Vec<String>,
    /// Paths of the answers that made it fire (`goods.0.hs`).
    pub triggers: Vec<String>,
}

/// A source cited by a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Who issued it (e.g. `BIS`).
    pub issuer: String,
    /// Title or number of the document.
    pub document: String,
    /// Article, section or paragraph.
    pub section: Option<String>,
    /// Date of the document.
    pub date: Option<NaiveDate>,
    /// Link to the official text.
    pub url: Option<String>,
}

/// An unanswered question that could change the assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingInfo {
    /// Machine-readable path (`end_user.country`).
    pub fact: String,
    /// Label for people.
    pub label: String,
    /// Rules that could fire depending on the answer.
    pub rules: Vec<Id>,
    /// Highest rating reachable if one of them fired.
    pub could_reach: Rating,
    /// Whether `could_reach` is above the current rating.
    pub changes_rating: bool,
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
    /// Entries read from the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<u64>,
    /// The day the host's daily job fetched the file from its publisher
    /// (`lists/index.json` `retrieved`), when the host said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    /// How current the list was on the day it was searched. Records made
    /// before list standings were recorded have none: their lists' age was
    /// not judged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<ListStanding>,
}

/// A list's standing on the day it was searched, as the record states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum ListStanding {
    /// Current within the host's limit: known current `age_days` days before.
    Current { age_days: i64 },
    /// Older than the host's limit: designations since are missing.
    OutOfDate { age_days: i64, max_age_days: u32 },
    /// The file carries no date and nobody said when it was fetched.
    DateUnknown,
    /// A fictitious list written for testing: not a screening.
    Sample,
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
    /// The party's position (`buyer`, `intermediary.0`).
    pub party: String,
    /// The outcome.
    pub outcome: ScreeningOutcome,
    /// The closest listed entries, in words.
    pub summary: String,
}

/// Evidence status of the counterparty declaration when the record was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationStatus {
    /// Not asked for.
    NotRequested,
    /// Asked for, not received.
    Requested,
    /// Received, matching the request, signed.
    ReceivedMatchingSigned,
    /// Received, matching the request, unsigned.
    ReceivedMatchingUnsigned,
    /// Received, but unusable or contradicting the request.
    Mismatching,
}

//! The v1 counterparty declaration: the exporter's request and the
//! counterparty's response, modelled on the BIS CHPL customer certification,
//! the BIS-711 statement and the UK end-user undertaking.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::record::{Exporter, GoodsLine, Party, PartyRole};
use super::values::{CreatedAt, Decimal, HsCode, Id};
use crate::country::Country;
use crate::lang::Lang;
use crate::record::digest::Digest;

/// The body of an `enduse-declaration-request`: what the exporter asks the
/// counterparty to confirm, prefilled from the assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationRequest {
    /// Identifies the request in both parties' files.
    pub request_id: Id,
    /// Who asks.
    pub exporter: Exporter,
    /// The goods, in the order the response must echo them.
    pub goods: Vec<GoodsLine>,
    /// Parties as the exporter names them, to prefill the form: name,
    /// country and address only (see [`RequestParty`]).
    pub parties: Vec<RequestParty>,
    /// Language the form is shown in.
    pub language: Lang,
    /// When the request was made.
    pub created: CreatedAt,
    /// Set when a counterparty forwards the request to the next party in the
    /// chain; absent on the exporter's own request (hop 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded: Option<Forwarding>,
}

/// A party as a request names it. The counterparty must see who the
/// exporter believes the buyer and end user are, and nothing of what the
/// exporter concluded about them: the questionnaire's judgements (previous
/// dealings, residential address, whether the business fits the goods, web
/// presence, relationships) are internal to the assessment and never travel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedParty {
    /// Its position in the deal.
    pub role: PartyRole,
    /// Legal name.
    pub name: String,
    /// Country, when known.
    pub country: Option<Country>,
    /// Postal address.
    pub address: String,
}

impl From<&Party> for NamedParty {
    fn from(party: &Party) -> NamedParty {
        NamedParty {
            role: party.role,
            name: party.name.clone(),
            country: party.country,
            address: party.address.clone(),
        }
    }
}

/// A party in a request: [`NamedParty`] in every request this build makes;
/// requests made before 0.3 carried the record's whole [`Party`] and still
/// read (and verify: the digest covers the body as written) as `Legacy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RequestParty {
    /// Name, country and address only.
    Named(NamedParty),
    /// A pre-0.3 request's full party.
    Legacy(Party),
}

impl RequestParty {
    /// What the counterparty is shown, whatever the request's age.
    pub fn named(&self) -> NamedParty {
        match self {
            RequestParty::Named(named) => named.clone(),
            RequestParty::Legacy(party) => NamedParty::from(party),
        }
    }

    /// Its position in the deal.
    pub fn role(&self) -> PartyRole {
        match self {
            RequestParty::Named(named) => named.role,
            RequestParty::Legacy(party) => party.role,
        }
    }
}

impl From<NamedParty> for RequestParty {
    fn from(named: NamedParty) -> RequestParty {
        RequestParty::Named(named)
    }
}

/// How a forwarded request continues the chain: it names the response it
/// follows by digest, so every link is tied to the one before it, back to
/// the exporter's request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forwarding {
    /// The `request_id` of the exporter's request that started the chain.
    pub chain_id: Id,
    /// The hop this request asks about: 2 for the first buyer's customer,
    /// at most [`MAX_HOP`] (a larger number is refused when read, so hop
    /// arithmetic on it cannot overflow).
    #[serde(deserialize_with = "hop_number")]
    pub hop: u32,
    /// Digest of the previous hop's response envelope.
    pub previous_response: Digest,
    /// Name of the party that forwards (the previous hop's declarant).
    pub forwarded_by: String,
}

/// Highest hop number a forwarded request may carry: far beyond any real
/// route (the chain reader accepts as many hops, `chain::MAX_HOPS`).
pub const MAX_HOP: u32 = 16;

fn hop_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let hop = u32::deserialize(deserializer)?;
    if (2..=MAX_HOP).contains(&hop) {
        Ok(hop)
    } else {
        Err(serde::de::Error::custom(format!(
            "hop {hop} is outside 2..={MAX_HOP}"
        )))
    }
}

/// Document numbers a declarant gives for its hop, so an auditor or a
/// customs office can follow the goods (all optional; empty means not given).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HopDocuments {
    /// Commercial invoice number.
    pub commercial_invoice: String,
    /// CMR, air waybill or bill of lading number.
    pub transport_document: String,
    /// Kazakhstan: electronic invoice (ESF) number.
    pub esf: String,
    /// Customs declaration number.
    pub customs_declaration: String,
    /// Kazakhstan: accompanying goods note (СНТ) number.
    pub snt: String,
    /// Kazakhstan: the recipient country's guarantee obligation (reference).
    pub guarantee_obligation: String,
    /// When the declarant received the goods, if it has.
    pub received: Option<NaiveDate>,
}

/// The customer's role in the deal (BIS certification wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerRole {
    /// Buys the goods.
    Purchaser,
    /// Receives them on the way to someone else.
    IntermediateConsignee,
    /// Receives them last.
    UltimateConsignee,
    /// Uses them.
    EndUser,
}

/// What the customer will do with the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Use them itself.
    Consume,
    /// Process or incorporate them into another product.
    Incorporate,
    /// Keep them in stock.
    Stock,
    /// Resell them within the customer's own country.
    ResellDomestic,
    /// Resell them abroad.
    ResellExport,
}

/// The customer making the declaration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredCustomer {
    /// Full legal name.
    pub name: String,
    /// Full address.
    pub address: String,
    /// Country of the address.
    pub country: Country,
    /// Website, if it has one.
    pub website: Option<String>,
    /// Role in the deal.
    pub role: CustomerRole,
}

/// The end user as the customer knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredEndUser {
    /// Full legal name.
    pub name: String,
    /// Full address.
    pub address: String,
    /// Country of the address.
    pub country: Country,
}

/// One requested goods line, as the customer confirms it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredItem {
    /// Index of the line in the request's `goods` (0-based).
    pub line: u32,
    /// Description, echoed from the request.
    pub description: String,
    /// HS code, echoed from the request when it had one.
    pub hs_code: Option<HsCode>,
    /// Quantity the customer confirms.
    pub quantity: Decimal,
    /// Unit of the quantity.
    pub unit: String,
}

/// The actual end use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredEndUse {
    /// What the goods will be used for.
    pub description: String,
    /// Where they will be used.
    pub country: Country,
}

/// The undertakings. Each is a separate box the signer must tick: a response
/// with any of them `false` is not a complete declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitments {
    /// Will not re-export, sell or transfer the goods to Russia or Belarus,
    /// or for use there.
    pub no_russia_belarus: bool,
    /// No military end use or military end user.
    pub no_military_end_use: bool,
    /// Accepts audits and will notify the exporter of any diversion.
    pub accept_audit_and_notify: bool,
    /// Will pass these obligations on to any further buyer.
    pub flow_down: bool,
}

impl Commitments {
    /// Names of the commitments left unticked, in form order.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            (self.no_russia_belarus, "no_russia_belarus"),
            (self.no_military_end_use, "no_military_end_use"),
            (self.accept_audit_and_notify, "accept_audit_and_notify"),
            (self.flow_down, "flow_down"),
        ]
        .into_iter()
        .filter(|(ticked, _)| !ticked)
        .map(|(_, name)| name)
        .collect()
    }
}

/// Who signs the declaration for the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationSignatory {
    /// Full name.
    pub name: String,
    /// Title.
    pub title: String,
    /// Date of signature.
    pub date: NaiveDate,
}

/// The body of an `enduse-declaration-response`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationResponse {
    /// The request's id.
    pub request_id: Id,
    /// Digest of the request envelope this response answers; it ties the
    /// answer to one exact set of goods and parties.
    pub request_digest: Digest,
    /// The declaring customer.
    pub customer: DeclaredCustomer,
    /// What it will do with the items.
    pub disposition: Disposition,
    /// The end user.
    pub end_user: DeclaredEndUser,
    /// The items, echoing the request's lines.
    pub items: Vec<DeclaredItem>,
    /// Actual end use and its location.
    pub end_use: DeclaredEndUse,
    /// The ticked undertakings.
    pub commitments: Commitments,
    /// Who signs.
    pub signatory: DeclarationSignatory,
    /// Document numbers for this hop, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<HopDocuments>,
    /// For a forwarded request: the digest of the previous hop's response,
    /// echoed so the response itself names the link before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_response: Option<Digest>,
}

impl DeclarationRequest {
    /// The items a response should echo, prefilled from the request's goods
    /// (the counterparty still confirms quantities; lines without a quantity
    /// are prefilled with `0`).
    pub fn items_template(&self) -> Vec<DeclaredItem> {
        self.goods
            .iter()
            .enumerate()
            .map(|(index, line)| DeclaredItem {
                line: u32::try_from(index).unwrap_or(u32::MAX),
                description: line.description.clone(),
                hs_code: line.hs_code.clone(),
                quantity: line.quantity.clone().unwrap_or_else(Decimal::zero),
                unit: line.unit.clone(),
            })
            .collect()
    }
}

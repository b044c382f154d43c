//! The transaction record: exporter, goods, parties, shipment, payment, signals, safeguards.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answer::{Answer, Fact};
use super::chain::Hop;
use super::currency::Currency;
use super::enums::{
    Disposition, EmailDomain, PartyRole, PaymentMethod, PriceVsMarket, QuantityVsNeed, Region,
    Sector, TransportMode,
};
use super::evidence::PartyRef;
use crate::country::Country;
use crate::hs::HsCode;

/// The schema version this build writes. Older documents are migrated on load.
pub const CURRENT_SCHEMA_VERSION: u32 = 2;

fn current_schema_version() -> u32 {
    CURRENT_SCHEMA_VERSION
}

/// Why a transaction document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not JSON, or a value of the wrong shape; carries serde's line/column.
    #[error("transaction JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Refused before its fields were read: over a bound, a member name
    /// twice in one object, an integer beyond ±(2^53−1), nesting too deep.
    #[error("transaction JSON: {0}")]
    Refused(#[from] crate::strict_json::JsonError),
    /// A `schema_version` this build cannot read.
    #[error(
        "transaction schema_version {found} is not supported: this build reads 1 to {CURRENT_SCHEMA_VERSION}{hint}"
    )]
    UnsupportedVersion {
        /// The version found in the document.
        found: u64,
        /// Extra advice.
        hint: &'static str,
    },
}

/// One export transaction as described by the exporter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Transaction {
    /// Format version of this document; see [`Transaction::from_json`].
    #[serde(default = "current_schema_version")]
    pub schema_version: u32,
    /// The exporter's own reference (order number, file name).
    pub reference: String,
    /// Who exports.
    pub exporter: Exporter,
    /// What is exported, one line per product.
    pub goods: Vec<GoodsLine>,
    /// Who buys, receives and uses the goods, and who stands in between.
    pub parties: Parties,
    /// What the goods will be used for.
    pub end_use: EndUse,
    /// Where and how the goods travel.
    pub shipment: Shipment,
    /// Who pays, from where, how.
    pub payment: Payment,
    /// Commercial behaviour that guidance lists as red flags.
    pub signals: Signals,
    /// Contractual and documentary protections in place.
    pub safeguards: Safeguards,
    /// The route to the final destination, hop by hop, when the goods move on
    /// after the first buyer; empty when not described. See [`Hop`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chain: Vec<Hop>,
}

impl Default for Transaction {
    fn default() -> Self {
        Transaction {
            schema_version: CURRENT_SCHEMA_VERSION,
            reference: String::new(),
            exporter: Exporter::default(),
            goods: Vec::new(),
            parties: Parties::default(),
            end_use: EndUse::default(),
            shipment: Shipment::default(),
            payment: Payment::default(),
            signals: Signals::default(),
            safeguards: Safeguards::default(),
            chain: Vec::new(),
        }
    }
}

/// The bounds a transaction document is read within: far above any real
/// questionnaire (a full one is about 10 KB), far below what costs time.
/// Strings are read as written: a transaction is not signed, and every name
/// comparison folds to NFC itself.
pub const TRANSACTION_BOUNDS: crate::strict_json::Bounds = crate::strict_json::Bounds {
    max_bytes: 2 * 1024 * 1024,
    max_depth: 32,
    max_key_bytes: 256,
    max_values: 200_000,
    strings: crate::strict_json::Strings::Normalise,
};

impl Transaction {
    /// Reads a transaction document of any supported schema version.
    ///
    /// A missing `schema_version` is read as the current one, because drafts
    /// saved mid-typing may not carry it. Documents from a newer build are
    /// refused rather than half-understood.
    ///
    /// Version 2 only added questions (contact channels, ownership, prior
    /// Russia business, further signals and safeguards); every one defaults
    /// to unknown, so a version 1 document reads unchanged, with the new
    /// questions unanswered, and is then written as version 2. No answer of
    /// version 1 changed meaning (`price_vs_market = "below"` is still
    /// "below market"; "far below" is a new choice).
    ///
    /// The text is first read within [`TRANSACTION_BOUNDS`] by the one strict
    /// reader every importer shares, so a duplicated answer (two
    /// `"end_user"` members, of which serde would keep the last silently) is
    /// refused, and no input within the size limit costs unbounded work.
    pub fn from_json(text: &str) -> Result<Transaction, ModelError> {
        let value = crate::strict_json::parse_str(text, &TRANSACTION_BOUNDS)?;
        let version = match value.get("schema_version") {
            None | Some(serde_json::Value::Null) => u64::from(CURRENT_SCHEMA_VERSION),
            Some(v) => v.as_u64().ok_or(ModelError::UnsupportedVersion {
                found: 0,
                hint: " (schema_version must be a positive whole number)",
            })?,
        };
        if version == 0 || version > u64::from(CURRENT_SCHEMA_VERSION) {
            return Err(ModelError::UnsupportedVersion {
                found: version,
                hint: if version == 0 {
                    ""
                } else {
                    " (written by a newer End-Use Check; update this tool)"
                },
            });
        }
        // Migrations of the JSON tree go here (`if version < 3 { v2_to_v3 }`);
        // 1 → 2 needs none (see above).
        // Parse from the original text so serde's errors carry line and column.
        let mut tx: Transaction = serde_json::from_str(text)?;
        tx.schema_version = CURRENT_SCHEMA_VERSION;
        Ok(tx)
    }

    /// Every party in the chain with its reference, in a fixed order:
    /// buyer, consignee, end user, intermediaries, freight forwarder (if named).
    pub fn parties(&self) -> impl Iterator<Item = (PartyRef, &Party)> {
        let p = &self.parties;
        [
            (PartyRef::Buyer, &p.buyer),
            (PartyRef::Consignee, &p.consignee),
            (PartyRef::EndUser, &p.end_user),
        ]
        .into_iter()
        .chain(
            p.intermediaries
                .iter()
                .enumerate()
                .map(|(i, party)| (PartyRef::Intermediary(i), party)),
        )
        .chain(
            self.shipment
                .freight_forwarder
                .iter()
                .map(|f| (PartyRef::FreightForwarder, f)),
        )
    }

    /// The party behind a reference, if it exists in this transaction.
    pub fn party(&self, r: PartyRef) -> Option<&Party> {
        match r {
            PartyRef::Buyer => Some(&self.parties.buyer),
            PartyRef::Consignee => Some(&self.parties.consignee),
            PartyRef::EndUser => Some(&self.parties.end_user),
            PartyRef::Intermediary(i) => self.parties.intermediaries.get(i),
            PartyRef::FreightForwarder => self.shipment.freight_forwarder.as_ref(),
        }
    }
}

/// The exporting company.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Exporter {
    /// Company name.
    pub name: String,
    /// Country of establishment (decides which regime applies, e.g. EU Art. 12g).
    pub country: Fact<Country>,
    /// Whether the exporter has a documented assessment of the risk that its
    /// goods are re-exported to Russia or Belarus (EU Art. 12gb of 833/2014,
    /// Art. 8ga of 765/2006): part of the exporter profile, asked once.
    pub risk_assessment: Answer,
    /// When that risk assessment was last reviewed; the law asks for it to be
    /// kept up to date, so a stale date is a finding of its own.
    pub risk_assessment_reviewed: Fact<NaiveDate>,
    /// Whether the exporter owns or controls companies outside the EU (Art. 8a).
    pub non_eu_subsidiaries: Answer,
    /// Whether it has measures in place (best efforts) so that those companies
    /// do not undermine the sanctions (Art. 8a of 833/2014).
    pub subsidiaries_best_efforts: Answer,
}

/// One product line of the order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GoodsLine {
    /// Tariff code, 6 to 10 digits.
    pub hs: Fact<HsCode>,
    /// Commercial description.
    pub description: String,
    /// Number of units.
    pub quantity: Fact<f64>,
    /// Unit of quantity (pcs, kg, m).
    pub unit: String,
    /// Total value of the line, in `currency`.
    pub value: Fact<f64>,
    /// Currency of `value`.
    pub currency: Fact<Currency>,
    /// Country of origin (manufacture).
    pub origin: Fact<Country>,
    /// Manufacturer or brand.
    pub manufacturer: String,
    /// Whether the item is listed in Annex I of Regulation (EU) 2021/821
    /// (dual-use) or, for US-origin items, classified other than EAR99: an
    /// export-licence question, answered by the exporter's classification.
    pub dual_use: Answer,
}

/// The counterparties of the transaction.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Parties {
    /// The contracting buyer.
    pub buyer: Party,
    /// Who physically receives the goods.
    pub consignee: Party,
    /// Who finally uses the goods.
    pub end_user: Party,
    /// Distributors, agents and anyone else in between, in chain order.
    pub intermediaries: Vec<Party>,
}

/// A company or person in the chain.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Party {
    /// Legal name.
    pub name: String,
    /// Country of the party's address.
    pub country: Fact<Country>,
    /// Region within the country, where sanctions distinguish (occupied Ukraine).
    pub region: Fact<Region>,
    /// Postal address.
    pub address: String,
    /// Company registration number.
    pub registration_number: String,
    /// Date of incorporation (entities founded after 24 Feb 2022 are a FinCEN/BIS red flag).
    pub established: Fact<NaiveDate>,
    /// Website URL as given.
    pub website: String,
    /// Whether the party has a real web presence and company-domain e-mail.
    pub web_presence: Answer,
    /// Line of business.
    pub role: Fact<PartyRole>,
    /// Whether the party is related to another party here (ownership, shared address or staff).
    pub related_to_other_parties: Answer,
    /// How it is related, in words.
    pub relationship: String,
    /// Whether the exporter has dealt with this party before without problems.
    pub previous_dealings: Answer,
    /// Whether the address is residential or shared by many companies.
    pub residential_address: Answer,
    /// Whether the party's business plausibly needs these goods.
    pub business_matches_goods: Answer,
    /// The kind of e-mail address it writes from (schema 2).
    pub email_domain: Fact<EmailDomain>,
    /// The country of its telephone number's calling code (schema 2).
    pub phone_country: Fact<Country>,
    /// Whether a Russian or Belarusian person or entity owns or controls it (schema 2).
    pub owned_by_russia_belarus: Answer,
    /// The country of its ultimate owner (schema 2).
    pub owner_country: Fact<Country>,
    /// Whether it is related to the exporter itself: staff, family, shared owners (schema 2).
    pub related_to_exporter: Answer,
    /// Whether it (or its parent) bought for Russia or Belarus before 2022
    /// and that business now comes through it (schema 2).
    pub prior_russia_business: Answer,
}

/// Declared end use.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EndUse {
    /// The end use in the customer's words.
    pub description: String,
    /// Sector of the end use.
    pub sector: Fact<Sector>,
    /// What the recipient will do with the goods.
    pub disposition: Fact<Disposition>,
    /// Whether military, security or government use is declared or apparent.
    pub military_or_government: Answer,
}

/// Destination and route.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Shipment {
    /// Final destination country.
    pub destination: Fact<Country>,
    /// Region of the destination, where sanctions distinguish (occupied Ukraine).
    pub destination_region: Fact<Region>,
    /// The route in words.
    pub route: String,
    /// Countries crossed before the destination; `[]` means none, `null` unknown.
    pub transit_countries: Fact<Vec<Country>>,
    /// Mode of transport.
    pub mode: Fact<TransportMode>,
    /// The forwarder, if one is engaged; absent means none named.
    pub freight_forwarder: Option<Party>,
    /// Whether the forwarder (or a logistics address) is given as final destination.
    pub forwarder_is_final_destination: Answer,
    /// Whether shipping instructions changed at the last minute.
    pub last_minute_changes: Answer,
    /// Whether `transit_countries` is the whole route (`no`: "at least via …") (schema 2).
    pub transit_list_complete: Answer,
    /// Whether the buyer is vague about delivery dates (schema 2).
    pub vague_delivery_dates: Answer,
    /// When the sales contract was concluded: duties such as Art. 12g depend
    /// on it (contracts before 19 December 2023 had until 20 December 2024).
    pub contract_date: Fact<NaiveDate>,
    /// Planned (or actual) shipment date.
    pub date: Fact<NaiveDate>,
}

/// Payment arrangements.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Payment {
    /// Who pays.
    pub payer_name: String,
    /// The payer's country.
    pub payer_country: Fact<Country>,
    /// Country of the paying bank.
    pub bank_country: Fact<Country>,
    /// Name of the paying bank, screened against the banks EU law bans
    /// transactions with (`[name_lists]` of the ruleset).
    pub bank_name: String,
    /// The paying bank's BIC (SWIFT code), when known.
    pub bank_bic: String,
    /// How payment is made.
    pub method: Fact<PaymentMethod>,
    /// Payment currency.
    pub currency: Fact<Currency>,
    /// Whether the buyer pays in full in advance.
    pub prepayment: Answer,
    /// Whether someone other than the buyer pays.
    pub third_party_payer: Answer,
    /// Whether a letter of credit is consigned to the issuing bank, so the
    /// documents do not name the real consignee (schema 2).
    pub lc_consigned_to_issuing_bank: Answer,
}

/// Commercial behaviour listed as red flags by BIS, FinCEN and the EU.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signals {
    /// Price compared with the market.
    pub price_vs_market: Fact<PriceVsMarket>,
    /// Quantity compared with the stated need.
    pub quantity_vs_need: Fact<QuantityVsNeed>,
    /// Unusual urgency or pressure to ship.
    pub unusual_urgency: Answer,
    /// Requests for unusual packaging, labelling or removal of markings.
    pub unusual_packaging: Answer,
    /// Reluctance or refusal to give end-use, end-user or ownership information.
    pub refuses_information: Answer,
    /// Declines installation, training or maintenance.
    pub declines_installation: Answer,
    /// The customer seems unfamiliar with the product's use.
    pub unfamiliar_with_product: Answer,
    /// A request to remove references to Russia from documents or markings (schema 2).
    pub remove_russia_references: Answer,
    /// The item does not fit the destination's technical level or needs (schema 2).
    pub item_unfit_for_destination: Answer,
    /// Several end users are named or hinted at for one order (schema 2).
    pub several_end_users: Answer,
    /// Orders or instructions come from someone other than the buyer (schema 2).
    pub communications_from_third_party: Answer,
}

/// Protections the exporter has in place.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Safeguards {
    /// Contract forbids re-export to and use in Russia (EU Art. 12g "No Russia clause").
    pub no_russia_clause: Answer,
    /// Contract forbids re-export to and use in Belarus (Art. 8g of 765/2006 "No Belarus clause").
    pub no_belarus_clause: Answer,
    /// A signed end-use statement has been obtained.
    pub end_use_statement: Answer,
    /// The contract grants audit or post-shipment verification rights.
    pub audit_rights: Answer,
    /// The buyer must notify before any re-export.
    pub re_export_notification: Answer,
    /// The contract sells, licenses or otherwise transfers intellectual property rights
    /// or trade secrets, or grants access to material protected by them, relating to
    /// the goods (EU Art. 12ga).
    pub ip_rights_granted: Answer,
    /// That contract prohibits using those rights or secrets for goods for Russia
    /// (EU Art. 12ga "No Russia IP clause").
    pub no_russia_ip_clause: Answer,
    /// The exporter installs and services the goods on site (schema 2).
    pub seller_installs: Answer,
    /// The end user's site was verified (visit, video call, registry and map check) (schema 2).
    pub site_verified: Answer,
    /// Post-shipment verification was done: the goods seen in use at the stated site (schema 2).
    pub post_shipment_verified: Answer,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_readings_of_one_document_are_refused() {
        // serde alone keeps the last `buyer`; a person reading top-down sees
        // the first. The strict reader refuses, naming the member and line.
        let twice = "{\"parties\":{\"buyer\":{\"name\":\"Listed OOO\"},\n\"buyer\":{\"name\":\"Clean LLP\"}}}";
        let err = Transaction::from_json(twice).unwrap_err();
        assert!(matches!(err, ModelError::Refused(_)), "{err}");
        assert!(err.to_string().contains("\"buyer\""), "{err}");
        assert!(err.to_string().contains("line 2"), "{err}");
        let huge = r#"{"goods":[{"hs":"8542.31","quantity":9007199254740993}]}"#;
        assert!(matches!(
            Transaction::from_json(huge),
            Err(ModelError::Refused(_))
        ));
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(matches!(
            Transaction::from_json(&deep),
            Err(ModelError::Refused(_))
        ));
        let large = format!("{{\"reference\":\"{}\"}}", "x".repeat(3 * 1024 * 1024));
        assert!(matches!(
            Transaction::from_json(&large),
            Err(ModelError::Refused(_))
        ));
    }

    #[test]
    fn empty_and_partial_drafts_load() {
        let tx = Transaction::from_json("{}").unwrap();
        assert_eq!(tx, Transaction::default());
        let tx = Transaction::from_json(
            r#"{"goods":[{"hs":"8542.31"}],"parties":{"buyer":{"name":"A"}},"shipment":{"transit_countries":[]}}"#,
        )
        .unwrap();
        assert_eq!(tx.goods.len(), 1);
        assert_eq!(tx.parties.buyer.web_presence, Answer::Unknown);
        assert_eq!(tx.shipment.transit_countries, Fact::Known(vec![]));
    }

    #[test]
    fn version_1_documents_migrate_with_new_questions_unknown() {
        let v1 = r#"{"schema_version":1,"signals":{"price_vs_market":"below"},"parties":{"buyer":{"name":"A","previous_dealings":"yes"}}}"#;
        let tx = Transaction::from_json(v1).unwrap();
        assert_eq!(tx.schema_version, CURRENT_SCHEMA_VERSION);
        assert_eq!(
            tx.signals.price_vs_market,
            Fact::Known(PriceVsMarket::Below)
        );
        assert_eq!(tx.parties.buyer.previous_dealings, Answer::Yes);
        assert_eq!(tx.parties.buyer.owned_by_russia_belarus, Answer::Unknown);
        assert!(tx.parties.buyer.email_domain.is_unknown());
        assert_eq!(tx.safeguards.seller_installs, Answer::Unknown);
        // Written back as the current version, and read again unchanged.
        let again = Transaction::from_json(&serde_json::to_string(&tx).unwrap()).unwrap();
        assert_eq!(again, tx);
    }

    #[test]
    fn rejects_future_versions_and_typos() {
        assert!(matches!(
            Transaction::from_json(r#"{"schema_version": 99}"#),
            Err(ModelError::UnsupportedVersion { found: 99, .. })
        ));
        assert!(Transaction::from_json(r#"{"schema_version": "x"}"#).is_err());
        let err = Transaction::from_json("{\n \"shipmnt\": {}\n}").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(Transaction::from_json(r#"{"goods":[{"hs":"85"}]}"#).is_err());
    }

    #[test]
    fn parties_are_listed_in_order() {
        let mut tx = Transaction::default();
        tx.parties.intermediaries.push(Party::default());
        tx.shipment.freight_forwarder = Some(Party::default());
        let refs: Vec<PartyRef> = tx.parties().map(|(r, _)| r).collect();
        assert_eq!(
            refs,
            vec![
                PartyRef::Buyer,
                PartyRef::Consignee,
                PartyRef::EndUser,
                PartyRef::Intermediary(0),
                PartyRef::FreightForwarder
            ]
        );
        assert!(tx.party(PartyRef::Intermediary(1)).is_none());
    }
}

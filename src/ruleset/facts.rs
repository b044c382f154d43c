//! The fact vocabulary: every answer a rule may test or a template may quote.
//!
//! A rule names facts by path (`payment.bank_country`, `party.established`).
//! Paths are resolved once, when the ruleset loads, into [`FactPath`] values
//! so that a typo is a load error and evaluation never looks up strings.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::country::Country;
use crate::hs::HsCode;
use crate::model::{
    Answer, Currency, DeclarationStatus, Disposition, EmailDomain, Evidence, Fact, GoodsLine, Hop,
    HopRole, ListsStanding, Party, PartyKind, PartyRef, PartyRole, PaymentMethod, PaymentRef,
    PriceVsMarket, QuantityChange, QuantityVsNeed, Region, ScreeningOutcome, Sector, Symbol,
    Transaction, TransportMode, final_country, quantity_change,
};

/// What kind of value a fact holds, which decides the tests it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    /// `yes` / `no`.
    Answer,
    /// One of a closed set of names.
    Symbol(&'static [&'static str]),
    /// A country.
    Country,
    /// A list of countries (transit).
    Countries,
    /// An ISO 4217 currency.
    Currency,
    /// A number.
    Number,
    /// A calendar date.
    Date,
    /// An HS code.
    Hs,
    /// Free text: quotable in templates, testable only with `unknown`.
    Text,
}

impl FactKind {
    /// The names a symbol-like fact accepts in `is` / `in`.
    pub fn symbols(self) -> Option<&'static [&'static str]> {
        match self {
            FactKind::Answer => Some(&["yes", "no"]),
            FactKind::Symbol(names) => Some(names),
            _ => None,
        }
    }

    /// The kind's name, for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            FactKind::Answer => "a yes/no answer",
            FactKind::Symbol(_) => "a choice",
            FactKind::Country => "a country",
            FactKind::Countries => "a list of countries",
            FactKind::Currency => "a currency",
            FactKind::Number => "a number",
            FactKind::Date => "a date",
            FactKind::Hs => "an HS code",
            FactKind::Text => "free text",
        }
    }
}

macro_rules! fact_enum {
    ($(#[$meta:meta])* $name:ident { $( $variant:ident = $path:literal, $kind:expr, $label:literal; )+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( #[doc = $label] $variant, )+ }

        impl $name {
            /// Every fact of this group.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The path segment used in rules.
            pub fn name(self) -> &'static str {
                match self { $( $name::$variant => $path, )+ }
            }
            /// What kind of value the fact holds.
            pub fn kind(self) -> FactKind {
                match self { $( $name::$variant => $kind, )+ }
            }
            /// A short English label for reports ("missing information").
            pub fn label(self) -> &'static str {
                match self { $( $name::$variant => $label, )+ }
            }
            fn from_name(name: &str) -> Option<$name> {
                match name { $( $path => Some($name::$variant), )+ _ => None }
            }
        }

        /// As its path segment (the compiled ruleset, `compiled.rs`).
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::from_name(&s).ok_or_else(|| {
                    serde::de::Error::custom(UnknownFact(s))
                })
            }
        }
    };
}

const ANSWER: FactKind = FactKind::Answer;

fact_enum! {
    /// A fact about the transaction as a whole.
    TopFact {
        ExporterCountry = "exporter.country", FactKind::Country, "Exporter's country";
        RiskAssessment = "exporter.risk_assessment", ANSWER, "Documented assessment of the risk of re-export to Russia or Belarus";
        RiskAssessmentReviewed = "exporter.risk_assessment_reviewed", FactKind::Date, "Date the re-export risk assessment was last reviewed";
        RiskAssessmentAgeDays = "exporter.risk_assessment_age_days", FactKind::Number, "Days from the risk assessment's last review to the as-of date";
        NonEuSubsidiaries = "exporter.non_eu_subsidiaries", ANSWER, "Owns or controls companies outside the EU";
        SubsidiariesBestEfforts = "exporter.subsidiaries_best_efforts", ANSWER, "Measures so that non-EU subsidiaries do not undermine the sanctions";
        AsOf = "assessment.as_of", FactKind::Date, "Date the law is applied as of";
        GoodsCount = "goods.count", FactKind::Number, "Number of goods lines";
        IntermediariesCount = "intermediaries.count", FactKind::Number, "Number of intermediaries";
        EndUseDescription = "end_use.description", FactKind::Text, "Declared end use";
        EndUseSector = "end_use.sector", FactKind::Symbol(Sector::NAMES), "End-use sector";
        EndUseDisposition = "end_use.disposition", FactKind::Symbol(Disposition::NAMES), "What the recipient will do with the goods";
        MilitaryOrGovernment = "end_use.military_or_government", ANSWER, "Military or government end use";
        Destination = "shipment.destination", FactKind::Country, "Destination country";
        DestinationRegion = "shipment.destination_region", FactKind::Symbol(Region::NAMES), "Destination region";
        TransitCountries = "shipment.transit_countries", FactKind::Countries, "Transit countries";
        TransitCount = "shipment.transit_count", FactKind::Number, "Number of distinct transit countries";
        Mode = "shipment.mode", FactKind::Symbol(TransportMode::NAMES), "Mode of transport";
        Route = "shipment.route", FactKind::Text, "Route";
        FreightForwarderNamed = "shipment.freight_forwarder_named", ANSWER, "Freight forwarder named";
        ForwarderIsFinalDestination = "shipment.forwarder_is_final_destination", ANSWER, "Forwarder or logistics address is the final destination";
        LastMinuteChanges = "shipment.last_minute_changes", ANSWER, "Last-minute changes to shipping instructions";
        TransitListComplete = "shipment.transit_list_complete", ANSWER, "Transit countries are the whole route";
        VagueDeliveryDates = "shipment.vague_delivery_dates", ANSWER, "Vague delivery dates";
        ContractDate = "shipment.contract_date", FactKind::Date, "Date the sales contract was concluded";
        ShipmentDate = "shipment.date", FactKind::Date, "Planned shipment date";
        PayerName = "payment.payer_name", FactKind::Text, "Payer";
        PayerCountry = "payment.payer_country", FactKind::Country, "Payer's country";
        BankCountry = "payment.bank_country", FactKind::Country, "Paying bank's country";
        BankName = "payment.bank_name", FactKind::Text, "Paying bank";
        BankBic = "payment.bank_bic", FactKind::Text, "Paying bank's BIC";
        PayerListed = "payment.payer_listed", FactKind::Symbol(ScreeningOutcome::NAMES), "Payer screened against the banks under a transaction ban";
        BankListed = "payment.bank_listed", FactKind::Symbol(ScreeningOutcome::NAMES), "Paying bank screened against the banks under a transaction ban";
        PayerListedSummary = "payment.payer_listed_summary", FactKind::Text, "Result of the payer's screening against the listed banks";
        BankListedSummary = "payment.bank_listed_summary", FactKind::Text, "Result of the bank's screening against the listed banks";
        ScreeningLists = "screening.lists", FactKind::Symbol(ListsStanding::NAMES), "Sanctions lists searched: current, out of date or samples";
        ScreeningListsSummary = "screening.lists_summary", FactKind::Text, "Lists that keep a screening from counting, and why";
        PaymentMethod = "payment.method", FactKind::Symbol(PaymentMethod::NAMES), "Payment method";
        PaymentCurrency = "payment.currency", FactKind::Currency, "Payment currency";
        Prepayment = "payment.prepayment", ANSWER, "Full prepayment";
        ThirdPartyPayer = "payment.third_party_payer", ANSWER, "Payment by a third party";
        LcConsignedToIssuingBank = "payment.lc_consigned_to_issuing_bank", ANSWER, "Letter of credit consigned to the issuing bank";
        PriceVsMarket = "signals.price_vs_market", FactKind::Symbol(PriceVsMarket::NAMES), "Price compared with the market";
        QuantityVsNeed = "signals.quantity_vs_need", FactKind::Symbol(QuantityVsNeed::NAMES), "Quantity compared with the stated need";
        UnusualUrgency = "signals.unusual_urgency", ANSWER, "Unusual urgency";
        UnusualPackaging = "signals.unusual_packaging", ANSWER, "Unusual packaging or labelling requests";
        RefusesInformation = "signals.refuses_information", ANSWER, "Refuses end-use or ownership information";
        DeclinesInstallation = "signals.declines_installation", ANSWER, "Declines installation, training or maintenance";
        UnfamiliarWithProduct = "signals.unfamiliar_with_product", ANSWER, "Customer unfamiliar with the product";
        RemoveRussiaReferences = "signals.remove_russia_references", ANSWER, "Request to remove references to Russia";
        ItemUnfitForDestination = "signals.item_unfit_for_destination", ANSWER, "Item does not fit the destination";
        SeveralEndUsers = "signals.several_end_users", ANSWER, "Several end users";
        CommunicationsFromThirdParty = "signals.communications_from_third_party", ANSWER, "Communications from someone other than the buyer";
        NoRussiaClause = "safeguards.no_russia_clause", ANSWER, "Contractual no-re-export-to-Russia clause";
        NoBelarusClause = "safeguards.no_belarus_clause", ANSWER, "Contractual no-re-export-to-Belarus clause";
        IpRightsGranted = "safeguards.ip_rights_granted", ANSWER, "Contract grants rights to intellectual property or trade secrets for the goods";
        NoRussiaIpClause = "safeguards.no_russia_ip_clause", ANSWER, "Contractual clause: no use of those rights for Russia";
        EndUseStatement = "safeguards.end_use_statement", ANSWER, "Signed end-use statement";
        AuditRights = "safeguards.audit_rights", ANSWER, "Audit or post-shipment verification rights";
        ReExportNotification = "safeguards.re_export_notification", ANSWER, "Re-export notification duty";
        SellerInstalls = "safeguards.seller_installs", ANSWER, "Exporter installs and services on site";
        SiteVerified = "safeguards.site_verified", ANSWER, "End user's site verified";
        PostShipmentVerified = "safeguards.post_shipment_verified", ANSWER, "Post-shipment verification done";
        Declaration = "evidence.declaration", FactKind::Symbol(DeclarationStatus::NAMES), "Counterparty end-use declaration";
        ChainCount = "chain.count", FactKind::Number, "Number of hops to the final destination";
        ChainCountryCount = "chain.country_count", FactKind::Number, "Number of distinct countries the chain passes through";
        ChainFinalCountry = "chain.final_country", FactKind::Country, "Final destination (last hop's country)";
        ChainFinalRole = "chain.final_role", FactKind::Symbol(HopRole::NAMES), "Role of the last hop's party";
    }
}

fact_enum! {
    /// A fact about one hop of the chain to the final destination.
    HopField {
        Party = "party", FactKind::Text, "party";
        Country = "country", FactKind::Country, "country";
        Region = "region", FactKind::Symbol(Region::NAMES), "region";
        Role = "role", FactKind::Symbol(HopRole::NAMES), "role";
        Shipped = "shipped", FactKind::Date, "date shipped";
        Received = "received", FactKind::Date, "date received";
        Quantities = "quantities", FactKind::Symbol(QuantityChange::NAMES), "quantities compared with the hop before";
        PreviousCountry = "previous_country", FactKind::Country, "country the goods came from";
        Number = "number", FactKind::Number, "hop number";
        IsLast = "is_last", ANSWER, "last hop";
        CommercialInvoice = "commercial_invoice", FactKind::Text, "commercial invoice number";
        TransportDocument = "transport_document", FactKind::Text, "CMR / air waybill / bill of lading number";
        Esf = "esf", FactKind::Text, "electronic invoice (ESF) number";
        CustomsDeclaration = "customs_declaration", FactKind::Text, "customs declaration number";
        Snt = "snt", FactKind::Text, "accompanying goods note (SNT) number";
        GuaranteeObligation = "guarantee_obligation", FactKind::Text, "guarantee obligation";
    }
}

fact_enum! {
    /// A fact about one party.
    PartyField {
        Name = "name", FactKind::Text, "name";
        Address = "address", FactKind::Text, "address";
        RegistrationNumber = "registration_number", FactKind::Text, "registration number";
        Website = "website", FactKind::Text, "website";
        Relationship = "relationship", FactKind::Text, "relationship to the other parties";
        Country = "country", FactKind::Country, "country";
        Region = "region", FactKind::Symbol(Region::NAMES), "region";
        Established = "established", FactKind::Date, "date of incorporation";
        Role = "role", FactKind::Symbol(PartyRole::NAMES), "line of business";
        Kind = "kind", FactKind::Symbol(PartyKind::NAMES), "place in the chain";
        WebPresence = "web_presence", ANSWER, "web presence";
        RelatedToOtherParties = "related_to_other_parties", ANSWER, "related to other parties";
        PreviousDealings = "previous_dealings", ANSWER, "previous dealings";
        ResidentialAddress = "residential_address", ANSWER, "residential or mass-registration address";
        BusinessMatchesGoods = "business_matches_goods", ANSWER, "business matches the goods";
        EmailDomain = "email_domain", FactKind::Symbol(EmailDomain::NAMES), "e-mail domain";
        PhoneCountry = "phone_country", FactKind::Country, "telephone country code";
        OwnedByRussiaBelarus = "owned_by_russia_belarus", ANSWER, "owned or controlled from Russia or Belarus";
        OwnerCountry = "owner_country", FactKind::Country, "ultimate owner's country";
        RelatedToExporter = "related_to_exporter", ANSWER, "related to the exporter";
        PriorRussiaBusiness = "prior_russia_business", ANSWER, "earlier Russia or Belarus business rerouted";
        Screening = "screening", FactKind::Symbol(ScreeningOutcome::NAMES), "restricted-party screening";
        ScreeningSummary = "screening_summary", FactKind::Text, "screening summary";
    }
}

fact_enum! {
    /// A fact about one goods line.
    LineField {
        Hs = "hs", FactKind::Hs, "HS code";
        Description = "description", FactKind::Text, "description";
        Quantity = "quantity", FactKind::Number, "quantity";
        Unit = "unit", FactKind::Text, "unit";
        Value = "value", FactKind::Number, "value";
        Currency = "currency", FactKind::Currency, "currency";
        Origin = "origin", FactKind::Country, "country of origin";
        Manufacturer = "manufacturer", FactKind::Text, "manufacturer or brand";
        DualUse = "dual_use", ANSWER, "dual-use listed or classified other than EAR99";
        Number = "number", FactKind::Number, "line number";
    }
}

/// Facts that no rule of the default ruleset reads, on purpose, with the
/// reason: they are asked, shown, quoted in explanations and recorded, but
/// never scored. Party facts are written `party.X` (for every party), line
/// facts `line.X`, hop facts `hop.X`. A host test (`tests/ruleset_content.rs`)
/// fails when a fact is neither read by a rule or mitigation nor listed here,
/// and when a fact listed here is read after all.
pub const DISPLAY_ONLY: &[(&str, &str)] = &[
    (
        "screening.lists_summary",
        "quoted in SCREEN-LISTS-NOT-CURRENT's explanation; the rule judges screening.lists",
    ),
    (
        "payment.payer_listed_summary",
        "quoted in the bank-ban explanations; the rules judge payment.payer_listed",
    ),
    (
        "payment.bank_listed_summary",
        "quoted in the bank-ban explanations; the rules judge payment.bank_listed",
    ),
    (
        "payment.bank_name",
        "screened against the ruleset's name lists; rules read the result as payment.bank_listed",
    ),
    (
        "payment.bank_bic",
        "compared with the listed banks' BICs; rules read the result as payment.bank_listed",
    ),
    (
        "exporter.risk_assessment_reviewed",
        "rules read it as exporter.risk_assessment_age_days (its age on the as-of date); the date itself is shown",
    ),
    (
        "shipment.date",
        "the planned shipment date is shown and recorded; the law's date is the assessment's as-of date",
    ),
    (
        "shipment.transit_count",
        "the road route to Central Asia that avoids Russia crosses five countries: a count of transit countries is no red flag by itself",
    ),
    (
        "end_use.sector",
        "shown and recorded; military_or_government and the party's business carry the judgement",
    ),
    (
        "shipment.freight_forwarder_named",
        "a forwarder is normal; the forwarder rules judge its role and country",
    ),
    (
        "hop.role",
        "the last hop's role is judged as chain.final_role",
    ),
    (
        "hop.esf",
        "document number for the State Revenue Committee's tracing and the record",
    ),
    (
        "hop.snt",
        "document number for the State Revenue Committee's tracing and the record",
    ),
    (
        "goods.count",
        "a count of lines says nothing about risk; each line is judged",
    ),
    (
        "end_use.description",
        "free text in the customer's words, for people to compare with the declaration",
    ),
    (
        "shipment.route",
        "free text; the route is judged on the transit countries and the chain",
    ),
    (
        "shipment.mode",
        "no guidance names a mode of transport as a red flag by itself",
    ),
    (
        "party.address",
        "free text for screening and the record; residential_address is the judged answer",
    ),
    (
        "party.registration_number",
        "identifies the party in the official register; checked by people",
    ),
    (
        "party.website",
        "free text; web_presence is the judged answer",
    ),
    (
        "party.relationship",
        "free text quoted when related_to_other_parties is yes",
    ),
    (
        "party.screening_summary",
        "the screening's words for people; screening is the judged outcome",
    ),
    (
        "line.description",
        "free text for people and the declaration",
    ),
    (
        "line.quantity",
        "judged by the exporter against the need in signals.quantity_vs_need",
    ),
    ("line.unit", "free text qualifying the quantity"),
    (
        "line.value",
        "judged by the exporter against the market in signals.price_vs_market",
    ),
    ("line.currency", "qualifies the value"),
    (
        "line.origin",
        "the origin does not change the re-export risk to Russia the rules judge",
    ),
    (
        "line.manufacturer",
        "free text for people and the declaration",
    ),
    ("line.number", "a position, used in explanations"),
    (
        "hop.party",
        "free text naming the hop's party, quoted in explanations",
    ),
    (
        "hop.shipped",
        "dates are shown per hop; no guidance sets a red flag on them alone",
    ),
    (
        "hop.received",
        "dates are shown per hop; no guidance sets a red flag on them alone",
    ),
    (
        "hop.commercial_invoice",
        "document number for customs and the record",
    ),
    (
        "hop.transport_document",
        "document number for customs and the record",
    ),
];

/// Which party a party fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartySelector {
    /// `buyer.*`.
    Buyer,
    /// `consignee.*`.
    Consignee,
    /// `end_user.*`.
    EndUser,
    /// `party.*`: the party `any_party` is visiting.
    Current,
}

/// A resolved fact path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FactPath {
    /// A transaction-wide fact.
    Top(TopFact),
    /// A party fact.
    Party(PartySelector, PartyField),
    /// `line.*`: a fact of the goods line `any_line` is visiting.
    Line(LineField),
    /// `hop.*`: a fact of the chain hop `any_hop` is visiting.
    Hop(HopField),
}

/// Why a path is not in the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFact(pub String);

impl std::fmt::Display for UnknownFact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown fact \"{}\" (see docs/ruleset-format.md §2 for the vocabulary)",
            self.0
        )
    }
}

impl FactPath {
    /// Resolves a path such as `buyer.country`, `party.kind` or `line.hs`.
    pub fn parse(path: &str) -> Result<FactPath, UnknownFact> {
        if let Some(top) = TopFact::from_name(path) {
            return Ok(FactPath::Top(top));
        }
        let unknown = || UnknownFact(path.to_string());
        let (head, field) = path.split_once('.').ok_or_else(unknown)?;
        let selector = match head {
            "buyer" => PartySelector::Buyer,
            "consignee" => PartySelector::Consignee,
            "end_user" => PartySelector::EndUser,
            "party" => PartySelector::Current,
            "line" => {
                return LineField::from_name(field)
                    .map(FactPath::Line)
                    .ok_or_else(unknown);
            }
            "hop" => {
                return HopField::from_name(field)
                    .map(FactPath::Hop)
                    .ok_or_else(unknown);
            }
            _ => return Err(unknown()),
        };
        PartyField::from_name(field)
            .map(|f| FactPath::Party(selector, f))
            .ok_or_else(unknown)
    }

    /// The value kind.
    pub fn kind(self) -> FactKind {
        match self {
            FactPath::Top(t) => t.kind(),
            FactPath::Party(_, f) => f.kind(),
            FactPath::Line(f) => f.kind(),
            FactPath::Hop(f) => f.kind(),
        }
    }

    /// The path as written in rules.
    pub fn to_path_string(self) -> String {
        match self {
            FactPath::Top(t) => t.name().to_string(),
            FactPath::Party(s, f) => format!("{}.{}", selector_name(s), f.name()),
            FactPath::Line(f) => format!("line.{}", f.name()),
            FactPath::Hop(f) => format!("hop.{}", f.name()),
        }
    }
}

/// As the path written in rules (the compiled ruleset, `compiled.rs`).
impl Serialize for FactPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_path_string())
    }
}
impl<'de> Deserialize<'de> for FactPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        FactPath::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Every name a yes/no or choice fact accepts, across the whole vocabulary.
fn every_symbol() -> impl Iterator<Item = &'static str> {
    let kinds = TopFact::ALL
        .iter()
        .map(|f| f.kind())
        .chain(PartyField::ALL.iter().map(|f| f.kind()))
        .chain(HopField::ALL.iter().map(|f| f.kind()))
        .chain(LineField::ALL.iter().map(|f| f.kind()));
    kinds.flat_map(|k| k.symbols().unwrap_or(&[]).iter().copied())
}

/// Reads the names of a compiled [`Test::Symbols`](super::Test::Symbols) back
/// into the vocabulary's own `&'static str`s (the evaluator compares them by
/// address first); a name the vocabulary does not have is an error.
pub(super) fn deserialize_symbols<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<&'static str>, D::Error> {
    let names = Vec::<String>::deserialize(d)?;
    names
        .iter()
        .map(|name| {
            every_symbol().find(|s| *s == name.as_str()).ok_or_else(|| {
                serde::de::Error::custom(format!("\"{name}\" is not a name any fact accepts"))
            })
        })
        .collect()
}

fn selector_name(s: PartySelector) -> &'static str {
    match s {
        PartySelector::Buyer => "buyer",
        PartySelector::Consignee => "consignee",
        PartySelector::EndUser => "end_user",
        PartySelector::Current => "party",
    }
}

/// The value of a fact in one transaction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// Not known.
    Unknown,
    /// A yes/no answer or a choice, by name.
    Symbol(&'static str),
    /// A country.
    Country(Country),
    /// A list of countries.
    Countries(&'a [Country]),
    /// A currency.
    Currency(Currency),
    /// A number.
    Number(f64),
    /// A date.
    Date(NaiveDate),
    /// An HS code.
    Hs(&'a HsCode),
    /// Non-empty free text.
    Text(&'a str),
}

fn answer(a: Answer) -> Value<'static> {
    match a {
        Answer::Yes => Value::Symbol("yes"),
        Answer::No => Value::Symbol("no"),
        Answer::Unknown => Value::Unknown,
    }
}

fn symbol<S: Symbol>(f: &Fact<S>) -> Value<'static> {
    f.known()
        .map_or(Value::Unknown, |s| Value::Symbol(s.as_str()))
}

fn country(f: &Fact<Country>) -> Value<'static> {
    f.known().map_or(Value::Unknown, |c| Value::Country(*c))
}

fn currency(f: &Fact<Currency>) -> Value<'static> {
    f.known().map_or(Value::Unknown, |c| Value::Currency(*c))
}

fn number(f: &Fact<f64>) -> Value<'static> {
    match f.known() {
        Some(n) if n.is_finite() => Value::Number(*n),
        _ => Value::Unknown,
    }
}

fn text(s: &str) -> Value<'_> {
    let t = s.trim();
    if t.is_empty() {
        Value::Unknown
    } else {
        Value::Text(t)
    }
}

/// The value of a transaction-wide fact.
pub fn top_value<'a>(fact: TopFact, tx: &'a Transaction, ev: &'a Evidence) -> Value<'a> {
    use TopFact as T;
    let count = |n: usize| Value::Number(n as f64);
    let date = |d: &Fact<NaiveDate>| d.known().map_or(Value::Unknown, |d| Value::Date(*d));
    match fact {
        T::ExporterCountry => country(&tx.exporter.country),
        T::RiskAssessment => answer(tx.exporter.risk_assessment),
        T::RiskAssessmentReviewed => date(&tx.exporter.risk_assessment_reviewed),
        T::NonEuSubsidiaries => answer(tx.exporter.non_eu_subsidiaries),
        T::SubsidiariesBestEfforts => answer(tx.exporter.subsidiaries_best_efforts),
        // The as-of date is the evaluation's, not the transaction's: the
        // evaluator's scope answers it (`evaluate::evaluate_at`).
        T::AsOf | T::RiskAssessmentAgeDays => Value::Unknown,
        T::GoodsCount => count(tx.goods.len()),
        T::IntermediariesCount => count(tx.parties.intermediaries.len()),
        T::EndUseDescription => text(&tx.end_use.description),
        T::EndUseSector => symbol(&tx.end_use.sector),
        T::EndUseDisposition => symbol(&tx.end_use.disposition),
        T::MilitaryOrGovernment => answer(tx.end_use.military_or_government),
        T::Destination => country(&tx.shipment.destination),
        T::DestinationRegion => symbol(&tx.shipment.destination_region),
        T::TransitCountries => tx
            .shipment
            .transit_countries
            .known()
            .map_or(Value::Unknown, |c| Value::Countries(c)),
        T::TransitCount => tx
            .shipment
            .transit_countries
            .known()
            .map_or(Value::Unknown, |c| count(distinct(c.iter().copied()))),
        T::Mode => symbol(&tx.shipment.mode),
        T::Route => text(&tx.shipment.route),
        T::FreightForwarderNamed => answer(tx.shipment.freight_forwarder.is_some().into()),
        T::ForwarderIsFinalDestination => answer(tx.shipment.forwarder_is_final_destination),
        T::LastMinuteChanges => answer(tx.shipment.last_minute_changes),
        T::ContractDate => date(&tx.shipment.contract_date),
        T::ShipmentDate => date(&tx.shipment.date),
        T::PayerName => text(&tx.payment.payer_name),
        T::PayerCountry => country(&tx.payment.payer_country),
        T::BankCountry => country(&tx.payment.bank_country),
        T::BankName => text(&tx.payment.bank_name),
        T::BankBic => text(&tx.payment.bank_bic),
        T::PayerListed => ev
            .payment_screening_of(PaymentRef::Payer)
            .map_or(Value::Unknown, |s| Value::Symbol(s.outcome.as_str())),
        T::BankListed => ev
            .payment_screening_of(PaymentRef::Bank)
            .map_or(Value::Unknown, |s| Value::Symbol(s.outcome.as_str())),
        T::PayerListedSummary => ev
            .payment_screening_of(PaymentRef::Payer)
            .map_or(Value::Unknown, |s| text(&s.summary)),
        T::BankListedSummary => ev
            .payment_screening_of(PaymentRef::Bank)
            .map_or(Value::Unknown, |s| text(&s.summary)),
        T::ScreeningLists => Value::Symbol(match &ev.lists {
            Some(lists) => lists.standing().as_str(),
            None if ev.screening.is_empty() => ListsStanding::NoLists.as_str(),
            None => ListsStanding::Asserted.as_str(),
        }),
        T::ScreeningListsSummary => ev
            .lists
            .as_ref()
            .map_or(Value::Unknown, |l| text(l.summary())),
        T::PaymentMethod => symbol(&tx.payment.method),
        T::PaymentCurrency => currency(&tx.payment.currency),
        T::Prepayment => answer(tx.payment.prepayment),
        T::ThirdPartyPayer => answer(tx.payment.third_party_payer),
        T::LcConsignedToIssuingBank => answer(tx.payment.lc_consigned_to_issuing_bank),
        T::TransitListComplete => answer(tx.shipment.transit_list_complete),
        T::VagueDeliveryDates => answer(tx.shipment.vague_delivery_dates),
        T::RemoveRussiaReferences => answer(tx.signals.remove_russia_references),
        T::ItemUnfitForDestination => answer(tx.signals.item_unfit_for_destination),
        T::SeveralEndUsers => answer(tx.signals.several_end_users),
        T::CommunicationsFromThirdParty => answer(tx.signals.communications_from_third_party),
        T::SellerInstalls => answer(tx.safeguards.seller_installs),
        T::SiteVerified => answer(tx.safeguards.site_verified),
        T::PostShipmentVerified => answer(tx.safeguards.post_shipment_verified),
        T::PriceVsMarket => symbol(&tx.signals.price_vs_market),
        T::QuantityVsNeed => symbol(&tx.signals.quantity_vs_need),
        T::UnusualUrgency => answer(tx.signals.unusual_urgency),
        T::UnusualPackaging => answer(tx.signals.unusual_packaging),
        T::RefusesInformation => answer(tx.signals.refuses_information),
        T::DeclinesInstallation => answer(tx.signals.declines_installation),
        T::UnfamiliarWithProduct => answer(tx.signals.unfamiliar_with_product),
        T::NoRussiaClause => answer(tx.safeguards.no_russia_clause),
        T::NoBelarusClause => answer(tx.safeguards.no_belarus_clause),
        T::IpRightsGranted => answer(tx.safeguards.ip_rights_granted),
        T::NoRussiaIpClause => answer(tx.safeguards.no_russia_ip_clause),
        T::EndUseStatement => answer(tx.safeguards.end_use_statement),
        T::AuditRights => answer(tx.safeguards.audit_rights),
        T::ReExportNotification => answer(tx.safeguards.re_export_notification),
        T::Declaration => symbol(&ev.declaration),
        T::ChainCount => count(tx.chain.len()),
        T::ChainCountryCount => {
            let known: Option<Vec<Country>> = tx
                .chain
                .iter()
                .map(|h| h.country.known().copied())
                .collect();
            known.map_or(Value::Unknown, |c| count(distinct(c.into_iter())))
        }
        T::ChainFinalCountry => country(&final_country(tx)),
        T::ChainFinalRole => tx.chain.last().map_or(Value::Unknown, |h| symbol(&h.role)),
    }
}

/// How many different countries `countries` holds (lists are a handful long).
fn distinct(countries: impl Iterator<Item = Country>) -> usize {
    let mut seen: Vec<Country> = Vec::with_capacity(8);
    for c in countries {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.len()
}

/// The value of a hop fact; `index` is zero-based.
pub fn hop_value<'a>(
    field: HopField,
    index: usize,
    hop: &'a Hop,
    tx: &'a Transaction,
) -> Value<'a> {
    use HopField as F;
    let date = |d: &Fact<NaiveDate>| d.known().map_or(Value::Unknown, |d| Value::Date(*d));
    match field {
        F::Party => text(&hop.party),
        F::Country => country(&hop.country),
        F::Region => symbol(&hop.region),
        F::Role => symbol(&hop.role),
        F::Shipped => date(&hop.shipped),
        F::Received => date(&hop.received),
        F::Quantities => symbol(&quantity_change(tx, index)),
        F::PreviousCountry => match index.checked_sub(1) {
            Some(previous) => tx
                .chain
                .get(previous)
                .map_or(Value::Unknown, |h| country(&h.country)),
            None => country(&tx.exporter.country),
        },
        F::Number => Value::Number(index as f64 + 1.0),
        F::IsLast => answer((index + 1 == tx.chain.len()).into()),
        F::CommercialInvoice => text(&hop.documents.commercial_invoice),
        F::TransportDocument => text(&hop.documents.transport_document),
        F::Esf => text(&hop.documents.esf),
        F::CustomsDeclaration => text(&hop.documents.customs_declaration),
        F::Snt => text(&hop.documents.snt),
        F::GuaranteeObligation => text(&hop.documents.guarantee_obligation),
    }
}

/// The party kind behind a reference.
pub fn party_kind(r: PartyRef) -> PartyKind {
    match r {
        PartyRef::Buyer => PartyKind::Buyer,
        PartyRef::Consignee => PartyKind::Consignee,
        PartyRef::EndUser => PartyKind::EndUser,
        PartyRef::Intermediary(_) => PartyKind::Intermediary,
        PartyRef::FreightForwarder => PartyKind::FreightForwarder,
    }
}

/// The value of a party fact.
pub fn party_value<'a>(
    field: PartyField,
    r: PartyRef,
    p: &'a Party,
    ev: &'a Evidence,
) -> Value<'a> {
    use PartyField as F;
    match field {
        F::Name => text(&p.name),
        F::Address => text(&p.address),
        F::RegistrationNumber => text(&p.registration_number),
        F::Website => text(&p.website),
        F::Relationship => text(&p.relationship),
        F::Country => country(&p.country),
        F::Region => symbol(&p.region),
        F::Established => p
            .established
            .known()
            .map_or(Value::Unknown, |d| Value::Date(*d)),
        F::Role => symbol(&p.role),
        F::Kind => Value::Symbol(party_kind(r).as_str()),
        F::WebPresence => answer(p.web_presence),
        F::RelatedToOtherParties => answer(p.related_to_other_parties),
        F::PreviousDealings => answer(p.previous_dealings),
        F::ResidentialAddress => answer(p.residential_address),
        F::BusinessMatchesGoods => answer(p.business_matches_goods),
        F::EmailDomain => symbol(&p.email_domain),
        F::PhoneCountry => country(&p.phone_country),
        F::OwnedByRussiaBelarus => answer(p.owned_by_russia_belarus),
        F::OwnerCountry => country(&p.owner_country),
        F::RelatedToExporter => answer(p.related_to_exporter),
        F::PriorRussiaBusiness => answer(p.prior_russia_business),
        F::Screening => ev
            .screening_outcome_of(r)
            .map_or(Value::Unknown, |o| Value::Symbol(o.as_str())),
        F::ScreeningSummary => ev
            .screening_of(r)
            .map_or(Value::Unknown, |s| text(&s.summary)),
    }
}

/// The value of a goods-line fact; `index` is zero-based.
pub fn line_value(field: LineField, index: usize, line: &GoodsLine) -> Value<'_> {
    use LineField as F;
    match field {
        F::Hs => line.hs.known().map_or(Value::Unknown, Value::Hs),
        F::Description => text(&line.description),
        F::Quantity => number(&line.quantity),
        F::Unit => text(&line.unit),
        F::Value => number(&line.value),
        F::Currency => currency(&line.currency),
        F::Origin => country(&line.origin),
        F::Manufacturer => text(&line.manufacturer),
        F::DualUse => answer(line.dual_use),
        F::Number => Value::Number(index as f64 + 1.0),
    }
}

/// The party reference a fixed selector points at.
pub fn selector_ref(s: PartySelector) -> Option<PartyRef> {
    match s {
        PartySelector::Buyer => Some(PartyRef::Buyer),
        PartySelector::Consignee => Some(PartyRef::Consignee),
        PartySelector::EndUser => Some(PartyRef::EndUser),
        PartySelector::Current => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_resolves_by_its_own_name() {
        for t in TopFact::ALL {
            assert_eq!(FactPath::parse(t.name()), Ok(FactPath::Top(*t)));
        }
        for f in PartyField::ALL {
            for head in ["buyer", "consignee", "end_user", "party"] {
                let p = format!("{head}.{}", f.name());
                assert_eq!(FactPath::parse(&p).map(FactPath::to_path_string), Ok(p));
            }
        }
        for f in LineField::ALL {
            assert_eq!(
                FactPath::parse(&format!("line.{}", f.name())),
                Ok(FactPath::Line(*f))
            );
        }
        for f in HopField::ALL {
            let p = format!("hop.{}", f.name());
            assert_eq!(FactPath::parse(&p), Ok(FactPath::Hop(*f)));
            assert_eq!(FactPath::Hop(*f).to_path_string(), p);
        }
    }

    #[test]
    fn rejects_unknown_paths() {
        for bad in [
            "",
            "buyer",
            "buyer.",
            "seller.name",
            "line.colour",
            "payment",
            "x.y.z",
        ] {
            assert!(FactPath::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_answers_are_unknown_values() {
        let tx = Transaction::default();
        let ev = Evidence::default();
        assert_eq!(top_value(TopFact::Prepayment, &tx, &ev), Value::Unknown);
        assert_eq!(top_value(TopFact::GoodsCount, &tx, &ev), Value::Number(0.0));
        assert_eq!(
            top_value(TopFact::FreightForwarderNamed, &tx, &ev),
            Value::Symbol("no")
        );
        let p = Party::default();
        assert_eq!(
            party_value(PartyField::Screening, PartyRef::Buyer, &p, &ev),
            Value::Unknown
        );
        assert_eq!(
            party_value(PartyField::Name, PartyRef::Buyer, &p, &ev),
            Value::Unknown
        );
        assert_eq!(
            party_value(PartyField::Kind, PartyRef::Intermediary(2), &p, &ev),
            Value::Symbol("intermediary")
        );
    }
}

//! Closed answer sets for the questionnaire's multiple-choice questions.
//!
//! Each enum's snake_case name is what appears in transaction JSON and in
//! ruleset conditions (`in = ["far_above"]`); [`Symbol::NAMES`] lets the
//! ruleset loader reject a misspelt value instead of a rule never firing.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A closed set of named values usable in ruleset conditions.
pub trait Symbol: Sized + Copy + 'static {
    /// Every accepted name, in declaration order.
    const NAMES: &'static [&'static str];
    /// This value's name.
    fn as_str(self) -> &'static str;
    /// The value with this exact name.
    fn from_name(name: &str) -> Option<Self>;
}

macro_rules! symbol_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl Symbol for $name {
            const NAMES: &'static [&'static str] = &[$($text),+];
            fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )+ }
            }
            fn from_name(name: &str) -> Option<Self> {
                match name { $( $text => Some($name::$variant), )+ _ => None }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::from_name(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} \"{}\", expected one of: {}",
                        stringify!($name), s, <$name as Symbol>::NAMES.join(", ")
                    ))
                })
            }
        }
    };
}

symbol_enum! {
    /// Where in a country a place lies, as far as sanctions care.
    ///
    /// The occupied regions of Ukraine are under separate comprehensive
    /// restrictions, so a destination "UA" alone does not settle the risk.
    pub enum Region {
        /// Autonomous Republic of Crimea.
        Crimea = "crimea",
        /// City of Sevastopol.
        Sevastopol = "sevastopol",
        /// Non-government-controlled areas of Donetsk oblast.
        Donetsk = "donetsk",
        /// Non-government-controlled areas of Luhansk oblast.
        Luhansk = "luhansk",
        /// Non-government-controlled areas of Zaporizhzhia oblast.
        Zaporizhzhia = "zaporizhzhia",
        /// Non-government-controlled areas of Kherson oblast.
        Kherson = "kherson",
        /// Anywhere else: not one of the regions above.
        Elsewhere = "elsewhere",
    }
}

symbol_enum! {
    /// The sector in which the goods will be used.
    pub enum Sector {
        /// General manufacturing and industry.
        Manufacturing = "manufacturing",
        /// Oil, gas, power generation and grids.
        Energy = "energy",
        /// Mining and metals.
        Mining = "mining",
        /// Agriculture and food.
        Agriculture = "agriculture",
        /// Construction and real estate.
        Construction = "construction",
        /// Telecommunications.
        Telecommunications = "telecommunications",
        /// IT, software, data centres.
        InformationTechnology = "information_technology",
        /// Health care and medical devices.
        Healthcare = "healthcare",
        /// Universities and research institutes.
        ResearchEducation = "research_education",
        /// Transport and logistics.
        TransportLogistics = "transport_logistics",
        /// Retail and wholesale trade (goods resold).
        Trade = "trade",
        /// Consumer use.
        Consumer = "consumer",
        /// Aviation and space.
        Aerospace = "aerospace",
        /// Defence, military, security forces.
        Defence = "defence",
        /// Government bodies other than defence.
        Government = "government",
        /// Anything else (describe in the end-use text).
        Other = "other",
    }
}

symbol_enum! {
    /// What the recipient says it will do with the goods (BIS CHPL certification).
    pub enum Disposition {
        /// Used or consumed by the recipient itself.
        OwnUse = "own_use",
        /// Processed or incorporated into another product.
        Incorporate = "incorporate",
        /// Resold in the same form within the destination country.
        ResellDomestic = "resell_domestic",
        /// Resold in the same form to another country.
        ResellExport = "resell_export",
        /// Held in stock with no buyer identified yet.
        Stock = "stock",
    }
}

symbol_enum! {
    /// Where a party sits in the transaction.
    pub enum PartyKind {
        /// The contracting buyer.
        Buyer = "buyer",
        /// The party that physically receives the goods.
        Consignee = "consignee",
        /// The party that finally uses the goods.
        EndUser = "end_user",
        /// Any other party in the chain (distributor, agent, ...).
        Intermediary = "intermediary",
        /// The freight forwarder engaged for the shipment.
        FreightForwarder = "freight_forwarder",
    }
}

symbol_enum! {
    /// A party's line of business, as far as its role in the chain tells.
    pub enum PartyRole {
        /// Manufacturer that incorporates the goods.
        Manufacturer = "manufacturer",
        /// Authorised distributor.
        Distributor = "distributor",
        /// Reseller or trader without distribution agreement.
        Reseller = "reseller",
        /// General trading company.
        TradingCompany = "trading_company",
        /// Sales or purchasing agent.
        Agent = "agent",
        /// Logistics company, warehouse or mail centre.
        Logistics = "logistics",
        /// Freight forwarder.
        FreightForwarder = "freight_forwarder",
        /// Bank or financial institution.
        Bank = "bank",
        /// System integrator or installer.
        Integrator = "integrator",
        /// Government body.
        Government = "government",
        /// Anything else.
        Other = "other",
    }
}

symbol_enum! {
    /// How the buyer pays.
    pub enum PaymentMethod {
        /// Ordinary bank transfer.
        BankTransfer = "bank_transfer",
        /// Documentary letter of credit.
        LetterOfCredit = "letter_of_credit",
        /// Cash.
        Cash = "cash",
        /// Crypto-assets.
        Crypto = "crypto",
        /// Payment card.
        Card = "card",
        /// Barter or offset against other deliveries.
        Barter = "barter",
        /// Anything else.
        Other = "other",
    }
}

symbol_enum! {
    /// The kind of e-mail address a party writes from.
    pub enum EmailDomain {
        /// The company's own domain.
        Company = "company",
        /// A personal or free mailbox.
        Personal = "personal",
        /// A Russian (.ru, .рф) or Belarusian (.by) domain.
        RussiaBelarus = "ru_by",
    }
}

symbol_enum! {
    /// How the agreed price compares with the market price.
    pub enum PriceVsMarket {
        /// Far below market (value understated or goods sold off cheaply).
        FarBelow = "far_below",
        /// Clearly below market.
        Below = "below",
        /// About the market price.
        AtMarket = "at_market",
        /// Above market.
        Above = "above",
        /// Far above market (significant overpayment is a FinCEN/BIS red flag).
        FarAbove = "far_above",
    }
}

symbol_enum! {
    /// How the ordered quantity compares with the buyer's plausible need.
    pub enum QuantityVsNeed {
        /// Consistent with the stated business.
        Consistent = "consistent",
        /// More than the stated business plausibly needs.
        Excessive = "excessive",
        /// Far more than the stated business could use.
        FarExcessive = "far_excessive",
    }
}

symbol_enum! {
    /// How the goods travel.
    pub enum TransportMode {
        /// Road.
        Road = "road",
        /// Rail.
        Rail = "rail",
        /// Air freight.
        Air = "air",
        /// Sea freight.
        Sea = "sea",
        /// Post or courier.
        Courier = "courier",
        /// Several modes.
        Multimodal = "multimodal",
    }
}

symbol_enum! {
    /// Result of restricted-party screening for one party (mapped from the screening module).
    pub enum ScreeningOutcome {
        /// Screened; no list entry resembles the party.
        NoListMatch = "no_list_match",
        /// Weak resemblance that a person should look at.
        Review = "review",
        /// Strong resemblance to a listed party.
        PotentialMatch = "potential_match",
    }
}

symbol_enum! {
    /// What the lists a screening searched are worth, taken together
    /// (`screening.lists` in the ruleset; [`ListsSearched::standing`](super::ListsSearched::standing)).
    pub enum ListsStanding {
        /// Every real list searched is within the host's age limit.
        Current = "current",
        /// At least one real list is older than the limit or carries no date.
        OutOfDate = "out_of_date",
        /// Only fictitious sample lists were searched.
        SamplesOnly = "samples_only",
        /// No list was searched.
        NoLists = "none",
        /// The evidence names no lists (a hand-written evidence file): its
        /// outcomes are taken as given, and nothing is judged.
        Asserted = "asserted",
    }
}

symbol_enum! {
    /// State of the counterparty's end-use declaration (mapped from the record module).
    pub enum DeclarationStatus {
        /// No declaration has been asked for.
        NotRequested = "not_requested",
        /// Asked for, not yet received.
        Requested = "requested",
        /// Received, matches the transaction, signature verified.
        ReceivedMatchingSigned = "received_matching_signed",
        /// Received and matches, but unsigned or signature not verifiable.
        ReceivedMatchingUnsigned = "received_matching_unsigned",
        /// Received but contradicts the transaction (other end user, goods, destination).
        Mismatching = "mismatching",
    }
}

symbol_enum! {
    /// What a hop's party does with the goods on the way to the final destination.
    pub enum HopRole {
        /// Imports the goods into its country (first receiver there).
        Importer = "importer",
        /// Exports the goods on to another country in the form received.
        ReExporter = "re_exporter",
        /// Resells the goods within its own country.
        Distributor = "distributor",
        /// Uses the goods itself: the chain should end here.
        EndUser = "end_user",
    }
}

symbol_enum! {
    /// How a hop's quantities compare with the hop before (the order's for the first hop).
    pub enum QuantityChange {
        /// Every line arrives in the quantity sent.
        Same = "same",
        /// Some line grew: goods from elsewhere joined, or the papers were redrawn.
        Grew = "grew",
        /// Some line shrank: part of the goods went somewhere undeclared.
        Shrank = "shrank",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in Region::NAMES {
            let r = Region::from_name(name).unwrap();
            assert_eq!(r.as_str(), *name);
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(serde_json::from_str::<Region>(&json).unwrap(), r);
        }
        assert!(serde_json::from_str::<Sector>("\"military\"").is_err());
    }
}

//! The transaction under assessment, as the questionnaire fills it in.
//!
//! Two principles shape every type here:
//!
//! * **"Unknown" is an answer.** An exporter who does not know whether the
//!   buyer pays in advance has told us something different from "no", and the
//!   risk engine must treat it as missing information, never as a reassuring
//!   default. Yes/no questions are [`Answer`]s; other optional facts are
//!   [`Fact`]s whose `Unknown` state is explicit.
//! * **Drafts always load.** The web app saves after every keystroke, so every
//!   field has a serde default and a half-filled transaction deserialises.
//!   Malformed values (an HS code with letters, a country code that does not
//!   exist) are still rejected: the UI keeps raw text until it parses.

mod answer;
mod chain;
mod currency;
mod enums;
mod evidence;
mod transaction;

pub use answer::{Answer, Fact};
pub use chain::{Hop, HopDocuments, final_country, quantity_change};
pub use currency::{Currency, UnknownCurrency};
pub use enums::{
    DeclarationStatus, Disposition, EmailDomain, HopRole, ListsStanding, PartyKind, PartyRole,
    PaymentMethod, PriceVsMarket, QuantityChange, QuantityVsNeed, Region, ScreeningOutcome, Sector,
    Symbol, TransportMode,
};
pub use evidence::{
    Evidence, ListStanding, ListsSearched, PartyRef, PartyScreening, PaymentRef, PaymentScreening,
    SearchedList,
};
pub use transaction::{
    CURRENT_SCHEMA_VERSION, EndUse, Exporter, GoodsLine, ModelError, Parties, Party, Payment,
    Safeguards, Shipment, Signals, TRANSACTION_BOUNDS, Transaction,
};

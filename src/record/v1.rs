//! Version 1 of the document schemas: plain serde structs at the file boundary.
//!
//! These types are deliberately *not* the domain types with a derive. The
//! questionnaire model and the evaluator will keep changing; a record signed
//! today must still verify and read the same in five years. So the schema is
//! frozen here, and `convert` maps the domain into it. A change to a v1 type
//! that alters its JSON is a format change and needs a v2 module.
//!
//! Unknown members are refused (`deny_unknown_fields`): a field this version
//! does not know is either a newer format (caught by `version`) or tampering.

mod declaration;
mod record;
mod values;

pub use declaration::{
    Commitments, CustomerRole, DeclarationRequest, DeclarationResponse, DeclarationSignatory,
    DeclaredCustomer, DeclaredEndUse, DeclaredEndUser, DeclaredItem, Disposition, Forwarding,
    HopDocuments, MAX_HOP, NamedParty, RequestParty,
};
pub use record::{
    Answer, Assessment, ChainHop, Citation, DeclarationStatus, EmbeddedResponse, EndUse, Exporter,
    Finding, GoodsLine, ListStanding, MissingInfo, Party, PartyRole, Payment, Rating, Record,
    RulesetRef, ScreenedList, ScreeningOutcome, ScreeningResult, ScreeningSummary, Severity,
    Shipment, Signatory, Transaction,
};
pub use values::{
    CreatedAt, CurrencyCode, Decimal, HsCode, Id, OffsetMinutes, UtcTimestamp, ValueError,
};

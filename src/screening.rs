//! Restricted-party screening: load published sanctions lists, search them for
//! a name, and explain every hit.
//!
//! ```
//! use enduse::screening::{SanctionsList, ScreeningIndex, ScreenOptions, Outcome};
//!
//! let csv = "id,schema,name,aliases\nX-1,Company,\"Alfa Trade LLP\",\"ТОО Альфа Трейд\"\n";
//! let list = SanctionsList::parse(csv.as_bytes(), "targets.simple.csv")?;
//! let index = ScreeningIndex::build(vec![list]);
//! let result = index.screen("ТОО «Альфа Трейд»", &ScreenOptions::default());
//! assert_eq!(result.outcome, Outcome::PotentialMatch);
//! # Ok::<(), enduse::screening::ListError>(())
//! ```
//!
//! The module is plain Rust with no I/O: the CLI and the web app hand it bytes.
//! It does not depend on the risk engine; the evaluator maps [`Outcome`] into
//! its own evidence. See `docs/screening.md` for how matching works.

mod csl;
mod decode;
mod dpl;
mod eu;
mod index;
mod list;
mod normalize;
mod ofac;
mod opensanctions;
mod outcome;
mod party_attributes;
mod phonetic;
mod similarity;
mod translit;
mod uk;
mod un;
mod vocabulary;
mod xml_records;

pub use index::ScreeningIndex;
pub use list::{
    AttachedFile, DEFAULT_MAX_AGE_DAYS, EntryName, Freshness, Identifier, LicenceTerms, ListEntry,
    ListError, ListFormat, ListMeta, MAX_LIST_BYTES, NameKind, OrphanReport, SanctionsList,
    Sha256Digest, SubjectKind,
};
pub use normalize::NameKey;
pub use outcome::{
    Agreement, AttributeCheck, BatchProgress, Hit, HitBasis, OptionsError, Outcome, PartyDetails,
    Score, ScreenOptions, ScreeningResult, TokenPair,
};

//! Why a declaration document, link or chain file cannot be used, in the
//! reader's language.
//!
//! The core's errors (`OpenError`, `FragmentError`, `ChainError`) carry
//! English `Display` texts for the CLI and logs. A counterparty opening a
//! request link reads the Declare page in Russian or Kazakh, so the page keeps
//! the typed error and words it at render time (a language switch re-words
//! it). Details that only the core can phrase — a JSON syntax message, a
//! malformed document's reason — are appended as they are, in parentheses.

use enduse::record::chain::ChainError;
use enduse::record::limits::{InputError, Refusal};
use enduse::record::open::OpenError;
use enduse::record::verify::VerifyState;
use enduse::record::{DocumentKind, FragmentError};

use crate::file_input::ReadError;
use crate::i18n::t_string;
use crate::pages::verify::{I18n, kind_text, read_error_text};

/// A document that could not be used, and why.
#[derive(Debug, Clone)]
pub enum DocumentProblem {
    /// The file could not be read from disk.
    Read(ReadError),
    /// The link does not decode.
    Link(FragmentError),
    /// The document does not open as the kind asked for.
    Open(OpenError),
    /// The chain file is not usable.
    Chain(ChainError),
}

impl From<ReadError> for DocumentProblem {
    fn from(e: ReadError) -> Self {
        Self::Read(e)
    }
}

impl From<FragmentError> for DocumentProblem {
    fn from(e: FragmentError) -> Self {
        Self::Link(e)
    }
}

impl From<OpenError> for DocumentProblem {
    fn from(e: OpenError) -> Self {
        Self::Open(e)
    }
}

impl From<ChainError> for DocumentProblem {
    fn from(e: ChainError) -> Self {
        Self::Chain(e)
    }
}

/// The problem as a sentence in the current language.
pub fn document_problem_text(i18n: I18n, problem: &DocumentProblem) -> String {
    match problem {
        DocumentProblem::Read(e) => read_error_text(i18n, e),
        DocumentProblem::Link(e) => link_text(i18n, e),
        DocumentProblem::Open(e) => open_text(i18n, e),
        DocumentProblem::Chain(e) => chain_text(i18n, e),
    }
}

fn link_text(i18n: I18n, error: &FragmentError) -> String {
    match error {
        FragmentError::TooLong { size, limit } => t_string!(
            i18n,
            records.doc_link_too_long,
            size = *size,
            limit = *limit
        )
        .to_string(),
        FragmentError::NoPayload => t_string!(i18n, records.doc_link_empty).to_string(),
        FragmentError::BadBase64 { .. } | FragmentError::BadDeflate(_) => {
            t_string!(i18n, records.doc_link_damaged).to_string()
        }
        FragmentError::TooLargeInflated { limit } => {
            t_string!(i18n, records.doc_link_bomb, limit = *limit).to_string()
        }
    }
}

fn open_text(i18n: I18n, error: &OpenError) -> String {
    match error {
        OpenError::NotIntact(report) => state_text(i18n, &report.state),
        OpenError::WrongKind { expected, found } => t_string!(
            i18n,
            records.doc_wrong_kind,
            expected = kind_name(i18n, *expected),
            found = kind_name(i18n, *found)
        )
        .to_string(),
        OpenError::Fragment(e) => link_text(i18n, e),
    }
}

fn state_text(i18n: I18n, state: &VerifyState) -> String {
    match state {
        VerifyState::Altered { paths } if paths.is_empty() => {
            t_string!(i18n, records.doc_altered).to_string()
        }
        VerifyState::Altered { paths } => {
            t_string!(i18n, records.doc_altered_at, paths = paths.join(", ")).to_string()
        }
        VerifyState::UnsupportedVersion { version } => {
            t_string!(i18n, records.doc_version, version = version.clone()).to_string()
        }
        VerifyState::Malformed { reason } => {
            t_string!(i18n, records.doc_malformed, detail = reason.clone()).to_string()
        }
        VerifyState::LocatorDamaged { .. } => t_string!(i18n, records.doc_locator).to_string(),
        VerifyState::Refused { refusal } => t_string!(
            i18n,
            records.doc_refused,
            reason = refusal_text(i18n, refusal)
        )
        .to_string(),
        // Not failures; an `OpenError` never carries them.
        VerifyState::Valid | VerifyState::Unsigned => String::new(),
    }
}

fn chain_text(i18n: I18n, error: &ChainError) -> String {
    match error {
        ChainError::Input(e) => input_text(i18n, e),
        ChainError::Fragment(e) => link_text(i18n, e),
        ChainError::NotAChain(detail) => {
            t_string!(i18n, records.doc_not_chain, detail = detail.clone()).to_string()
        }
        ChainError::Version(version) => {
            t_string!(i18n, records.doc_chain_version, version = version.clone()).to_string()
        }
        ChainError::TooLong { found, limit } => t_string!(
            i18n,
            records.doc_chain_too_long,
            found = *found,
            limit = *limit
        )
        .to_string(),
        ChainError::Add(detail) => {
            t_string!(i18n, records.doc_chain_add, detail = detail.clone()).to_string()
        }
    }
}

/// Why untrusted JSON was refused or could not be read, in the user's
/// language (documents, imported drafts).
pub fn input_text(i18n: I18n, error: &InputError) -> String {
    match error {
        InputError::TooLarge { size, limit } => t_string!(
            i18n,
            records.file_too_large,
            size = *size as u64,
            limit = *limit
        )
        .to_string(),
        InputError::Empty => t_string!(i18n, records.doc_empty).to_string(),
        InputError::NotUtf8 { .. } | InputError::Syntax { .. } => {
            t_string!(i18n, records.doc_malformed, detail = error.to_string()).to_string()
        }
        bound => t_string!(
            i18n,
            records.doc_refused,
            reason = reading_text(i18n, bound)
        )
        .to_string(),
    }
}

/// Why a document was refused unread (a bound or the one-reading rule), as a
/// clause for `doc_refused` / `state_refused`.
pub fn refusal_text(i18n: I18n, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Reading(error) => reading_text(i18n, error),
        Refusal::TooManyLeaves { limit } => {
            t_string!(i18n, records.refusal_too_many_leaves, limit = *limit).to_string()
        }
        Refusal::PathTooLong { limit } => {
            t_string!(i18n, records.refusal_path_too_long, limit = *limit).to_string()
        }
    }
}

fn reading_text(i18n: I18n, error: &InputError) -> String {
    match error {
        InputError::TooLarge { size, limit } => t_string!(
            i18n,
            records.refusal_too_large,
            size = *size,
            limit = *limit
        )
        .to_string(),
        InputError::TooDeep { line, limit, .. } => {
            t_string!(i18n, records.refusal_too_deep, limit = *limit, line = *line).to_string()
        }
        InputError::KeyTooLong { line, limit, .. } => t_string!(
            i18n,
            records.refusal_key_too_long,
            limit = *limit,
            line = *line
        )
        .to_string(),
        InputError::TooManyValues { limit } => {
            t_string!(i18n, records.refusal_too_many_values, limit = *limit).to_string()
        }
        InputError::DuplicateKey { line, key, .. } => t_string!(
            i18n,
            records.refusal_duplicate_key,
            key = key.clone(),
            line = *line
        )
        .to_string(),
        InputError::NotNfc { line, .. } => {
            t_string!(i18n, records.refusal_not_nfc, line = *line).to_string()
        }
        InputError::IntegerOutOfRange { line, number, .. } => t_string!(
            i18n,
            records.refusal_integer,
            number = number.clone(),
            line = *line
        )
        .to_string(),
        // Not refusals; worded by the callers as malformed or empty files.
        InputError::Empty | InputError::NotUtf8 { .. } | InputError::Syntax { .. } => {
            error.to_string()
        }
    }
}

fn kind_name(i18n: I18n, kind: DocumentKind) -> String {
    kind_text(i18n, Some(kind))
}

//! Importing documents: verify, check the kind, and read the v1 body.
//!
//! Importers accept intact documents only (signed or unsigned); anything else
//! comes back as the [`VerifyReport`] explaining why, so the UI can show the
//! same verdict `enduse verify` prints.

use serde::de::DeserializeOwned;

use super::digest::Digest;
use super::envelope::{DocumentKind, SignatureBlock};
use super::fragment::{FragmentError, decode_fragment};
use super::v1;
use super::verify::{VerifyReport, inspect};

/// An intact document and its body.
#[derive(Debug, Clone)]
pub struct Opened<T> {
    /// The body, read into its v1 type.
    pub body: T,
    /// The digest of the body (what a response's `request_digest` names).
    pub digest: Digest,
    /// The full verification verdict (`Valid` or `Unsigned`).
    pub report: VerifyReport,
    /// The signature block, when the signature is valid.
    pub signature: Option<SignatureBlock>,
}

impl<T> Opened<T> {
    /// The signer's fingerprint, when validly signed.
    pub fn signer(&self) -> Option<&str> {
        self.report.signer()
    }
}

/// Why a document could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Verification failed; the report says how. Boxed: the report is far
    /// larger than the other variants and every `Result` would carry it.
    #[error("the document failed verification: {}", describe(.0))]
    NotIntact(Box<VerifyReport>),
    /// An intact document of another kind.
    #[error("expected a {expected}, but this is a {found}")]
    WrongKind {
        /// What the caller asked for.
        expected: DocumentKind,
        /// What the envelope says.
        found: DocumentKind,
    },
    /// A link that does not decode.
    #[error(transparent)]
    Fragment(#[from] FragmentError),
}

/// Opens an attestation record.
pub fn open_record(bytes: &[u8]) -> Result<Opened<v1::Record>, OpenError> {
    open(bytes, DocumentKind::Record)
}

/// Opens a declaration request.
pub fn open_request(bytes: &[u8]) -> Result<Opened<v1::DeclarationRequest>, OpenError> {
    open(bytes, DocumentKind::DeclarationRequest)
}

/// Opens a declaration response.
pub fn open_response(bytes: &[u8]) -> Result<Opened<v1::DeclarationResponse>, OpenError> {
    open(bytes, DocumentKind::DeclarationResponse)
}

/// Opens a declaration request shared as a link (`#/declare?r=…`).
pub fn open_request_fragment(link: &str) -> Result<Opened<v1::DeclarationRequest>, OpenError> {
    open_request(&decode_fragment(link)?)
}

/// Opens a declaration response shared as a link.
pub fn open_response_fragment(link: &str) -> Result<Opened<v1::DeclarationResponse>, OpenError> {
    open_response(&decode_fragment(link)?)
}

fn open<T: DeserializeOwned>(bytes: &[u8], expected: DocumentKind) -> Result<Opened<T>, OpenError> {
    let inspection = inspect(bytes);
    let report = inspection.report;
    let (Some(body), Some(digest)) = (inspection.body, inspection.digest) else {
        return Err(OpenError::NotIntact(Box::new(report)));
    };
    match report.kind {
        Some(found) if found == expected => {}
        Some(found) => return Err(OpenError::WrongKind { expected, found }),
        None => return Err(OpenError::NotIntact(Box::new(report))),
    }
    // `inspect` already checked the schema, so this only fails if the schema
    // check and this read disagree; report it rather than trust it.
    let body = serde_json::from_value(body).map_err(|e| {
        OpenError::NotIntact(Box::new(VerifyReport {
            state: super::verify::VerifyState::Malformed {
                reason: e.to_string(),
            },
            ..report.clone()
        }))
    })?;
    Ok(Opened {
        body,
        digest,
        report,
        signature: inspection.signature,
    })
}

fn describe(report: &VerifyReport) -> String {
    use super::verify::VerifyState;
    match &report.state {
        VerifyState::Valid => "valid".into(),
        VerifyState::Unsigned => "intact but unsigned".into(),
        VerifyState::Altered { paths } if paths.is_empty() => "altered".into(),
        VerifyState::Altered { paths } => format!("altered at {}", paths.join(", ")),
        VerifyState::UnsupportedVersion { version } => {
            format!("format version {version} is not supported by this build")
        }
        VerifyState::Malformed { reason } => reason.clone(),
        VerifyState::LocatorDamaged { .. } => {
            "the content and its signature hold, but the leaf map (which names changed fields) was edited; ask for a fresh copy".into()
        }
        VerifyState::Refused { refusal } => format!("refused unread: {refusal}"),
    }
}

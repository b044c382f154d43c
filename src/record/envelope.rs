//! The envelope every document travels in, and sealing a body into one.
//!
//! ```json
//! { "format": "enduse-record", "version": 1,
//!   "body": { ... },
//!   "digest": "sha256:…",                       // over the canonical body
//!   "leaves": { "body.transaction.goods[0].hs_code": "sha256:…", ... },
//!   "signature": { "alg": "ed25519", "public_key": "…", "fingerprint": "…", "value": "…" } }
//! ```
//!
//! `signature` is omitted for unsigned documents. See `docs/record-format.md`.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::canonical::{CanonicalError, to_canonical_string};
use super::digest::Digest;
use super::leaves::{LeafError, leaf_map};
use super::limits::{MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_LEAVES, check_depth};
use super::signing::SecretKey;

/// The only envelope version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// What a document is, as named by its envelope's `format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// An attestation record.
    Record,
    /// A counterparty declaration request.
    DeclarationRequest,
    /// A counterparty declaration response.
    DeclarationResponse,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::Record,
        DocumentKind::DeclarationRequest,
        DocumentKind::DeclarationResponse,
    ];

    /// The envelope's `format` value.
    pub fn format_name(self) -> &'static str {
        match self {
            DocumentKind::Record => "enduse-record",
            DocumentKind::DeclarationRequest => "enduse-declaration-request",
            DocumentKind::DeclarationResponse => "enduse-declaration-response",
        }
    }

    /// The kind named by a `format` value.
    pub fn from_format_name(name: &str) -> Option<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .find(|kind| kind.format_name() == name)
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::Record => "attestation record",
            DocumentKind::DeclarationRequest => "declaration request",
            DocumentKind::DeclarationResponse => "declaration response",
        })
    }
}

/// The signature member of an envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureBlock {
    /// Always `ed25519` in v1.
    pub alg: String,
    /// The signer's public key, 64 hex digits.
    pub public_key: String,
    /// The key's fingerprint, for people to compare.
    pub fingerprint: String,
    /// The signature over the signed message, 128 hex digits.
    pub value: String,
}

/// A document sealed into its envelope.
#[derive(Debug, Clone)]
pub struct Sealed {
    /// What it is.
    pub kind: DocumentKind,
    /// The digest of its canonical body.
    pub digest: Digest,
    /// The envelope as pretty-printed JSON, ready to save.
    pub json: String,
    /// The envelope as canonical JSON, for URL fragments.
    pub canonical: String,
}

/// Why a body could not be sealed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The body did not serialise to JSON.
    #[error("the document could not be serialised: {0}")]
    Serialize(String),
    /// The body has no canonical form.
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
    /// The sealed document would be refused by verification.
    #[error("the sealed document would exceed the limits verification enforces: {0}")]
    TooLarge(String),
}

/// Seals `body` as a document of `kind`, signing it when `key` is given.
pub fn seal(
    kind: DocumentKind,
    body: &impl Serialize,
    key: Option<&SecretKey>,
) -> Result<Sealed, SealError> {
    let raw = serde_json::to_value(body).map_err(|e| SealError::Serialize(e.to_string()))?;
    let canonical_body = to_canonical_string(&raw, "body")?;
    // Re-read the canonical text so the saved body is exactly what was hashed
    // (NFC strings), whatever the caller's strings looked like.
    let body: Value =
        serde_json::from_str(&canonical_body).map_err(|e| SealError::Serialize(e.to_string()))?;
    let digest = Digest::of(canonical_body.as_bytes());
    let leaves = leaf_map(&body, "body").map_err(|e| match e {
        LeafError::Canonical(e) => SealError::Canonical(e),
        bound => SealError::TooLarge(bound.to_string()),
    })?;
    if leaves.len() > MAX_LEAVES {
        return Err(SealError::TooLarge(format!(
            "{} fields, limit {MAX_LEAVES}",
            leaves.len()
        )));
    }

    let mut envelope = Map::new();
    envelope.insert("format".into(), kind.format_name().into());
    envelope.insert("version".into(), FORMAT_VERSION.into());
    envelope.insert("body".into(), body);
    envelope.insert("digest".into(), digest.to_string().into());
    envelope.insert(
        "leaves".into(),
        Value::Object(
            leaves
                .iter()
                .map(|(path, hash)| (path.clone(), Value::String(hash.to_string())))
                .collect(),
        ),
    );
    if let Some(key) = key {
        let public = key.public_key();
        let block = SignatureBlock {
            alg: "ed25519".into(),
            public_key: public.to_hex(),
            fingerprint: public.fingerprint().to_string(),
            value: hex::encode(key.sign_digest(kind.format_name(), &digest)),
        };
        envelope.insert(
            "signature".into(),
            serde_json::to_value(block).map_err(|e| SealError::Serialize(e.to_string()))?,
        );
    }
    let envelope = Value::Object(envelope);
    let json =
        serde_json::to_string_pretty(&envelope).map_err(|e| SealError::Serialize(e.to_string()))?;
    let canonical = to_canonical_string(&envelope, "")?;
    if json.len() > MAX_DOCUMENT_BYTES {
        return Err(SealError::TooLarge(format!(
            "{} bytes, limit {MAX_DOCUMENT_BYTES}",
            json.len()
        )));
    }
    check_depth(&canonical, MAX_DEPTH).map_err(|e| SealError::TooLarge(e.to_string()))?;
    Ok(Sealed {
        kind,
        digest,
        json: json + "\n",
        canonical,
    })
}

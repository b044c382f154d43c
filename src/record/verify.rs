//! Verifying any End-Use Check document: is it intact, who signed it, and if
//! it was changed, which fields.
//!
//! Order of checks, each of which can only narrow the verdict:
//!
//! 1. bytes → JSON within the limits and the one-reading rules (`limits`,
//!    `crate::strict_json`), else `Malformed` (not JSON) or `Refused` (a
//!    bound, a duplicate name, non-NFC text, an unsafe integer);
//! 2. the envelope's `format` names a known kind and `version` is 1, else
//!    `Malformed` / `UnsupportedVersion`;
//! 3. the body's leaf map is recomputed and compared with the stored one, and
//!    its canonical digest with the stored digest: a body that differs from
//!    its digest is `Altered`, naming the paths where the leaves differ; a
//!    body that matches its digest but not its leaf map is `LocatorDamaged`
//!    (the content is authentic, only the map that names fields was edited);
//! 4. the signature, if any, is checked against the *recomputed* digest, so a
//!    signature proves the body actually present, not the digest field;
//! 5. only an intact body is checked against the v1 schema; an intact body
//!    that does not fit it is `Malformed` (a broken tool, not tampering).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::canonical::to_canonical_string;
use super::digest::Digest;
use super::envelope::{DocumentKind, FORMAT_VERSION, SignatureBlock};
use super::leaves::{LeafError, LeafMap, compare_leaves};
use super::limits::{MAX_DOCUMENT_BYTES, MAX_LEAVES, MAX_PATH_BYTES, Refusal, parse_json};
use super::signing::{Fingerprint, PublicKey, signature_from_hex};
use super::v1;
use crate::strict_json::JsonError;

/// The verdict on a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// What the envelope says the document is, when that could be read.
    pub kind: Option<DocumentKind>,
    /// Integrity of the content.
    pub state: VerifyState,
    /// The signature's state.
    pub signature: SignatureState,
    /// For records: the signature state of each embedded declaration, in
    /// order (re-verified from the record alone).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<SignatureState>,
}

/// Integrity of a document's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum VerifyState {
    /// Intact and signed by the key in `signature`.
    Valid,
    /// The content does not match its digest, leaf map or signature.
    Altered {
        /// Paths where stored and recomputed hashes disagree, e.g.
        /// `body.transaction.goods[0].hs_code`; `digest` when only the digest
        /// field disagrees; `signature` when only the signature fails.
        /// `leaves["…"]` names a tampered leaf-map entry.
        paths: Vec<String>,
    },
    /// Intact (digest and leaf map agree) but nobody signed it.
    Unsigned,
    /// The body matches its digest (and its signature, when there is one:
    /// see the signature state), but the leaf map that locates changed
    /// fields was edited. The content is authentic; the copy is damaged, so
    /// importers refuse it and the sender should send it again.
    LocatorDamaged {
        /// Fields whose leaf-map entries are wrong, missing or extra.
        paths: Vec<String>,
    },
    /// Not read: the document breaks a size bound or the one-reading rule
    /// (a duplicate name, non-NFC text, an integer beyond ±(2^53−1)).
    Refused {
        /// Which bound or rule, typed so each face can word it.
        refusal: Refusal,
    },
    /// A document of a format version this build does not read.
    UnsupportedVersion {
        /// The version found.
        version: String,
    },
    /// Not a readable End-Use Check document.
    Malformed {
        /// What is wrong, with line/column or path where known.
        reason: String,
    },
}

/// The state of a document's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SignatureState {
    /// The document has no signature.
    Absent,
    /// The signature is valid for the document's content.
    Valid {
        /// Fingerprint of the signing key as the document shows it: 128-bit,
        /// or 64-bit in a document from an older build (see `signing`).
        fingerprint: String,
        /// The signing key, 64 hex digits.
        public_key: String,
    },
    /// A signature is present but does not verify.
    Invalid {
        /// Fingerprint of the key it claims, when the key could be read.
        fingerprint: Option<String>,
        /// Why it fails.
        reason: String,
    },
    /// Not checked, because the document could not be read that far.
    NotChecked,
}

impl VerifyReport {
    /// True only for an intact document with a valid signature.
    pub fn is_valid(&self) -> bool {
        self.state == VerifyState::Valid
    }

    /// True for an intact document, signed or not.
    pub fn is_intact(&self) -> bool {
        matches!(self.state, VerifyState::Valid | VerifyState::Unsigned)
    }

    /// The signer's fingerprint when the signature is valid.
    pub fn signer(&self) -> Option<&str> {
        match &self.signature {
            SignatureState::Valid { fingerprint, .. } => Some(fingerprint),
            _ => None,
        }
    }

    fn refused(kind: Option<DocumentKind>, refusal: Refusal) -> VerifyReport {
        VerifyReport {
            kind,
            state: VerifyState::Refused { refusal },
            signature: SignatureState::NotChecked,
            declarations: Vec::new(),
        }
    }

    fn malformed(kind: Option<DocumentKind>, reason: impl Into<String>) -> VerifyReport {
        VerifyReport {
            kind,
            state: VerifyState::Malformed {
                reason: reason.into(),
            },
            signature: SignatureState::NotChecked,
            declarations: Vec::new(),
        }
    }
}

/// A document after verification: the report, and the body when intact.
#[derive(Debug, Clone)]
pub(crate) struct Inspection {
    pub report: VerifyReport,
    pub body: Option<Value>,
    pub digest: Option<Digest>,
    pub signature: Option<SignatureBlock>,
}

/// Verifies a document of any kind from untrusted bytes.
pub fn verify(bytes: &[u8]) -> VerifyReport {
    inspect(bytes).report
}

pub(crate) fn inspect(bytes: &[u8]) -> Inspection {
    let not_intact = |report| Inspection {
        report,
        body: None,
        digest: None,
        signature: None,
    };
    let value = match parse_json(bytes, MAX_DOCUMENT_BYTES) {
        Ok(value) => value,
        Err(e @ (JsonError::Empty | JsonError::NotUtf8 { .. } | JsonError::Syntax { .. })) => {
            return not_intact(VerifyReport::malformed(None, e.to_string()));
        }
        Err(e) => return not_intact(VerifyReport::refused(None, Refusal::Reading(e))),
    };
    let Value::Object(mut envelope) = value else {
        return not_intact(VerifyReport::malformed(
            None,
            "the document is not a JSON object",
        ));
    };
    let kind = match envelope.get("format") {
        Some(Value::String(name)) => match DocumentKind::from_format_name(name) {
            Some(kind) => kind,
            None => {
                return not_intact(VerifyReport::malformed(
                    None,
                    format!(
                        "\"format\" is {:?}, not an End-Use Check document format",
                        truncate(name)
                    ),
                ));
            }
        },
        _ => {
            return not_intact(VerifyReport::malformed(
                None,
                "no \"format\" string: this is not an End-Use Check document",
            ));
        }
    };
    match envelope.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
        Some(version) => {
            return not_intact(VerifyReport {
                kind: Some(kind),
                state: VerifyState::UnsupportedVersion {
                    version: truncate(&version.to_string()),
                },
                signature: SignatureState::NotChecked,
                declarations: Vec::new(),
            });
        }
        None => {
            return not_intact(VerifyReport::malformed(Some(kind), "no \"version\" member"));
        }
    }
    if let Some(extra) = envelope.keys().find(|k| {
        !matches!(
            k.as_str(),
            "format" | "version" | "body" | "digest" | "leaves" | "signature"
        )
    }) {
        return not_intact(VerifyReport::malformed(
            Some(kind),
            format!("unexpected envelope member {:?}", truncate(extra)),
        ));
    }
    let body = match envelope.remove("body") {
        Some(body @ Value::Object(_)) => body,
        _ => {
            return not_intact(VerifyReport::malformed(
                Some(kind),
                "\"body\" must be an object",
            ));
        }
    };
    let stored_digest = match envelope.get("digest") {
        Some(Value::String(text)) => match text.parse::<Digest>() {
            Ok(digest) => digest,
            Err(e) => {
                return not_intact(VerifyReport::malformed(
                    Some(kind),
                    format!("\"digest\": {e}"),
                ));
            }
        },
        _ => {
            return not_intact(VerifyReport::malformed(
                Some(kind),
                "\"digest\" must be a string",
            ));
        }
    };
    let stored_leaves = match envelope.get("leaves") {
        Some(Value::Object(leaves)) if leaves.len() > MAX_LEAVES => {
            return not_intact(VerifyReport::refused(
                Some(kind),
                Refusal::TooManyLeaves { limit: MAX_LEAVES },
            ));
        }
        Some(Value::Object(leaves)) => match read_leaves(leaves) {
            Ok(leaves) => leaves,
            Err(reason) => return not_intact(VerifyReport::malformed(Some(kind), reason)),
        },
        _ => {
            return not_intact(VerifyReport::malformed(
                Some(kind),
                "\"leaves\" must be an object",
            ));
        }
    };

    // Bounded while walking; paths are built only for fields reported.
    let body_paths = match compare_leaves(&stored_leaves.by_path, &body, "body", true) {
        Ok(paths) => paths,
        Err(LeafError::TooManyLeaves { limit }) => {
            return not_intact(VerifyReport::refused(
                Some(kind),
                Refusal::TooManyLeaves { limit },
            ));
        }
        Err(LeafError::PathTooLong { .. }) => {
            return not_intact(VerifyReport::refused(
                Some(kind),
                Refusal::PathTooLong {
                    limit: MAX_PATH_BYTES,
                },
            ));
        }
        Err(e @ LeafError::Canonical(_)) => {
            return not_intact(VerifyReport::malformed(Some(kind), e.to_string()));
        }
    };
    // A body with no canonical form (a float) cannot be what was sealed.
    let computed_digest = to_canonical_string(&body, "body")
        .ok()
        .map(|canonical| Digest::of(canonical.as_bytes()));

    let signature = match envelope.get("signature") {
        None => SignatureState::Absent,
        Some(block) => check_signature(block, kind, computed_digest.as_ref()),
    };

    let digest_ok = computed_digest == Some(stored_digest);
    let (paths, locator_damaged) = match (digest_ok, body_paths.is_empty()) {
        (true, true) => (Vec::new(), false),
        // The body matches its digest, so it is the leaf map that was edited:
        // name its entries so nobody blames the body.
        (true, false) => (
            body_paths
                .iter()
                .map(|path| format!("leaves[{}]", quote(path)))
                .collect(),
            true,
        ),
        (false, false) => (body_paths, false),
        // Every leaf matches the map, yet not the digest: either the digest
        // field was edited, or body and map were rewritten together.
        (false, true) => (vec!["digest".to_string()], false),
    };

    let signature_holds = matches!(
        signature,
        SignatureState::Absent | SignatureState::Valid { .. }
    );
    let state = if locator_damaged && signature_holds {
        VerifyState::LocatorDamaged { paths }
    } else if !paths.is_empty() {
        VerifyState::Altered { paths }
    } else {
        match &signature {
            SignatureState::Absent => VerifyState::Unsigned,
            SignatureState::Valid { .. } => VerifyState::Valid,
            SignatureState::Invalid { .. } | SignatureState::NotChecked => VerifyState::Altered {
                paths: vec!["signature".into()],
            },
        }
    };
    let mut report = VerifyReport {
        kind: Some(kind),
        state,
        signature,
        declarations: Vec::new(),
    };
    if !report.is_intact() {
        return not_intact(report);
    }
    if let Err(reason) = check_schema(kind, &body) {
        return not_intact(VerifyReport {
            state: VerifyState::Malformed { reason },
            ..report
        });
    }
    if kind == DocumentKind::Record {
        let (states, bad_paths) = check_embedded(&body);
        report.declarations = states;
        if !bad_paths.is_empty() {
            report.state = VerifyState::Altered { paths: bad_paths };
            return not_intact(report);
        }
    }
    let signature = match report.signature {
        SignatureState::Valid { .. } => envelope
            .get("signature")
            .and_then(|block| serde_json::from_value::<SignatureBlock>(block.clone()).ok()),
        _ => None,
    };
    Inspection {
        report,
        body: Some(body),
        digest: Some(stored_digest),
        signature,
    }
}

/// The stored leaf map, as read from the envelope.
struct StoredLeaves {
    by_path: LeafMap,
}

fn read_leaves(leaves: &Map<String, Value>) -> Result<StoredLeaves, String> {
    if leaves.len() > MAX_LEAVES {
        return Err(format!("\"leaves\" has more than {MAX_LEAVES} entries"));
    }
    let mut by_path = BTreeMap::new();
    for (path, hash) in leaves {
        let hash = match hash {
            Value::String(text) => text
                .parse::<Digest>()
                .map_err(|e| format!("\"leaves\" entry {:?}: {e}", truncate(path)))?,
            _ => {
                return Err(format!(
                    "\"leaves\" entry {:?} must be a digest string",
                    truncate(path)
                ));
            }
        };
        by_path.insert(path.clone(), hash);
    }
    Ok(StoredLeaves { by_path })
}

fn check_signature(block: &Value, kind: DocumentKind, digest: Option<&Digest>) -> SignatureState {
    let invalid = |fingerprint: Option<String>, reason: &str| SignatureState::Invalid {
        fingerprint,
        reason: reason.to_string(),
    };
    let Value::Object(block) = block else {
        return invalid(None, "\"signature\" is not an object");
    };
    let field = |name: &str| match block.get(name) {
        Some(Value::String(text)) => Some(text.as_str()),
        _ => None,
    };
    if block.len() != 4 {
        return invalid(
            None,
            "\"signature\" must have exactly alg, public_key, fingerprint and value",
        );
    }
    if field("alg") != Some("ed25519") {
        return invalid(
            None,
            "unsupported signature algorithm (v1 knows only ed25519)",
        );
    }
    let Some(public) = field("public_key").and_then(|hex| PublicKey::from_hex(hex).ok()) else {
        return invalid(None, "the public key is not a valid Ed25519 key in hex");
    };
    let fingerprint: Fingerprint = public.fingerprint();
    let claimed = Some(fingerprint.to_string());
    // Documents from older builds carry the 64-bit fingerprint: still theirs.
    if !field("fingerprint").is_some_and(|shown| public.has_fingerprint(shown)) {
        return invalid(
            claimed,
            "the fingerprint shown does not belong to the public key",
        );
    }
    let Some(value) = field("value").and_then(|hex| signature_from_hex(hex).ok()) else {
        return invalid(claimed, "the signature value is not 128 hex digits");
    };
    let Some(digest) = digest else {
        return invalid(
            claimed,
            "the body has no canonical form, so nothing can be verified",
        );
    };
    if public.verify_digest(kind.format_name(), digest, &value) {
        SignatureState::Valid {
            // As the document shows it: a legacy document keeps its short one.
            fingerprint: field("fingerprint")
                .unwrap_or(fingerprint.as_str())
                .to_string(),
            public_key: public.to_hex(),
        }
    } else {
        invalid(
            claimed,
            "the signature does not match the document's content",
        )
    }
}

/// Re-verifies each declaration embedded in a record body (schema already
/// checked): its digest against its body, and its signature if any.
fn check_embedded(body: &Value) -> (Vec<SignatureState>, Vec<String>) {
    let mut states = Vec::new();
    let mut bad_paths = Vec::new();
    let Some(Value::Array(embedded)) = body.get("declarations") else {
        return (states, bad_paths);
    };
    for (index, item) in embedded.iter().enumerate() {
        let path = format!("body.declarations[{index}]");
        let computed = item
            .get("body")
            .and_then(|b| to_canonical_string(b, &path).ok())
            .map(|canonical| Digest::of(canonical.as_bytes()));
        let stored = item
            .get("digest")
            .and_then(Value::as_str)
            .and_then(|text| text.parse::<Digest>().ok());
        if computed.is_none() || computed != stored {
            bad_paths.push(format!("{path}.digest"));
        }
        let state = match item.get("signature") {
            None | Some(Value::Null) => SignatureState::Absent,
            Some(block) => {
                check_signature(block, DocumentKind::DeclarationResponse, computed.as_ref())
            }
        };
        if matches!(state, SignatureState::Invalid { .. }) {
            bad_paths.push(format!("{path}.signature"));
        }
        states.push(state);
    }
    (states, bad_paths)
}

fn check_schema(kind: DocumentKind, body: &Value) -> Result<(), String> {
    let result = match kind {
        DocumentKind::Record => serde_json::from_value::<v1::Record>(body.clone()).map(drop),
        DocumentKind::DeclarationRequest => {
            serde_json::from_value::<v1::DeclarationRequest>(body.clone()).map(drop)
        }
        DocumentKind::DeclarationResponse => {
            serde_json::from_value::<v1::DeclarationResponse>(body.clone()).map(drop)
        }
    };
    result.map_err(|e| format!("the {kind} body does not follow the v1 schema: {e}"))
}

fn quote(text: &str) -> String {
    let mut out = String::new();
    super::canonical::write_string(text, &mut out);
    out
}

fn truncate(text: &str) -> String {
    const LIMIT: usize = 80;
    if text.chars().count() > LIMIT {
        format!("{}…", text.chars().take(LIMIT).collect::<String>())
    } else {
        text.to_string()
    }
}

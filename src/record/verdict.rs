//! The honest verdict on a document: intact or not, and *who* signed it.
//!
//! [`super::verify`] answers whether a document agrees with the key it
//! carries. That alone says nothing about the signer: anybody can make a key.
//! A [`Verdict`] adds the key's standing ([`crate::trust`]), so each of the
//! answers means exactly what it says:
//!
//! | verdict | meaning | CLI exit |
//! |---|---|---|
//! | [`Verdict::Trusted`] | intact, signed by a key the user or host confirmed (names the organisation and how) | 0 |
//! | [`Verdict::Untrusted`] | intact, signed, but by a key that is not trusted (unknown, first use only, changed, revoked): shows the fingerprint; confirm it out of band | 5 |
//! | [`Verdict::Unsigned`] | intact, nobody signed | 2 |
//! | [`Verdict::Altered`] | content or signature does not match | 1 |
//! | [`Verdict::Unsupported`] | a format version this build does not read | 3 |
//! | [`Verdict::Malformed`] | not a readable document | 4 |
//! | [`Verdict::Refused`] | refused unread: a bound or the one-reading rule | 4 |
//! | [`Verdict::LocatorDamaged`] | body matches its digest and any signature holds, but the leaf map was edited: authentic content, damaged copy | 6 |
//!
//! A record's verdict also covers the declarations embedded in it: exit 0
//! only when every signature in the file is by a trusted key.

use crate::country::Country;

use super::envelope::DocumentKind;
use super::limits::Refusal;
use super::open::{open_record, open_request, open_response};
use super::signing::{Fingerprint, PublicKey};
use super::verify::{SignatureState, VerifyReport, VerifyState};
use crate::trust::{KeyStanding, Trust};

/// What a document (or one embedded declaration) proves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Intact and signed by a trusted key.
    Trusted {
        /// The fingerprint as the document shows it.
        fingerprint: String,
        /// The key's standing (always [`KeyStanding::Trusted`]).
        standing: KeyStanding,
    },
    /// Intact and validly signed, but by a key that is not trusted.
    Untrusted {
        /// The fingerprint as the document shows it.
        fingerprint: String,
        /// Whether it is a 64-bit fingerprint from an older build.
        legacy: bool,
        /// Why the key is not trusted.
        standing: KeyStanding,
    },
    /// Intact, unsigned.
    Unsigned,
    /// Content, digest or signature do not match.
    Altered {
        /// Where (see [`VerifyState::Altered`]).
        paths: Vec<String>,
    },
    /// A format version this build does not read.
    Unsupported {
        /// The version found.
        version: String,
    },
    /// Not a readable End-Use Check document.
    Malformed {
        /// Why.
        reason: String,
    },
    /// Not read at all: a size bound or the one-reading rule.
    Refused {
        /// Which bound or rule (see [`VerifyState::Refused`]).
        refusal: Refusal,
    },
    /// The body matches its digest (and its signature, when it has one), but
    /// the leaf map that locates fields was edited. Who signed is not judged
    /// here: the copy is damaged and must be sent again, whoever signed it.
    LocatorDamaged {
        /// Fields whose leaf-map entries are wrong, missing or extra.
        paths: Vec<String>,
        /// Whether a signature is present and valid ("signature valid;
        /// locator damaged"), as opposed to an unsigned document.
        signed: bool,
    },
}

impl Verdict {
    /// The exit status `enduse verify` gives this verdict.
    pub fn exit_code(&self) -> u8 {
        match self {
            Verdict::Trusted { .. } => 0,
            Verdict::Untrusted { .. } => 5,
            Verdict::Unsigned => 2,
            Verdict::Altered { .. } => 1,
            Verdict::Unsupported { .. } => 3,
            Verdict::Malformed { .. } | Verdict::Refused { .. } => 4,
            Verdict::LocatorDamaged { .. } => 6,
        }
    }

    /// Machine name: `trusted`, `untrusted`, `unsigned`, `altered`,
    /// `unsupported`, `malformed`, `refused`, `locator_damaged`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Trusted { .. } => "trusted",
            Verdict::Untrusted { .. } => "untrusted",
            Verdict::Unsigned => "unsigned",
            Verdict::Altered { .. } => "altered",
            Verdict::Unsupported { .. } => "unsupported",
            Verdict::Malformed { .. } => "malformed",
            Verdict::Refused { .. } => "refused",
            Verdict::LocatorDamaged { .. } => "locator_damaged",
        }
    }

    /// Whether the signature says who signed.
    pub fn is_trusted(&self) -> bool {
        matches!(self, Verdict::Trusted { .. })
    }

    /// Whether the user may add the signing key to the key book from here:
    /// a valid signature by a key that is not trusted, unless the host
    /// revoked it (a revocation beats any confirmation) or it is already
    /// bound to another organisation (remove that binding first, deliberately).
    pub fn offers_trust(&self) -> bool {
        matches!(
            self,
            Verdict::Untrusted { standing, .. }
                if !matches!(standing, KeyStanding::Revoked(_) | KeyStanding::OtherParty(_))
        )
    }

    /// Whether this is a loud "the party's key changed" warning: the party
    /// the document names is known under another key.
    pub fn key_changed(&self) -> bool {
        matches!(self, Verdict::Untrusted { standing, .. } if standing.key_changed())
    }

    /// One English sentence, as the CLI prints it.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Trusted {
                fingerprint,
                standing,
            } => match standing {
                KeyStanding::Trusted(entry) => format!(
                    "TRUSTED: intact, signed by {}{} (key {fingerprint}, {} on {})",
                    entry.organisation,
                    entry
                        .country
                        .map_or_else(String::new, |c| format!(", {}", c.code())),
                    entry.confirmed.describe(),
                    entry.date.format("%Y-%m-%d"),
                ),
                _ => format!("TRUSTED: intact, signed by key {fingerprint}"),
            },
            Verdict::Untrusted {
                fingerprint,
                legacy,
                standing,
            } => {
                let legacy = if *legacy {
                    " (legacy 64-bit fingerprint)"
                } else {
                    ""
                };
                let why = match standing {
                    KeyStanding::Revoked(rev) => format!(
                        "the host REVOKED this key on {}: {}",
                        rev.date.format("%Y-%m-%d"),
                        rev.reason
                    ),
                    KeyStanding::FirstUse(entry) => format!(
                        "first seen on {} as {}, never confirmed",
                        entry.date.format("%Y-%m-%d"),
                        entry.organisation
                    ),
                    KeyStanding::Unknown { party_keys } if !party_keys.is_empty() => format!(
                        "WARNING: KEY CHANGED. The party is known under {}; this is another key",
                        party_keys
                            .iter()
                            .map(|e| e.fingerprint().to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    KeyStanding::OtherParty(entry) => format!(
                        "this key belongs to {}, not to the party the document names",
                        entry.organisation
                    ),
                    _ => "this key is not in your trusted keys".to_string(),
                };
                format!(
                    "NOT TRUSTED: intact and signed, but by key {fingerprint}{legacy}: {why}. \
                     Anybody can make a key and type any name: confirm this fingerprint with the \
                     signer by phone or in person before relying on it"
                )
            }
            Verdict::Unsigned => "UNSIGNED: intact (digest matches), but nobody signed it".into(),
            Verdict::Altered { .. } => {
                "ALTERED: the content does not match its digest or signature".into()
            }
            Verdict::Unsupported { version } => {
                format!("UNSUPPORTED VERSION: format version {version}; this build reads version 1")
            }
            Verdict::Malformed { reason } => format!("MALFORMED: {reason}"),
            Verdict::Refused { refusal } => format!("REFUSED (not read): {refusal}"),
            Verdict::LocatorDamaged { signed, .. } => format!(
                "{}: the content matches its digest, but the leaf map that names changed fields \
                 was edited; ask the sender for a fresh copy",
                if *signed {
                    "SIGNATURE VALID; LOCATOR DAMAGED"
                } else {
                    "CONTENT INTACT; LOCATOR DAMAGED"
                }
            ),
        }
    }
}

/// The verdict on a whole file: the document, and each declaration a record
/// embeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentVerdict {
    /// The document's own verdict.
    pub document: Verdict,
    /// Each embedded declaration's signature, for records.
    pub declarations: Vec<Verdict>,
}

impl DocumentVerdict {
    /// 0 only when intact and every signature is by a trusted key; 5 when
    /// intact but some signature is not; otherwise the document's own code.
    pub fn exit_code(&self) -> u8 {
        let own = self.document.exit_code();
        if own == 0 && self.declarations.iter().any(|d| d.exit_code() == 5) {
            5
        } else {
            own
        }
    }
}

/// Who an intact document says signed it: a response's customer, a
/// request's or record's exporter. A key is judged against this party, so
/// that a fresh key in a known party's name shows as a changed key (CLI and
/// web alike).
pub fn signing_party(bytes: &[u8], kind: DocumentKind) -> Option<(String, Option<Country>)> {
    match kind {
        DocumentKind::DeclarationResponse => open_response(bytes)
            .ok()
            .map(|o| (o.body.customer.name, Some(o.body.customer.country))),
        DocumentKind::DeclarationRequest => open_request(bytes)
            .ok()
            .map(|o| (o.body.exporter.name, o.body.exporter.country)),
        DocumentKind::Record => open_record(bytes).ok().map(|o| {
            (
                o.body.transaction.exporter.name,
                o.body.transaction.exporter.country,
            )
        }),
    }
}

/// The standing of the key behind a valid signature.
pub fn signature_verdict(
    state: &SignatureState,
    trust: &Trust<'_>,
    party: Option<(&str, Option<Country>)>,
) -> Verdict {
    match state {
        SignatureState::Absent => Verdict::Unsigned,
        SignatureState::Valid {
            fingerprint,
            public_key,
        } => match PublicKey::from_hex(public_key) {
            Ok(key) => {
                let standing = trust.standing(&key, party);
                if standing.is_trusted() {
                    Verdict::Trusted {
                        fingerprint: fingerprint.clone(),
                        standing,
                    }
                } else {
                    Verdict::Untrusted {
                        fingerprint: fingerprint.clone(),
                        legacy: Fingerprint::parse(fingerprint).is_some_and(|f| f.is_legacy()),
                        standing,
                    }
                }
            }
            Err(e) => Verdict::Malformed {
                reason: e.to_string(),
            },
        },
        SignatureState::Invalid { .. } | SignatureState::NotChecked => Verdict::Altered {
            paths: vec!["signature".into()],
        },
    }
}

/// The verdict on a verified document. `party` is who the document says
/// signed it (a response's customer, a request's exporter), for noticing a
/// changed key.
pub fn judge(
    report: &VerifyReport,
    trust: &Trust<'_>,
    party: Option<(&str, Option<Country>)>,
) -> DocumentVerdict {
    let document = match &report.state {
        VerifyState::Valid => signature_verdict(&report.signature, trust, party),
        VerifyState::Unsigned => Verdict::Unsigned,
        VerifyState::Altered { paths } => Verdict::Altered {
            paths: paths.clone(),
        },
        VerifyState::UnsupportedVersion { version } => Verdict::Unsupported {
            version: version.clone(),
        },
        VerifyState::Malformed { reason } => Verdict::Malformed {
            reason: reason.clone(),
        },
        VerifyState::Refused { refusal } => Verdict::Refused {
            refusal: refusal.clone(),
        },
        VerifyState::LocatorDamaged { paths } => Verdict::LocatorDamaged {
            paths: paths.clone(),
            signed: matches!(report.signature, SignatureState::Valid { .. }),
        },
    };
    let declarations = report
        .declarations
        .iter()
        .map(|state| signature_verdict(state, trust, None))
        .collect();
    DocumentVerdict {
        document,
        declarations,
    }
}

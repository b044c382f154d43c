//! Ed25519 keys, fingerprints and the signature over a document's digest.
//!
//! The core never reaches for randomness itself: callers pass a CSPRNG (native
//! `OsRng`) or 32 random bytes (the browser's `crypto.getRandomValues`), so the
//! same code runs in WebAssembly without a JS shim in the library.
//!
//! Key text formats (one line each, so they survive copy and paste):
//!
//! * secret: `enduse-ed25519-secret-v1:<64 hex of the 32-byte seed>`
//! * public: `enduse-ed25519-public-v1:<64 hex of the 32-byte key>`
//!
//! A fingerprint is the first 32 hex digits (128 bits) of SHA-256 of the
//! public key bytes, grouped by four (`3f2a-91c0-77de-0b41-5c3e-aa01-9d27-e4f0`).
//! 128 bits because a fingerprint is what people confirm a key by: at 64 bits
//! a colliding pair of keys costs about 2^32 work, so a forger could prepare
//! two keys with one fingerprint, get one confirmed and sign with the other.
//! At 128 bits that costs 2^64, out of reach.
//!
//! Documents signed before the change carry the *legacy* fingerprint (the
//! first 16 hex digits, `3f2a-91c0-77de-0b41`). They still verify (the
//! signature is over the key, not the fingerprint) and are shown with their
//! short fingerprint marked as legacy; trust is always decided on the full
//! public key, never on either fingerprint.

use std::fmt;

use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rand_core::CryptoRngCore;
use sha2::{Digest as _, Sha256};

use super::digest::Digest;

const SECRET_PREFIX: &str = "enduse-ed25519-secret-v1:";
const PUBLIC_PREFIX: &str = "enduse-ed25519-public-v1:";

/// Why a key or signature text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The text does not start with the expected prefix.
    #[error("not an End-Use Check {expected} key: it must start with {prefix:?}")]
    WrongPrefix {
        /// "secret" or "public".
        expected: &'static str,
        /// The prefix looked for.
        prefix: &'static str,
    },
    /// The hex part is not 64 hex digits.
    #[error("the key must be 64 hex digits after the prefix")]
    BadHex,
    /// The 32 bytes are not a valid Ed25519 public key.
    #[error("the bytes are not a valid Ed25519 public key")]
    InvalidPublicKey,
    /// A signature value is not 128 hex digits.
    #[error("a signature must be 128 hex digits")]
    BadSignatureHex,
}

/// A signer's secret key. Debug output never shows the secret.
#[derive(Clone)]
pub struct SecretKey(SigningKey);

/// A signer's public key.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

/// The human-comparable name of a public key (128 bits, or 64 for legacy).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

/// Hex digits in a fingerprint.
const FINGERPRINT_HEX: usize = 32;
/// Hex digits in a legacy (pre-128-bit) fingerprint.
const LEGACY_FINGERPRINT_HEX: usize = 16;

impl SecretKey {
    /// Generates a key from a cryptographically secure RNG (native: `OsRng`).
    pub fn generate(rng: &mut impl CryptoRngCore) -> SecretKey {
        SecretKey(SigningKey::generate(rng))
    }

    /// Builds a key from 32 random bytes (browser: `crypto.getRandomValues`).
    pub fn from_seed(seed: [u8; 32]) -> SecretKey {
        SecretKey(SigningKey::from_bytes(&seed))
    }

    /// The secret in the documented one-line text format.
    pub fn to_text(&self) -> String {
        format!("{SECRET_PREFIX}{}", hex::encode(self.0.to_bytes()))
    }

    /// Reads the one-line text format; surrounding whitespace is ignored.
    pub fn from_text(text: &str) -> Result<SecretKey, KeyError> {
        let seed = decode_key_hex(text, SECRET_PREFIX, "secret")?;
        Ok(SecretKey::from_seed(seed))
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// Signs a document digest (see [`signed_message`]).
    pub(crate) fn sign_digest(&self, format: &str, digest: &Digest) -> [u8; 64] {
        self.0.sign(&signed_message(format, digest)).to_bytes()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({})", self.public_key().fingerprint())
    }
}

impl PublicKey {
    /// The key as 64 lowercase hex digits (as carried in a signature block).
    pub fn to_hex(&self) -> String {
        hex::encode(self.0.as_bytes())
    }

    /// Reads 64 hex digits.
    pub fn from_hex(text: &str) -> Result<PublicKey, KeyError> {
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(text.trim(), &mut bytes).map_err(|_| KeyError::BadHex)?;
        VerifyingKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| KeyError::InvalidPublicKey)
    }

    /// The public key in the documented one-line text format.
    pub fn to_text(&self) -> String {
        format!("{PUBLIC_PREFIX}{}", self.to_hex())
    }

    /// Reads the one-line text format.
    pub fn from_text(text: &str) -> Result<PublicKey, KeyError> {
        let bytes = decode_key_hex(text, PUBLIC_PREFIX, "public")?;
        VerifyingKey::from_bytes(&bytes)
            .map(PublicKey)
            .map_err(|_| KeyError::InvalidPublicKey)
    }

    /// The key's fingerprint (128 bits), written into every new signature.
    pub fn fingerprint(&self) -> Fingerprint {
        self.fingerprint_of(FINGERPRINT_HEX)
    }

    /// The 64-bit fingerprint documents signed by older builds carry.
    pub fn legacy_fingerprint(&self) -> Fingerprint {
        self.fingerprint_of(LEGACY_FINGERPRINT_HEX)
    }

    /// Whether `shown` is this key's fingerprint, current or legacy.
    pub fn has_fingerprint(&self, shown: &str) -> bool {
        shown == self.fingerprint().as_str() || shown == self.legacy_fingerprint().as_str()
    }

    fn fingerprint_of(&self, digits: usize) -> Fingerprint {
        let hash = Sha256::digest(self.0.as_bytes());
        let hex = hex::encode(&hash[..digits / 2]);
        let groups: Vec<&str> = (0..digits / 4)
            .filter_map(|i| hex.get(i * 4..i * 4 + 4))
            .collect();
        Fingerprint(groups.join("-"))
    }

    /// Checks a signature over a document digest. Uses `verify_strict`, which
    /// refuses weak keys and malleable signatures.
    pub(crate) fn verify_digest(
        &self,
        format: &str,
        digest: &Digest,
        signature: &[u8; 64],
    ) -> bool {
        let signature = ed25519_dalek::Signature::from_bytes(signature);
        self.0
            .verify_strict(&signed_message(format, digest), &signature)
            .is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.fingerprint())
    }
}

impl Fingerprint {
    /// The grouped text, e.g. `3f2a-91c0-77de-0b41-5c3e-aa01-9d27-e4f0`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is a 64-bit fingerprint from an older build.
    pub fn is_legacy(&self) -> bool {
        self.0.len() == LEGACY_FINGERPRINT_HEX / 4 * 5 - 1
    }

    /// Reads a fingerprint as people type it: groups of four hex digits
    /// separated by `-` or spaces, any case; 32 digits, or 16 for a legacy one.
    pub fn parse(text: &str) -> Option<Fingerprint> {
        let digits: String = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if !(digits.len() == FINGERPRINT_HEX || digits.len() == LEGACY_FINGERPRINT_HEX)
            || !digits.chars().all(|c| c.is_ascii_hexdigit())
        {
            return None;
        }
        let groups: Vec<&str> = (0..digits.len() / 4)
            .filter_map(|i| digits.get(i * 4..i * 4 + 4))
            .collect();
        Some(Fingerprint(groups.join("-")))
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({})", self.0)
    }
}

/// Decodes 128 hex digits into signature bytes.
pub(crate) fn signature_from_hex(text: &str) -> Result<[u8; 64], KeyError> {
    let mut bytes = [0u8; 64];
    hex::decode_to_slice(text, &mut bytes).map_err(|_| KeyError::BadSignatureHex)?;
    Ok(bytes)
}

/// The exact bytes signed: `enduse-signature-v1\n<format>\n<digest>`.
///
/// Naming the format stops a signature on a declaration request from being
/// replayed as a signature on a record with the same body digest.
pub fn signed_message(format: &str, digest: &Digest) -> Vec<u8> {
    format!("enduse-signature-v1\n{format}\n{digest}").into_bytes()
}

fn decode_key_hex(
    text: &str,
    prefix: &'static str,
    expected: &'static str,
) -> Result<[u8; 32], KeyError> {
    let hex_part = text
        .trim()
        .strip_prefix(prefix)
        .ok_or(KeyError::WrongPrefix { expected, prefix })?;
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(hex_part, &mut bytes).map_err(|_| KeyError::BadHex)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_text_round_trips() {
        let key = SecretKey::from_seed([7; 32]);
        let again = SecretKey::from_text(&format!("  {}\n", key.to_text())).unwrap();
        assert_eq!(again.public_key(), key.public_key());
        let public = PublicKey::from_text(&key.public_key().to_text()).unwrap();
        assert_eq!(public, key.public_key());
        assert_eq!(PublicKey::from_hex(&public.to_hex()).unwrap(), public);
    }

    #[test]
    fn generated_keys_differ_and_fingerprints_are_grouped() {
        let a = SecretKey::generate(&mut rand_core::OsRng);
        let b = SecretKey::generate(&mut rand_core::OsRng);
        assert_ne!(a.public_key(), b.public_key());
        let fp = a.public_key().fingerprint();
        assert_eq!(fp.as_str().len(), 39, "128 bits: 32 hex digits in 8 groups");
        assert_eq!(fp.as_str().matches('-').count(), 7);
        assert!(!fp.is_legacy());
        assert_ne!(fp, b.public_key().fingerprint());
        let legacy = a.public_key().legacy_fingerprint();
        assert_eq!(legacy.as_str().len(), 19);
        assert!(legacy.is_legacy());
        assert!(fp.as_str().starts_with(legacy.as_str()));
        assert!(a.public_key().has_fingerprint(legacy.as_str()));
        assert!(a.public_key().has_fingerprint(fp.as_str()));
        assert!(!b.public_key().has_fingerprint(fp.as_str()));
    }

    #[test]
    fn fingerprints_parse_as_people_type_them() {
        let fp = SecretKey::from_seed([3; 32]).public_key().fingerprint();
        let typed = fp.as_str().to_uppercase().replace('-', " ");
        assert_eq!(Fingerprint::parse(&typed), Some(fp.clone()));
        assert_eq!(Fingerprint::parse(fp.as_str()), Some(fp));
        assert!(
            Fingerprint::parse("3f2a-91c0-77de-0b41")
                .unwrap()
                .is_legacy()
        );
        assert_eq!(Fingerprint::parse("3f2a-91c0"), None);
        assert_eq!(Fingerprint::parse("zz2a-91c0-77de-0b41"), None);
    }

    #[test]
    fn bad_key_texts_are_refused() {
        let public_text = SecretKey::from_seed([1; 32]).public_key().to_text();
        assert!(matches!(
            SecretKey::from_text(&public_text),
            Err(KeyError::WrongPrefix { .. })
        ));
        assert!(matches!(
            SecretKey::from_text("enduse-ed25519-secret-v1:abcd"),
            Err(KeyError::BadHex)
        ));
        assert_eq!(PublicKey::from_hex("zz"), Err(KeyError::BadHex));
    }

    #[test]
    fn signatures_bind_format_and_digest() {
        let key = SecretKey::from_seed([9; 32]);
        let digest = Digest::of(b"body");
        let sig = key.sign_digest("enduse-record", &digest);
        let public = key.public_key();
        assert!(public.verify_digest("enduse-record", &digest, &sig));
        assert!(!public.verify_digest("enduse-declaration-request", &digest, &sig));
        assert!(!public.verify_digest("enduse-record", &Digest::of(b"other"), &sig));
        let other = SecretKey::from_seed([10; 32]).public_key();
        assert!(!other.verify_digest("enduse-record", &digest, &sig));
    }
}

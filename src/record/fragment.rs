//! Sharing a document as a URL fragment: `#/declare?r=<payload>`, where the
//! payload is base64url (no padding) of raw-deflated canonical envelope JSON.
//!
//! A fragment never reaches a server, so a request can travel in a link
//! without End-Use Check hosting anything. Decoding is hostile-input code: the
//! text, the compressed bytes and the inflated bytes each have a hard limit,
//! and inflation stops at its limit instead of allocating whatever a deflate
//! bomb asks for.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};

use super::envelope::Sealed;
use super::limits::{MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES};

/// The route and parameter the web app listens on.
pub const FRAGMENT_PREFIX: &str = "#/declare?r=";

/// Why a fragment could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FragmentError {
    /// The payload is longer than [`MAX_FRAGMENT_CHARS`].
    #[error("the link is too long ({size} characters; the limit is {limit})")]
    TooLong {
        /// Characters seen.
        size: usize,
        /// Limit applied.
        limit: usize,
    },
    /// No `r=` parameter.
    #[error("the link carries no document (expected \"#/declare?r=…\")")]
    NoPayload,
    /// Not base64url.
    #[error("the link is damaged: character {position} is not valid base64url")]
    BadBase64 {
        /// 0-based character position in the payload.
        position: usize,
    },
    /// Not a valid deflate stream.
    #[error("the link is damaged: the compressed data is invalid ({0})")]
    BadDeflate(String),
    /// Inflates to more than [`MAX_INFLATED_BYTES`].
    #[error(
        "the link's document inflates beyond {limit} bytes; refused as a possible compression bomb"
    )]
    TooLargeInflated {
        /// Limit applied.
        limit: usize,
    },
}

/// The fragment (`#/declare?r=…`) for a sealed document.
pub fn encode_fragment(sealed: &Sealed) -> String {
    format!(
        "{FRAGMENT_PREFIX}{}",
        encode_bytes(sealed.canonical.as_bytes())
    )
}

/// The payload for any document bytes: raw deflate, then base64url.
pub fn encode_bytes(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

/// Decodes a fragment, a whole URL containing one, or a bare payload into the
/// envelope's JSON bytes (which still need verifying by an importer).
pub fn decode_fragment(text: &str) -> Result<Vec<u8>, FragmentError> {
    let text = text.trim();
    if text.len() > MAX_FRAGMENT_CHARS + 4096 {
        return Err(FragmentError::TooLong {
            size: text.len(),
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    let payload = payload_of(text).ok_or(FragmentError::NoPayload)?;
    if payload.len() > MAX_FRAGMENT_CHARS {
        return Err(FragmentError::TooLong {
            size: payload.len(),
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    if payload.is_empty() {
        return Err(FragmentError::NoPayload);
    }
    if let Some(position) = payload
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    {
        return Err(FragmentError::BadBase64 { position });
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| FragmentError::BadBase64 {
            position: payload.len().saturating_sub(1),
        })?;
    decompress_to_vec_with_limit(&compressed, MAX_INFLATED_BYTES).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => FragmentError::TooLargeInflated {
            limit: MAX_INFLATED_BYTES,
        },
        status => FragmentError::BadDeflate(format!("{status:?}")),
    })
}

/// Finds the `r` parameter's value; a string with no `?`/`#`/`=` is taken to
/// be the payload itself.
fn payload_of(text: &str) -> Option<&str> {
    if !text.contains(['#', '?', '=', '&']) {
        return Some(text);
    }
    let query = text.rsplit_once('?').map_or(text, |(_, query)| query);
    query.split('&').find_map(|pair| pair.strip_prefix("r="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_payload_from_links() {
        assert_eq!(payload_of("https://x.org/app/#/declare?r=abc"), Some("abc"));
        assert_eq!(payload_of("#/declare?lang=ru&r=abc"), Some("abc"));
        assert_eq!(payload_of("abc"), Some("abc"));
        assert_eq!(payload_of("#/declare?x=1"), None);
    }

    #[test]
    fn refuses_bombs_and_garbage() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'['; 8 * 1024 * 1024], 10);
        let link = format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(bomb));
        assert!(link.len() < MAX_FRAGMENT_CHARS);
        assert_eq!(
            decode_fragment(&link),
            Err(FragmentError::TooLargeInflated {
                limit: MAX_INFLATED_BYTES
            })
        );
        assert_eq!(
            decode_fragment("#/declare?r=ab+c"),
            Err(FragmentError::BadBase64 { position: 2 })
        );
        assert!(matches!(
            decode_fragment("#/declare?r=AAAA"),
            Err(FragmentError::BadDeflate(_))
        ));
        assert_eq!(
            decode_fragment("#/declare?r="),
            Err(FragmentError::NoPayload)
        );
        let long = format!("{FRAGMENT_PREFIX}{}", "A".repeat(MAX_FRAGMENT_CHARS + 1));
        assert!(matches!(
            decode_fragment(&long),
            Err(FragmentError::TooLong { .. })
        ));
    }
}

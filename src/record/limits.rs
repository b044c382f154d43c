//! Limits and the guarded JSON parser for untrusted documents.
//!
//! Records, declaration requests and responses arrive from strangers (e-mail
//! attachments, links). Before any of it reaches serde we check the size, the
//! UTF-8 encoding and the nesting depth, so that a hostile file costs bounded
//! memory and stack, and fails with a message that points at the problem.
//! The reading itself is [`crate::strict_json`]'s: duplicate names, non-NFC
//! text and integers beyond ±(2^53−1) are refused, so every reader of a
//! document that verifies sees the same values.

use serde::Serialize;
use serde_json::Value;

use crate::strict_json::{self, Bounds, JsonError, Strings};

/// Largest document file accepted (2 MiB). A real record is a few tens of KiB.
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// Largest URL fragment payload accepted, in base64url characters (64 KiB).
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;

/// Largest inflated fragment payload (1 MiB): a ratio cap against deflate bombs.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;

/// Deepest nesting of arrays/objects accepted. The v1 schema needs 8 levels
/// including the envelope; serde_json's own limit (128) is far too generous.
pub const MAX_DEPTH: usize = 32;

/// Most leaves accepted in one document, which bounds the leaf map's cost.
pub const MAX_LEAVES: usize = 50_000;

/// Longest member name in a document (bytes). v1's own names and ids are
/// short ASCII (ids at most 64 bytes); the leaf map's names are field paths,
/// bounded by [`MAX_PATH_BYTES`], which this equals.
pub const MAX_KEY_BYTES: usize = MAX_PATH_BYTES;

/// Longest field path the leaf walk builds (bytes). The deepest v1 path,
/// `body.declarations[15].body.items[99].…`, is under 100 bytes.
pub const MAX_PATH_BYTES: usize = 256;

/// Most JSON values in one document or chain file: a body's leaves, its leaf
/// map's entries and the containers around them, with room to spare.
pub const MAX_VALUES: usize = 4 * MAX_LEAVES;

/// How documents, chain files and links are read (see [`crate::strict_json`]):
/// non-NFC text is refused, because a signed document's bytes must be the
/// bytes its digest was taken over.
pub const DOCUMENT_BOUNDS: Bounds = Bounds {
    max_bytes: MAX_DOCUMENT_BYTES,
    max_depth: MAX_DEPTH,
    max_key_bytes: MAX_KEY_BYTES,
    max_values: MAX_VALUES,
    strings: Strings::RefuseNonNfc,
};

/// Why untrusted bytes were refused before or while parsing JSON.
pub type InputError = JsonError;

/// Why a document was refused unread: a bound or the one-reading rule. Each
/// face (CLI, web app) words it; the English text is for logs and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "refusal", rename_all = "snake_case")]
pub enum Refusal {
    /// The JSON reader refused it (size, depth, name length, value count,
    /// duplicate name, non-NFC text, unsafe integer).
    #[error(transparent)]
    Reading(InputError),
    /// The body, or the stored leaf map, has more than [`MAX_LEAVES`] fields.
    #[error("the document has more than {limit} fields")]
    TooManyLeaves {
        /// Limit applied.
        limit: usize,
    },
    /// A field path longer than [`MAX_PATH_BYTES`].
    #[error("a field path is longer than {limit} bytes")]
    PathTooLong {
        /// Limit applied.
        limit: usize,
    },
}

/// Parses untrusted bytes as JSON within [`DOCUMENT_BOUNDS`], with at most
/// `max_bytes` bytes.
pub fn parse_json(bytes: &[u8], max_bytes: usize) -> Result<Value, InputError> {
    strict_json::parse(
        bytes,
        &Bounds {
            max_bytes,
            ..DOCUMENT_BOUNDS
        },
    )
}

/// Refuses text whose brackets nest deeper than `limit`, without parsing it.
pub fn check_depth(text: &str, limit: usize) -> Result<(), InputError> {
    strict_json::check_depth(text, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_with_position() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            parse_json(deep.as_bytes(), MAX_DOCUMENT_BYTES),
            Err(InputError::TooDeep {
                line: 1,
                column: 33,
                limit: MAX_DEPTH
            })
        );
        let ok = format!("{}{}", "[".repeat(32), "]".repeat(32));
        assert!(parse_json(ok.as_bytes(), MAX_DOCUMENT_BYTES).is_ok());
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let text = format!("[\"{}\\\"\"]", "[".repeat(100));
        assert!(parse_json(text.as_bytes(), MAX_DOCUMENT_BYTES).is_ok());
    }

    #[test]
    fn size_utf8_and_syntax_errors_are_explained() {
        assert!(matches!(
            parse_json(b"{}", 1),
            Err(InputError::TooLarge { size: 2, limit: 1 })
        ));
        assert_eq!(
            parse_json(b"{\"a\":\"\xff\"}", 100),
            Err(InputError::NotUtf8 { offset: 6 })
        );
        assert_eq!(parse_json(b"  \n", 100), Err(InputError::Empty));
        let err = parse_json(b"{\n  \"a\": x\n}", 100).unwrap_err();
        assert!(matches!(err, InputError::Syntax { line: 2, .. }), "{err}");
        assert!(!err.to_string().contains(" at line "));
    }
}

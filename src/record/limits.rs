//! Limits and the guarded JSON parser for untrusted documents.
//!
//! Records, declaration requests and responses arrive from strangers (e-mail
//! attachments, links). Before any of it reaches serde we check the size, the
//! UTF-8 encoding and the nesting depth, so that a hostile file costs bounded
//! memory and stack, and fails with a message that points at the problem.

use serde_json::Value;

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

/// Why untrusted bytes were refused before or while parsing JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The input is over a size limit.
    #[error("the input is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size seen.
        size: usize,
        /// Limit applied.
        limit: usize,
    },
    /// The input is empty or only whitespace.
    #[error("the input is empty")]
    Empty,
    /// The input is not UTF-8.
    #[error("the input is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Arrays/objects nested deeper than [`MAX_DEPTH`].
    #[error("line {line}, column {column}: nesting deeper than {limit} levels")]
    TooDeep {
        /// 1-based line of the bracket that went too deep.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// Limit applied.
        limit: usize,
    },
    /// serde_json rejected the syntax.
    #[error("line {line}, column {column}: invalid JSON: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's explanation.
        message: String,
    },
}

/// Parses untrusted bytes as JSON within the limits above.
pub fn parse_json(bytes: &[u8], max_bytes: usize) -> Result<Value, InputError> {
    if bytes.len() > max_bytes {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    check_depth(text, MAX_DEPTH)?;
    serde_json::from_str(text).map_err(|e| InputError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// Refuses text whose brackets nest deeper than `limit`, without parsing it.
///
/// Brackets inside strings are skipped; the scan is a single pass with no
/// recursion, so it is safe on any input, including broken JSON (serde then
/// reports the syntax error).
pub fn check_depth(text: &str, limit: usize) -> Result<(), InputError> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let (mut line, mut column) = (1usize, 0usize);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if depth > limit {
                    return Err(InputError::TooDeep {
                        line,
                        column,
                        limit,
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
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

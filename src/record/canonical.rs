//! Canonical JSON: the one byte sequence a digest and a signature are taken over.
//!
//! Two tools that agree on a record's *meaning* must agree on its *bytes*,
//! otherwise a record re-saved by a text editor or another JSON library would
//! no longer verify. The rules follow the spirit of RFC 8785 (JCS) with two
//! deliberate simplifications that make them easy to re-implement:
//!
//! * object members are sorted by the UTF-8 bytes of their (NFC) keys;
//! * numbers must be integers (`i64`/`u64`): floats are refused outright, so no
//!   tool ever has to agree with another on how to print `0.1`. Money and
//!   quantities travel as decimal strings instead.
//!
//! Every string (keys and values) is normalised to Unicode NFC (through
//! [`crate::unicode_nfc`], the one place normalisation lives), so `é` typed as
//! one code point or as `e` + combining accent hashes identically; importers
//! refuse non-NFC text in the first place (`crate::strict_json`), so this step
//! only matters for bodies built in memory before sealing. Output has
//! no insignificant whitespace; strings escape only `"`, `\` and control
//! characters (as `\b \t \n \f \r` or `\u00xx` with lowercase hex).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde_json::Value;

use crate::unicode_nfc::to_nfc;

/// Why a JSON value has no canonical form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    /// A number with a fraction or exponent, or too large for 64 bits.
    #[error(
        "{path}: number {number} is not an integer; amounts and quantities must be decimal strings"
    )]
    NonIntegerNumber {
        /// Where the number sits, e.g. `body.assessment.score`.
        path: String,
        /// The number as parsed.
        number: String,
    },
    /// Two keys of one object became equal after NFC normalisation.
    #[error("{path}: two keys are the same text after Unicode normalisation: {key:?}")]
    DuplicateKey {
        /// The object holding the keys.
        path: String,
        /// The normalised key.
        key: String,
    },
}

/// Writes `value` in canonical form. `path` names the value in error messages.
pub fn to_canonical_string(value: &Value, path: &str) -> Result<String, CanonicalError> {
    let mut out = String::new();
    write_value(value, &Place::Root(path), &mut out)?;
    Ok(out)
}

/// Normalises a string to NFC.
pub fn nfc(text: &str) -> String {
    to_nfc(text).into_owned()
}

/// Where a value sits, as a chain of steps from the root. The path text is
/// only built when an error names it: building it for every value would copy
/// a long parent path once per child (a hostile file's amplifier).
enum Place<'a> {
    Root(&'a str),
    Index(&'a Place<'a>, usize),
    Member(&'a Place<'a>, &'a str),
}

impl Place<'_> {
    fn render(&self) -> String {
        match self {
            Place::Root(path) => (*path).to_string(),
            Place::Index(parent, index) => format!("{}[{index}]", parent.render()),
            Place::Member(parent, key) => child_path(&parent.render(), key),
        }
    }
}

fn write_value(value: &Value, place: &Place<'_>, out: &mut String) -> Result<(), CanonicalError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => {
            if let Some(n) = number.as_i64() {
                out.push_str(&n.to_string());
            } else if let Some(n) = number.as_u64() {
                out.push_str(&n.to_string());
            } else {
                return Err(CanonicalError::NonIntegerNumber {
                    path: place.render(),
                    number: number.to_string(),
                });
            }
        }
        Value::String(text) => write_string(&to_nfc(text), out),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_value(item, &Place::Index(place, index), out)?;
            }
            out.push(']');
        }
        Value::Object(members) => {
            let sorted = sorted_members(members, &|| place.render())?;
            out.push('{');
            for (index, (key, (raw_key, member))) in sorted.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(member, &Place::Member(place, raw_key), out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

/// An object's members keyed by their NFC key, in byte order; the original key
/// is kept for paths so that error messages quote what the file says.
/// `path` renders the object's path, only called for an error.
pub(crate) fn sorted_members<'a>(
    members: &'a serde_json::Map<String, Value>,
    path: &dyn Fn() -> String,
) -> Result<BTreeMap<Cow<'a, str>, (&'a str, &'a Value)>, CanonicalError> {
    let mut sorted = BTreeMap::new();
    for (raw_key, member) in members {
        let key = to_nfc(raw_key);
        if sorted.contains_key(&key) {
            return Err(CanonicalError::DuplicateKey {
                path: path(),
                key: key.into_owned(),
            });
        }
        sorted.insert(key, (raw_key.as_str(), member));
    }
    Ok(sorted)
}

/// The path of member `key` inside the value at `parent`.
///
/// Keys that look like identifiers are written `parent.key`; anything else is
/// quoted as `parent["key"]` so that every path is unambiguous.
pub fn child_path(parent: &str, key: &str) -> String {
    let simple = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !key.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if simple {
        if parent.is_empty() {
            key.to_string()
        } else {
            format!("{parent}.{key}")
        }
    } else {
        let mut quoted = String::new();
        write_string(&to_nfc(key), &mut quoted);
        format!("{parent}[{quoted}]")
    }
}

/// Writes a JSON string literal with the minimal escaping described above.
pub(crate) fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_and_drops_whitespace() {
        let value =
            json!({"b": 1, "a": [true, null, "x"], "A": {"z": -3, "y": 18446744073709551615u64}});
        assert_eq!(
            to_canonical_string(&value, "").unwrap(),
            r#"{"A":{"y":18446744073709551615,"z":-3},"a":[true,null,"x"],"b":1}"#
        );
    }

    #[test]
    fn refuses_floats_with_their_path() {
        let value = json!({"goods": [{"qty": 1.5}]});
        let err = to_canonical_string(&value, "body").unwrap_err();
        assert_eq!(
            err,
            CanonicalError::NonIntegerNumber {
                path: "body.goods[0].qty".into(),
                number: "1.5".into()
            }
        );
    }

    #[test]
    fn normalises_to_nfc_and_escapes_controls() {
        let decomposed = json!({"name": "Cafe\u{301}\u{1}\n\"\\"});
        assert_eq!(
            to_canonical_string(&decomposed, "").unwrap(),
            "{\"name\":\"Caf\u{e9}\\u0001\\n\\\"\\\\\"}"
        );
    }

    #[test]
    fn keys_equal_after_nfc_are_refused() {
        let mut map = serde_json::Map::new();
        map.insert("e\u{301}".into(), json!(1));
        map.insert("\u{e9}".into(), json!(2));
        assert!(matches!(
            to_canonical_string(&Value::Object(map), "body"),
            Err(CanonicalError::DuplicateKey { .. })
        ));
    }

    #[test]
    fn odd_keys_are_quoted_in_paths() {
        assert_eq!(child_path("body", "hs_code"), "body.hs_code");
        assert_eq!(child_path("body", "Hs Code"), "body[\"Hs Code\"]");
        assert_eq!(child_path("body", "0x"), "body[\"0x\"]");
        assert_eq!(child_path("", "body"), "body");
    }
}

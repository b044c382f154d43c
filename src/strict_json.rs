//! One reading of untrusted JSON: every importer parses through here first.
//!
//! JSON as RFC 8259 defines it leaves room for two programs to read one file
//! differently: duplicate member names (serde_json keeps the last, many
//! readers and every person reading top-down the first), strings that look the
//! same but differ in bytes (decomposed accents, U+212A KELVIN SIGN for `K`)
//! and integers that JavaScript rounds (beyond ±(2^53−1)). A signed document
//! that two readers see differently is a forgery waiting to happen, so this
//! reader follows I-JSON (RFC 7493) and the input rules of RFC 8785:
//!
//! * a member name that occurs twice in one object is refused;
//! * an integer outside ±(2^53−1) is refused (fractions are left to the
//!   caller: the record's canonical form refuses them with their path);
//! * a string or member name that is not Unicode NFC is refused
//!   ([`Strings::RefuseNonNfc`], for signed documents: the bytes read must be
//!   the bytes hashed) or normalised ([`Strings::Normalise`], for files people
//!   type, such as a host's `config.json` or the browser's own drafts);
//!
//! and it bounds the work a hostile file can cause *while* parsing: total
//! bytes, nesting depth (checked by a bracket scan before any allocation),
//! member-name length, and the number of values. Errors are typed and carry
//! the line and column where the reader stopped.
//!
//! The reader is serde_json's own tokenizer with a visitor that builds a
//! [`serde_json::Value`], so the syntax accepted is exactly serde_json's.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::Serialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::unicode_nfc::{is_nfc, to_nfc};

/// Largest integer magnitude every JSON reader agrees on (2^53 − 1).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// What to do with a string that is not NFC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strings {
    /// Refuse the input (signed documents).
    RefuseNonNfc,
    /// Normalise it to NFC, so every caller receives the canonical reading.
    Normalise,
}

/// The bounds one kind of input is read within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Largest input, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Longest member name, in bytes.
    pub max_key_bytes: usize,
    /// Most values (scalars, arrays and objects, each counted once).
    pub max_values: usize,
    /// Non-NFC strings refused or normalised.
    pub strings: Strings,
}

/// Why untrusted bytes were refused before or while parsing JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum JsonError {
    /// The input is over its size limit.
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
    /// Arrays/objects nested deeper than the limit.
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
    /// A member name occurs twice in one object.
    #[error(
        "line {line}, column {column}: the name {key:?} occurs twice in one object; readers would disagree on which value counts"
    )]
    DuplicateKey {
        /// 1-based line where the second occurrence ends.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The name (shortened to 80 characters).
        key: String,
    },
    /// A member name longer than the limit.
    #[error("line {line}, column {column}: a member name is longer than {limit} bytes")]
    KeyTooLong {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// Limit applied.
        limit: usize,
    },
    /// A string that is not in Unicode Normalization Form C.
    #[error(
        "line {line}, column {column}: text not in Unicode normalisation form C (it looks like other text but has different bytes)"
    )]
    NotNfc {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// An integer beyond what every JSON reader represents exactly.
    #[error(
        "line {line}, column {column}: the integer {number} is outside ±(2^53−1), which not every reader represents exactly"
    )]
    IntegerOutOfRange {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The integer as written.
        number: String,
    },
    /// More values than the limit.
    #[error("more than {limit} values; refused before reading further")]
    TooManyValues {
        /// Limit applied.
        limit: usize,
    },
}

impl JsonError {
    /// The 1-based line the problem is on, when it has one.
    pub fn line(&self) -> Option<usize> {
        match self {
            JsonError::TooDeep { line, .. }
            | JsonError::Syntax { line, .. }
            | JsonError::DuplicateKey { line, .. }
            | JsonError::KeyTooLong { line, .. }
            | JsonError::NotNfc { line, .. }
            | JsonError::IntegerOutOfRange { line, .. } => Some(*line),
            JsonError::TooLarge { .. }
            | JsonError::Empty
            | JsonError::NotUtf8 { .. }
            | JsonError::TooManyValues { .. } => None,
        }
    }
}

/// Parses untrusted bytes as JSON within `bounds` (a UTF-8 BOM is skipped).
pub fn parse(bytes: &[u8], bounds: &Bounds) -> Result<Value, JsonError> {
    if bytes.len() > bounds.max_bytes {
        return Err(JsonError::TooLarge {
            size: bytes.len(),
            limit: bounds.max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| JsonError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    parse_str(text, bounds)
}

/// Parses untrusted text as JSON within `bounds` (a leading BOM is skipped).
pub fn parse_str(text: &str, bounds: &Bounds) -> Result<Value, JsonError> {
    if text.len() > bounds.max_bytes {
        return Err(JsonError::TooLarge {
            size: text.len(),
            limit: bounds.max_bytes,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(JsonError::Empty);
    }
    check_depth(text, bounds.max_depth)?;
    let reader = Reader {
        bounds,
        values: Cell::new(0),
        problem: RefCell::new(None),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    // Depth is bounded by the scan above; serde_json's own limit (128) stays.
    let result = ValueSeed(&reader)
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    result.map_err(|e| {
        let (line, column) = (e.line(), e.column());
        match reader.problem.into_inner() {
            Some(problem) => problem.at(line, column),
            None => JsonError::Syntax {
                line,
                column,
                message: strip_position(&e.to_string()),
            },
        }
    })
}

/// Refuses text whose brackets nest deeper than `limit`, without parsing it.
///
/// Brackets inside strings are skipped; the scan is a single pass with no
/// recursion, so it is safe on any input, including broken JSON (the parser
/// then reports the syntax error).
pub fn check_depth(text: &str, limit: usize) -> Result<(), JsonError> {
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
                    return Err(JsonError::TooDeep {
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

/// A refusal found by the visitor, before serde_json adds the position.
#[derive(Debug, Clone)]
enum Problem {
    DuplicateKey(String),
    KeyTooLong(usize),
    NotNfc,
    IntegerOutOfRange(String),
    TooManyValues(usize),
}

impl Problem {
    fn at(self, line: usize, column: usize) -> JsonError {
        match self {
            Problem::DuplicateKey(key) => JsonError::DuplicateKey { line, column, key },
            Problem::KeyTooLong(limit) => JsonError::KeyTooLong {
                line,
                column,
                limit,
            },
            Problem::NotNfc => JsonError::NotNfc { line, column },
            Problem::IntegerOutOfRange(number) => JsonError::IntegerOutOfRange {
                line,
                column,
                number,
            },
            Problem::TooManyValues(limit) => JsonError::TooManyValues { limit },
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only seen if serde_json's error is shown before `at` maps it.
        write!(f, "{self:?}")
    }
}

/// Shared state of one parse: the bounds, the value count, the refusal.
struct Reader<'b> {
    bounds: &'b Bounds,
    values: Cell<usize>,
    problem: RefCell<Option<Problem>>,
}

impl Reader<'_> {
    fn refuse<E: de::Error>(&self, problem: Problem) -> E {
        let error = E::custom(&problem);
        *self.problem.borrow_mut() = Some(problem);
        error
    }

    /// Counts one value, refusing once the count passes the bound.
    fn count<E: de::Error>(&self) -> Result<(), E> {
        let n = self.values.get() + 1;
        self.values.set(n);
        if n > self.bounds.max_values {
            return Err(self.refuse(Problem::TooManyValues(self.bounds.max_values)));
        }
        Ok(())
    }

    fn text<E: de::Error>(&self, text: &str) -> Result<String, E> {
        match self.bounds.strings {
            Strings::RefuseNonNfc if !is_nfc(text) => Err(self.refuse(Problem::NotNfc)),
            Strings::RefuseNonNfc => Ok(text.to_string()),
            Strings::Normalise => Ok(to_nfc(text).into_owned()),
        }
    }

    fn integer<E: de::Error>(&self, magnitude: u64, written: impl fmt::Display) -> Result<(), E> {
        if magnitude > MAX_SAFE_INTEGER {
            return Err(self.refuse(Problem::IntegerOutOfRange(written.to_string())));
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
struct ValueSeed<'r, 'b>(&'r Reader<'b>);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.0.count()?;
        Ok(Value::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.0.count()?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.0.count()?;
        self.0.integer(v.unsigned_abs(), v)?;
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.0.count()?;
        self.0.integer(v, v)?;
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.0.count()?;
        // serde_json reads integers beyond 64 bits as floats: a whole number
        // this large is an integer no reader agrees on.
        if v.fract() == 0.0 && v.abs() > MAX_SAFE_INTEGER as f64 {
            return Err(self.0.refuse(Problem::IntegerOutOfRange(format!("{v:e}"))));
        }
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.0.count()?;
        Ok(Value::String(self.0.text(v)?))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.0.count()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        self.0.count()?;
        let mut members = Map::new();
        while let Some(key) = access.next_key_seed(KeySeed(self.0))? {
            if members.contains_key(&key) {
                let shown: String = key.chars().take(80).collect();
                return Err(self.0.refuse(Problem::DuplicateKey(shown)));
            }
            let value = access.next_value_seed(self)?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

/// A member name: length-capped before it is copied, then NFC-checked.
struct KeySeed<'r, 'b>(&'r Reader<'b>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_, '_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        let limit = self.0.bounds.max_key_bytes;
        if v.len() > limit {
            return Err(self.0.refuse(Problem::KeyTooLong(limit)));
        }
        self.0.text(v)
    }
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

    const LOOSE: Bounds = Bounds {
        max_bytes: 1 << 20,
        max_depth: 32,
        max_key_bytes: 16,
        max_values: 100,
        strings: Strings::RefuseNonNfc,
    };

    fn read(text: &str) -> Result<Value, JsonError> {
        parse_str(text, &LOOSE)
    }

    #[test]
    fn reads_ordinary_json() {
        let value = read("\u{feff}{\"a\": [1, -2, true, null, \"x\", 1.5], \"b\": {}}").unwrap();
        assert_eq!(
            value,
            serde_json::json!({"a": [1, -2, true, null, "x", 1.5], "b": {}})
        );
    }

    #[test]
    fn refuses_duplicate_names_with_position() {
        let err = read("{\"country\": \"RU\",\n \"country\": \"DE\"}").unwrap_err();
        assert!(
            matches!(&err, JsonError::DuplicateKey { line: 2, key, .. } if key == "country"),
            "{err:?}"
        );
        // The same name in different objects is fine.
        assert!(read("{\"a\": {\"x\": 1}, \"b\": {\"x\": 1}}").is_ok());
    }

    #[test]
    fn refuses_or_normalises_non_nfc() {
        for text in ["\"Cafe\u{301}\"", "\"\u{212a}\"", "{\"\u{37e}\": 1}"] {
            assert!(
                matches!(read(text), Err(JsonError::NotNfc { .. })),
                "{text}"
            );
        }
        let normalise = Bounds {
            strings: Strings::Normalise,
            ..LOOSE
        };
        assert_eq!(
            parse_str("{\"\u{212a}\": \"Cafe\u{301}\"}", &normalise).unwrap(),
            serde_json::json!({"K": "Caf\u{e9}"})
        );
        // Escaped spellings are checked after unescaping.
        assert!(matches!(
            read("\"e\\u0301\""),
            Err(JsonError::NotNfc { .. })
        ));
    }

    #[test]
    fn refuses_integers_beyond_2_pow_53() {
        assert!(read("[9007199254740991, -9007199254740991]").is_ok());
        for text in [
            "9007199254740992",
            "-9007199254740992",
            "18446744073709551615",
            "123456789012345678901234567890",
        ] {
            assert!(
                matches!(read(text), Err(JsonError::IntegerOutOfRange { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn bounds_keys_values_depth_and_size() {
        assert!(matches!(
            read(&format!("{{\"{}\": 1}}", "k".repeat(17))),
            Err(JsonError::KeyTooLong { limit: 16, .. })
        ));
        let many = format!("[{}]", vec!["0"; 100].join(","));
        assert_eq!(read(&many), Err(JsonError::TooManyValues { limit: 100 }));
        let deep = format!("{}{}", "[".repeat(33), "]".repeat(33));
        assert!(matches!(
            read(&deep),
            Err(JsonError::TooDeep { column: 33, .. })
        ));
        let text = format!("[\"{}\\\"\"]", "[".repeat(100));
        assert!(read(&text).is_ok(), "brackets in strings do not count");
        assert!(matches!(
            parse(
                b"[1]",
                &Bounds {
                    max_bytes: 2,
                    ..LOOSE
                }
            ),
            Err(JsonError::TooLarge { size: 3, limit: 2 })
        ));
    }

    #[test]
    fn explains_encoding_and_syntax() {
        assert_eq!(
            parse(b"{\"a\":\"\xff\"}", &LOOSE),
            Err(JsonError::NotUtf8 { offset: 6 })
        );
        assert_eq!(read("  \n"), Err(JsonError::Empty));
        let err = read("{\n  \"a\": x\n}").unwrap_err();
        assert!(matches!(err, JsonError::Syntax { line: 2, .. }), "{err}");
        assert!(!err.to_string().contains(" at line "));
        assert!(matches!(read("[1] [2]"), Err(JsonError::Syntax { .. })));
    }
}

//! Drafts as stored in the browser: a versioned envelope with a migration path.
//!
//! The questionnaire saves after every change, so this format outlives many app
//! releases. Two decisions follow from "nothing already entered is lost":
//! - each draft keeps its answers as raw JSON, not as the current model type, so
//!   a draft that an older or newer model cannot read is still kept (and can be
//!   exported) instead of being dropped by a failed parse;
//! - a store written by a *newer* app is refused, never overwritten.

use crate::strict_json::{self, Bounds, Strings};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::draft_declarations::DraftDeclarations;

/// The `localStorage` key under which the store lives.
pub const STORAGE_KEY: &str = "enduse.drafts";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// Upper bound on the stored text we are willing to parse (browsers cap
/// `localStorage` around 5 MiB; anything bigger is not ours).
pub const MAX_STORE_BYTES: usize = 8 * 1024 * 1024;

/// Every draft saved in this browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftStore {
    /// Always [`SCHEMA_VERSION`] once loaded: older stores are migrated on load.
    pub schema_version: u32,
    /// Saved drafts, most recently updated first is not guaranteed: sort for display.
    pub drafts: Vec<Draft>,
}

/// One saved assessment in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Stable identifier, unique within the store.
    pub id: String,
    /// The name the user gave it.
    pub name: String,
    /// When it was created.
    pub created: DateTime<Utc>,
    /// When it was last saved.
    pub updated: DateTime<Utc>,
    /// The answers as the questionnaire saved them (see the module docs for why raw JSON).
    #[serde(default)]
    pub answers: Value,
    /// The declaration requests made for it and the responses imported into
    /// it, as sealed JSON (schema 2; re-verified whenever read, see
    /// [`crate::draft_declarations`]).
    #[serde(default, skip_serializing_if = "DraftDeclarations::is_empty")]
    pub declarations: DraftDeclarations,
}

/// Why the stored drafts could not be read. The store is then left untouched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftStoreError {
    /// The text is not a draft store at all.
    #[error("the saved drafts are not in a format this app understands ({0})")]
    Malformed(String),
    /// A newer release of the app wrote it.
    #[error(
        "the saved drafts were written by a newer version of End-Use Check (schema {found}, this version reads up to {SCHEMA_VERSION}); open them with that version"
    )]
    TooNew {
        /// The schema version found in storage.
        found: u32,
    },
    /// Larger than any store we write.
    #[error("the saved drafts are too large to read ({0} bytes)")]
    TooLarge(usize),
}

impl Default for DraftStore {
    fn default() -> Self {
        DraftStore {
            schema_version: SCHEMA_VERSION,
            drafts: Vec::new(),
        }
    }
}

/// One step of the migration path: turns a store of version `n` into version `n + 1`.
type Migration = fn(Value) -> Result<Value, DraftStoreError>;

/// `MIGRATIONS[i]` upgrades schema `i` to `i + 1`. Schema 0 is the pre-release
/// layout: a bare JSON array of drafts without an envelope. Schema 2 adds
/// each draft's `declarations` (absent = none): schema 1 drafts read as they
/// are, and the version bump makes an older app refuse a store it would
/// otherwise rewrite without the declarations.
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] = [wrap_bare_array, declarations_added];

fn declarations_added(mut value: Value) -> Result<Value, DraftStoreError> {
    if let Value::Object(map) = &mut value {
        map.insert("schema_version".into(), 2.into());
    }
    Ok(value)
}

fn wrap_bare_array(value: Value) -> Result<Value, DraftStoreError> {
    match value {
        Value::Array(drafts) => Ok(serde_json::json!({ "schema_version": 1, "drafts": drafts })),
        other => Err(DraftStoreError::Malformed(format!(
            "expected a list of drafts, found {}",
            json_kind(&other)
        ))),
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// How the stored drafts are read: one reading (duplicate names refused), text
/// normalised to NFC (people type decomposed accents; nothing typed is lost),
/// bounded so that a corrupted store costs bounded memory.
const STORE_BOUNDS: Bounds = Bounds {
    max_bytes: MAX_STORE_BYTES,
    max_depth: 32,
    max_key_bytes: 256,
    max_values: 1_000_000,
    strings: Strings::Normalise,
};

impl DraftStore {
    /// Reads a store from its stored text, migrating older schemas.
    /// `None` (nothing stored yet) gives an empty store.
    pub fn load(stored: Option<&str>) -> Result<DraftStore, DraftStoreError> {
        let Some(text) = stored else {
            return Ok(DraftStore::default());
        };
        if text.len() > MAX_STORE_BYTES {
            return Err(DraftStoreError::TooLarge(text.len()));
        }
        let mut value: Value = strict_json::parse_str(text, &STORE_BOUNDS)
            .map_err(|e| DraftStoreError::Malformed(e.to_string()))?;
        let mut version = match &value {
            Value::Array(_) => 0,
            Value::Object(map) => match map.get("schema_version").and_then(Value::as_u64) {
                Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
                None => {
                    return Err(DraftStoreError::Malformed(
                        "no schema_version field".to_string(),
                    ));
                }
            },
            other => {
                return Err(DraftStoreError::Malformed(format!(
                    "expected an object, found {}",
                    json_kind(other)
                )));
            }
        };
        if version > SCHEMA_VERSION {
            return Err(DraftStoreError::TooNew { found: version });
        }
        while version < SCHEMA_VERSION {
            value = MIGRATIONS[version as usize](value)?;
            version += 1;
        }
        serde_json::from_value(value).map_err(|e| DraftStoreError::Malformed(e.to_string()))
    }

    /// The text to store.
    pub fn to_json(&self) -> String {
        // Serialising plain structs with string keys cannot fail; fall back to an
        // empty store's text rather than panicking if it ever did.
        serde_json::to_string(self)
            .unwrap_or_else(|_| format!("{{\"schema_version\":{SCHEMA_VERSION},\"drafts\":[]}}"))
    }

    /// Finds a draft by id.
    pub fn get(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.id == id)
    }

    /// Adds a new, empty draft and returns its id. `seed` makes the id unique
    /// (the browser passes random bits; tests pass counters).
    pub fn create(&mut self, name: &str, now: DateTime<Utc>, seed: u64) -> String {
        let mut n = seed;
        let id = loop {
            let candidate = format!("d{n:x}");
            if self.get(&candidate).is_none() {
                break candidate;
            }
            n = n.wrapping_add(1);
        };
        self.drafts.push(Draft {
            id: id.clone(),
            name: name.to_string(),
            created: now,
            updated: now,
            answers: Value::Object(Default::default()),
            declarations: DraftDeclarations::default(),
        });
        id
    }

    /// Replaces a draft's answers; returns false if there is no such draft.
    pub fn save_answers(&mut self, id: &str, answers: Value, now: DateTime<Utc>) -> bool {
        match self.drafts.iter_mut().find(|d| d.id == id) {
            Some(d) => {
                d.answers = answers;
                d.updated = now;
                true
            }
            None => false,
        }
    }

    /// Replaces a draft's declaration documents; returns false if there is no such draft.
    pub fn save_declarations(
        &mut self,
        id: &str,
        declarations: DraftDeclarations,
        now: DateTime<Utc>,
    ) -> bool {
        match self.drafts.iter_mut().find(|d| d.id == id) {
            Some(d) => {
                d.declarations = declarations;
                d.updated = now;
                true
            }
            None => false,
        }
    }

    /// Renames a draft; returns false if there is no such draft.
    pub fn rename(&mut self, id: &str, name: &str, now: DateTime<Utc>) -> bool {
        match self.drafts.iter_mut().find(|d| d.id == id) {
            Some(d) => {
                d.name = name.to_string();
                d.updated = now;
                true
            }
            None => false,
        }
    }

    /// Removes a draft; returns false if there was no such draft.
    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.drafts.len();
        self.drafts.retain(|d| d.id != id);
        self.drafts.len() != before
    }

    /// Drafts, most recently updated first.
    pub fn by_recency(&self) -> Vec<&Draft> {
        let mut v: Vec<&Draft> = self.drafts.iter().collect();
        v.sort_by_key(|d| std::cmp::Reverse(d.updated));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, h, 0, 0)
            .single()
            .unwrap()
    }

    #[test]
    fn nothing_stored_is_an_empty_store() {
        assert_eq!(DraftStore::load(None).unwrap(), DraftStore::default());
    }

    #[test]
    fn round_trips_through_text() {
        let mut store = DraftStore::default();
        let id = store.create("Kazakh distributor", at(9), 7);
        assert!(store.save_answers(&id, serde_json::json!({"goods": [1, 2]}), at(10)));
        let back = DraftStore::load(Some(&store.to_json())).unwrap();
        assert_eq!(back, store);
        assert_eq!(back.get(&id).unwrap().updated, at(10));
    }

    #[test]
    fn migrates_the_pre_release_bare_array() {
        let old = r#"[{"id":"d1","name":"old","created":"2026-01-01T00:00:00Z","updated":"2026-01-02T00:00:00Z","answers":{"x":1}}]"#;
        let store = DraftStore::load(Some(old)).unwrap();
        assert_eq!(store.schema_version, SCHEMA_VERSION);
        assert_eq!(store.drafts.len(), 1);
        assert_eq!(store.drafts[0].answers["x"], 1);
    }

    #[test]
    fn schema_1_stores_read_with_no_declarations() {
        let old = r#"{"schema_version":1,"drafts":[{"id":"d1","name":"old","created":"2026-01-01T00:00:00Z","updated":"2026-01-02T00:00:00Z","answers":{"x":1}}]}"#;
        let store = DraftStore::load(Some(old)).unwrap();
        assert_eq!(store.schema_version, 2);
        assert!(store.drafts[0].declarations.is_empty());
        assert!(store.to_json().contains(r#""schema_version":2"#));
    }

    #[test]
    fn refuses_newer_and_malformed_stores() {
        assert_eq!(
            DraftStore::load(Some(r#"{"schema_version":99,"drafts":[]}"#)),
            Err(DraftStoreError::TooNew { found: 99 })
        );
        for bad in [
            "",
            "{",
            "42",
            r#"{"drafts":[]}"#,
            r#"{"schema_version":1,"drafts":7}"#,
            r#"{"schema_version":2,"drafts":[{"id":"d1","name":"x","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","declarations":{"requests":7}}]}"#,
        ] {
            assert!(
                matches!(
                    DraftStore::load(Some(bad)),
                    Err(DraftStoreError::Malformed(_))
                ),
                "{bad:?} should be malformed"
            );
        }
    }

    #[test]
    fn ids_are_unique_and_edits_find_their_draft() {
        let mut store = DraftStore::default();
        let a = store.create("a", at(1), 5);
        let b = store.create("b", at(2), 5);
        assert_ne!(a, b);
        assert!(store.rename(&a, "renamed", at(3)));
        assert_eq!(store.by_recency()[0].name, "renamed");
        assert!(store.delete(&b));
        assert!(!store.delete(&b));
        assert!(!store.rename("nope", "x", at(4)));
    }
}

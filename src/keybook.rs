//! The key book: which public keys belong to which organisations, and how
//! the user came to believe it.
//!
//! A valid signature proves only that a document agrees with the key it
//! carries: anybody can make a fresh key, type a counterparty's name and sign.
//! What makes a signature say *who* signed is a binding of the key to an
//! organisation that the user confirmed outside the document, the way PGP
//! users meet to compare fingerprints and in-toto layouts pin which key may
//! sign which step. A serverless app cannot run a certificate authority, so
//! the binding is kept locally, per user, in this book:
//!
//! * an entry binds one public key to an organisation (name, country) and
//!   records how it was confirmed ([`Confirmation`]) and on which date;
//! * *trust on first use*: the first key seen for a party is remembered as
//!   [`Confirmation::FirstUse`]. That is **not** trust (the first key may be
//!   the forger's) but it makes a later key change visible: a document from a
//!   known party signed by another key is a [`Sighting::KeyChanged`], shown
//!   as a loud warning;
//! * the book travels as a file ([`KeyBook::to_json`] / [`KeyBook::from_json`],
//!   format in `docs/record-format.md` §12), which `enduse verify
//!   --trusted-keys` reads too.
//!
//! Reading a book file is strict: anything malformed, a key listed twice or a
//! key bound to two different names is refused with the line where it stands,
//! and [`KeyBook::merge`] is all-or-nothing, so an import never loses a key
//! the user already trusted.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde_json::{Map, Value};
use unicode_normalization::UnicodeNormalization;

use crate::country::Country;
use crate::record::{Fingerprint, PublicKey};

/// The `format` of a key book file.
pub const KEY_BOOK_FORMAT: &str = "enduse-key-book";
/// The only key book version this build reads and writes.
pub const KEY_BOOK_VERSION: u64 = 1;
/// A key book file larger than this is refused before parsing.
pub const MAX_KEY_BOOK_BYTES: usize = 1024 * 1024;

/// How a key book file is read: duplicate member names and huge integers
/// refused, text brought to NFC (names are compared in that form).
const KEY_BOOK_BOUNDS: crate::strict_json::Bounds = crate::strict_json::Bounds {
    max_bytes: MAX_KEY_BOOK_BYTES,
    max_depth: 16,
    max_key_bytes: 256,
    max_values: 200_000,
    strings: crate::strict_json::Strings::Normalise,
};
/// At most this many keys in one book.
pub const MAX_KEYS: usize = 5000;
/// Longest organisation name or note, in characters.
const MAX_TEXT_CHARS: usize = 200;

/// How the user confirmed that a key belongs to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confirmation {
    /// Seen once and remembered, never confirmed: not trusted, only used to
    /// notice a later key change.
    FirstUse,
    /// The fingerprint was read out over a telephone number found
    /// independently of the document (not one the document gives).
    Phone,
    /// The fingerprint was compared in person.
    InPerson,
    /// Published in the host's registry of member keys (`config.json`).
    HostRegistry,
}

impl Confirmation {
    /// Every method, in file order.
    pub const ALL: [Confirmation; 4] = [
        Confirmation::FirstUse,
        Confirmation::Phone,
        Confirmation::InPerson,
        Confirmation::HostRegistry,
    ];

    /// The ways a user can say they confirmed a key (strongest first): the
    /// host's registry is not among them.
    pub const USER_CHOICES: [Confirmation; 3] = [
        Confirmation::InPerson,
        Confirmation::Phone,
        Confirmation::FirstUse,
    ];

    /// The file's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Confirmation::FirstUse => "first_use",
            Confirmation::Phone => "phone",
            Confirmation::InPerson => "in_person",
            Confirmation::HostRegistry => "host_registry",
        }
    }

    /// Reads the file's name for it.
    pub fn parse(text: &str) -> Option<Confirmation> {
        Confirmation::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Whether a key confirmed this way counts as trusted: every method but
    /// first use, which only remembers what a document claimed.
    pub fn is_trust(self) -> bool {
        self != Confirmation::FirstUse
    }

    /// How it reads in English (CLI output).
    pub fn describe(self) -> &'static str {
        match self {
            Confirmation::FirstUse => "first seen, not confirmed",
            Confirmation::Phone => "confirmed by phone",
            Confirmation::InPerson => "confirmed in person",
            Confirmation::HostRegistry => "listed in the host's key registry",
        }
    }
}

/// One key bound to one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEntry {
    /// The key itself: trust is decided on it, never on a fingerprint.
    pub public_key: PublicKey,
    /// The organisation it belongs to.
    pub organisation: String,
    /// The organisation's country, when known.
    pub country: Option<Country>,
    /// How the binding was confirmed.
    pub confirmed: Confirmation,
    /// When it was confirmed (or first seen).
    pub date: NaiveDate,
    /// Free text: who confirmed it, which phone number was called.
    pub note: Option<String>,
}

impl KeyEntry {
    /// The key's (128-bit) fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        self.public_key.fingerprint()
    }

    /// Whether this entry makes its key trusted.
    pub fn is_trusted(&self) -> bool {
        self.confirmed.is_trust()
    }
}

/// What the book knows about a key seen on a document claiming to be from
/// `party`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sighting<'a> {
    /// The key is in the book (trusted or first use: see the entry).
    Known(&'a KeyEntry),
    /// Neither the key nor the party is in the book.
    New,
    /// The party is in the book under other keys: the key changed, or
    /// somebody else signs in its name.
    KeyChanged {
        /// The keys the book holds for that party.
        known: Vec<&'a KeyEntry>,
    },
}

/// Why a key book file (or a change to the book) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBookError {
    /// 1-based line in the file, when the problem is in a file.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for KeyBookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for KeyBookError {}

fn refuse(line: Option<usize>, message: impl Into<String>) -> KeyBookError {
    KeyBookError {
        line,
        message: message.into(),
    }
}

/// The user's key book, kept sorted by fingerprint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyBook {
    entries: BTreeMap<Fingerprint, KeyEntry>,
}

impl KeyBook {
    /// An empty book.
    pub fn new() -> KeyBook {
        KeyBook::default()
    }

    /// Every entry, by fingerprint.
    pub fn entries(&self) -> impl Iterator<Item = &KeyEntry> {
        self.entries.values()
    }

    /// How many keys the book holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the book is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for `key`, if any.
    pub fn get(&self, key: &PublicKey) -> Option<&KeyEntry> {
        self.entries
            .get(&key.fingerprint())
            .filter(|e| e.public_key == *key)
    }

    /// What the book knows about `key` on a document from `party`.
    pub fn sighting(&self, key: &PublicKey, party: &str, country: Option<Country>) -> Sighting<'_> {
        if let Some(entry) = self.get(key) {
            return Sighting::Known(entry);
        }
        let known: Vec<&KeyEntry> = self
            .entries
            .values()
            .filter(|e| same_party(e, party, country))
            .collect();
        if known.is_empty() {
            Sighting::New
        } else {
            Sighting::KeyChanged { known }
        }
    }

    /// Adds an entry, or upgrades the confirmation of a key already bound to
    /// the same organisation. A key bound to another organisation is refused:
    /// remove it first, deliberately.
    pub fn add(&mut self, entry: KeyEntry) -> Result<(), KeyBookError> {
        check_text("organisation", &entry.organisation, None)?;
        if let Some(note) = &entry.note {
            check_text("note", note, None)?;
        }
        let fingerprint = entry.fingerprint();
        if let Some(existing) = self.entries.get_mut(&fingerprint) {
            if normal_name(&existing.organisation) != normal_name(&entry.organisation) {
                return Err(refuse(
                    None,
                    format!(
                        "key {fingerprint} is already bound to \"{}\"; it cannot also be \"{}\"",
                        existing.organisation, entry.organisation
                    ),
                ));
            }
            // Keep the stronger confirmation (and its date): never lose trust.
            if entry.confirmed > existing.confirmed {
                *existing = entry;
            }
            return Ok(());
        }
        if self.entries.len() >= MAX_KEYS {
            return Err(refuse(
                None,
                format!("the book holds {MAX_KEYS} keys, the most it may"),
            ));
        }
        self.entries.insert(fingerprint, entry);
        Ok(())
    }

    /// Remembers a key seen for the first time (trust on first use). Does
    /// nothing if the key is already in the book; refuses when the party is
    /// known under another key, because that is what the user must see.
    pub fn remember_first_use(
        &mut self,
        key: PublicKey,
        party: &str,
        country: Option<Country>,
        date: NaiveDate,
    ) -> Result<(), KeyBookError> {
        match self.sighting(&key, party, country) {
            Sighting::Known(_) => Ok(()),
            Sighting::KeyChanged { .. } => Err(refuse(
                None,
                format!(
                    "\"{party}\" is known under another key: confirm the new key before using it"
                ),
            )),
            Sighting::New => self.add(KeyEntry {
                public_key: key,
                organisation: party.trim().to_string(),
                country,
                confirmed: Confirmation::FirstUse,
                date,
                note: None,
            }),
        }
    }

    /// Adds the key that signed a verified document, bound to the
    /// organisation the user names and the way the user confirmed it (the
    /// web's "Trust this key"; [`Confirmation::FirstUse`] only remembers it).
    /// [`Confirmation::HostRegistry`] is the host's word, never the user's,
    /// and is refused here; so is a key already bound to another name.
    pub fn confirm_signer(
        &mut self,
        public_key_hex: &str,
        organisation: &str,
        country: Option<Country>,
        confirmed: Confirmation,
        date: NaiveDate,
    ) -> Result<(), KeyBookError> {
        if !Confirmation::USER_CHOICES.contains(&confirmed) {
            return Err(refuse(
                None,
                "only the host's registry confirms a key that way",
            ));
        }
        let public_key = PublicKey::from_hex(public_key_hex)
            .map_err(|e| refuse(None, format!("not a public key: {e}")))?;
        let organisation = organisation.trim();
        if organisation.is_empty() {
            return Err(refuse(None, "\"organisation\" is empty"));
        }
        self.add(KeyEntry {
            public_key,
            organisation: organisation.to_string(),
            country,
            confirmed,
            date,
            note: None,
        })
    }

    /// Removes a key; returns whether it was there.
    pub fn remove(&mut self, key: &PublicKey) -> bool {
        self.entries.remove(&key.fingerprint()).is_some()
    }

    /// Adds every entry of `other`, or none: on any conflict the book is
    /// left exactly as it was.
    pub fn merge(&mut self, other: &KeyBook) -> Result<usize, KeyBookError> {
        let mut merged = self.clone();
        for entry in other.entries() {
            merged.add(entry.clone())?;
        }
        let added = merged.len() - self.len();
        *self = merged;
        Ok(added)
    }

    /// The book as a file (pretty JSON, one member per line).
    pub fn to_json(&self) -> String {
        let keys: Vec<Value> = self
            .entries
            .values()
            .map(|e| {
                let mut map = Map::new();
                map.insert("fingerprint".into(), e.fingerprint().to_string().into());
                map.insert("public_key".into(), e.public_key.to_hex().into());
                map.insert("organisation".into(), e.organisation.clone().into());
                if let Some(country) = e.country {
                    map.insert("country".into(), country.code().into());
                }
                map.insert("confirmed".into(), e.confirmed.as_str().into());
                map.insert("date".into(), e.date.format("%Y-%m-%d").to_string().into());
                if let Some(note) = &e.note {
                    map.insert("note".into(), note.clone().into());
                }
                Value::Object(map)
            })
            .collect();
        let file = serde_json::json!({
            "format": KEY_BOOK_FORMAT,
            "version": KEY_BOOK_VERSION,
            "keys": keys,
        });
        serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
    }

    /// Reads a key book file from untrusted text, refusing the whole file at
    /// the first problem (with its line).
    pub fn from_json(text: &str) -> Result<KeyBook, KeyBookError> {
        if text.len() > MAX_KEY_BOOK_BYTES {
            return Err(refuse(
                None,
                format!(
                    "the file is {} bytes; the limit is {MAX_KEY_BOOK_BYTES}",
                    text.len()
                ),
            ));
        }
        // The one strict reading: a key book whose entry names its
        // organisation twice would otherwise mean what its last member says.
        let value: Value = crate::strict_json::parse_str(text, &KEY_BOOK_BOUNDS)
            .map_err(|e| refuse(e.line(), format!("not a readable key book: {e}")))?;
        let Value::Object(root) = value else {
            return Err(refuse(Some(1), "a key book is a JSON object"));
        };
        if root.get("format").and_then(Value::as_str) != Some(KEY_BOOK_FORMAT) {
            return Err(refuse(
                Some(1),
                format!("not a key book: \"format\" must be \"{KEY_BOOK_FORMAT}\""),
            ));
        }
        if root.get("version").and_then(Value::as_u64) != Some(KEY_BOOK_VERSION) {
            return Err(refuse(
                Some(1),
                format!("key book version must be {KEY_BOOK_VERSION}"),
            ));
        }
        if let Some(extra) = root
            .keys()
            .find(|k| !matches!(k.as_str(), "format" | "version" | "keys"))
        {
            return Err(refuse(Some(1), format!("unknown member \"{extra}\"")));
        }
        let Some(Value::Array(keys)) = root.get("keys") else {
            return Err(refuse(Some(1), "no \"keys\" list"));
        };
        if keys.len() > MAX_KEYS {
            return Err(refuse(
                None,
                format!("{} keys; at most {MAX_KEYS} are accepted", keys.len()),
            ));
        }
        let lines = entry_lines(text);
        let mut book = KeyBook::new();
        let mut first_line: BTreeMap<Fingerprint, Option<usize>> = BTreeMap::new();
        for (index, item) in keys.iter().enumerate() {
            let line = lines.get(index).copied();
            let entry = read_entry(item, line)?;
            let fingerprint = entry.fingerprint();
            if let Some(existing) = book.entries.get(&fingerprint) {
                let first = first_line
                    .get(&fingerprint)
                    .copied()
                    .flatten()
                    .map_or_else(String::new, |l| format!(" (first at line {l})"));
                let message =
                    if normal_name(&existing.organisation) == normal_name(&entry.organisation) {
                        format!("key {fingerprint} is listed twice{first}")
                    } else {
                        format!(
                            "key {fingerprint} is bound to two names, \"{}\"{first} and \"{}\"",
                            existing.organisation, entry.organisation
                        )
                    };
                return Err(refuse(line, message));
            }
            first_line.insert(fingerprint.clone(), line);
            book.entries.insert(fingerprint, entry);
        }
        Ok(book)
    }
}

fn read_entry(item: &Value, line: Option<usize>) -> Result<KeyEntry, KeyBookError> {
    let Value::Object(map) = item else {
        return Err(refuse(line, "each key is an object { ... }"));
    };
    const KNOWN: [&str; 7] = [
        "fingerprint",
        "public_key",
        "organisation",
        "country",
        "confirmed",
        "date",
        "note",
    ];
    if let Some(extra) = map.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(refuse(
            line,
            format!("unknown member \"{extra}\"; expected: {}", KNOWN.join(", ")),
        ));
    }
    let text = |name: &str| -> Result<Option<&str>, KeyBookError> {
        match map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(refuse(line, format!("\"{name}\" must be a string"))),
        }
    };
    let required = |name: &str| -> Result<&str, KeyBookError> {
        text(name)?.ok_or_else(|| refuse(line, format!("\"{name}\" is missing")))
    };
    let public_key = PublicKey::from_hex(required("public_key")?)
        .map_err(|e| refuse(line, format!("\"public_key\": {e}")))?;
    if let Some(shown) = text("fingerprint")? {
        let ok =
            Fingerprint::parse(shown).is_some_and(|fp| public_key.has_fingerprint(fp.as_str()));
        if !ok {
            return Err(refuse(
                line,
                format!(
                    "\"fingerprint\" {shown:?} does not belong to the public key (its fingerprint is {})",
                    public_key.fingerprint()
                ),
            ));
        }
    }
    let organisation = required("organisation")?.trim().to_string();
    check_text("organisation", &organisation, line)?;
    let country = text("country")?
        .map(|code| {
            Country::parse(code).map_err(|_| {
                refuse(
                    line,
                    format!("\"country\" {code:?} is not an ISO 3166-1 alpha-2 code"),
                )
            })
        })
        .transpose()?;
    let confirmed_text = required("confirmed")?;
    let confirmed = Confirmation::parse(confirmed_text).ok_or_else(|| {
        refuse(
            line,
            format!(
                "\"confirmed\" {confirmed_text:?} is not one of: {}",
                Confirmation::ALL.map(Confirmation::as_str).join(", ")
            ),
        )
    })?;
    let date_text = required("date")?;
    let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d").map_err(|_| {
        refuse(
            line,
            format!("\"date\" {date_text:?} is not a date YYYY-MM-DD"),
        )
    })?;
    let note = text("note")?.map(|n| n.trim().to_string());
    if let Some(note) = &note {
        check_text("note", note, line)?;
    }
    Ok(KeyEntry {
        public_key,
        organisation,
        country,
        confirmed,
        date,
        note,
    })
}

fn check_text(name: &str, text: &str, line: Option<usize>) -> Result<(), KeyBookError> {
    if name == "organisation" && text.trim().is_empty() {
        return Err(refuse(line, "\"organisation\" is empty"));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(refuse(
            line,
            format!("\"{name}\" is longer than {MAX_TEXT_CHARS} characters"),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(refuse(
            line,
            format!("\"{name}\" contains control characters"),
        ));
    }
    Ok(())
}

/// A party name compared loosely: NFKC, case-folded, spaces collapsed, so
/// `ТОО  Альфа` and `тоо альфа` are one party.
pub fn normal_name(name: &str) -> String {
    name.nfkc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn same_party(entry: &KeyEntry, party: &str, country: Option<Country>) -> bool {
    let countries_agree = match (entry.country, country) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    countries_agree && normal_name(&entry.organisation) == normal_name(party)
}

/// The 1-based line where each element of the root object's `keys` array
/// starts, found by a scan that tracks strings and nesting (serde_json's
/// values carry no positions). Only called on text that parsed as JSON.
fn entry_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut line, mut depth) = (1usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    // Whether the current depth-2 container is the `keys` array: it is the
    // only array member the root may have, so any array at depth 2 is it.
    let mut element_pending = false;
    for c in text.chars() {
        if c == '\n' {
            line += 1;
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
            '"' => {
                in_string = true;
                if element_pending && depth == 2 {
                    lines.push(line);
                    element_pending = false;
                }
            }
            '[' | '{' => {
                if depth == 2 && element_pending {
                    lines.push(line);
                    element_pending = false;
                }
                depth += 1;
                if depth == 2 && c == '[' {
                    element_pending = true;
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                element_pending = false;
            }
            ',' if depth == 2 => element_pending = true,
            c if depth == 2 && element_pending && !c.is_whitespace() => {
                lines.push(line);
                element_pending = false;
            }
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::SecretKey;

    fn key(seed: u8) -> PublicKey {
        SecretKey::from_seed([seed; 32]).public_key()
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    fn entry(seed: u8, name: &str, confirmed: Confirmation) -> KeyEntry {
        KeyEntry {
            public_key: key(seed),
            organisation: name.into(),
            country: Country::parse("KZ").ok(),
            confirmed,
            date: date(),
            note: None,
        }
    }

    #[test]
    fn confirming_a_signer_binds_its_key_and_never_claims_the_host() {
        let mut book = KeyBook::new();
        let hex = key(1).to_hex();
        assert!(
            book.confirm_signer(&hex, "ТОО Альфа", None, Confirmation::HostRegistry, date())
                .is_err(),
            "a user cannot say the host confirmed a key"
        );
        assert!(
            book.confirm_signer("abc", "ТОО Альфа", None, Confirmation::Phone, date())
                .is_err()
        );
        assert!(
            book.confirm_signer(&hex, "  ", None, Confirmation::Phone, date())
                .is_err()
        );
        assert!(book.is_empty());
        book.confirm_signer(&hex, "ТОО Альфа", None, Confirmation::FirstUse, date())
            .unwrap();
        assert!(
            !book.get(&key(1)).unwrap().is_trusted(),
            "first use is not trust"
        );
        book.confirm_signer(&hex, "тоо альфа", None, Confirmation::Phone, date())
            .unwrap();
        assert!(
            book.get(&key(1)).unwrap().is_trusted(),
            "upgraded by a confirmation"
        );
        let err = book
            .confirm_signer(&hex, "Mallory", None, Confirmation::InPerson, date())
            .unwrap_err();
        assert!(err.message.contains("already bound"), "{err}");
        assert_eq!(book.get(&key(1)).unwrap().confirmed, Confirmation::Phone);
    }

    #[test]
    fn export_and_import_round_trip() {
        let mut book = KeyBook::new();
        book.add(entry(1, "ТОО Альфа", Confirmation::InPerson))
            .unwrap();
        book.add(entry(2, "Beta LLP", Confirmation::FirstUse))
            .unwrap();
        let again = KeyBook::from_json(&book.to_json()).unwrap();
        assert_eq!(again, book);
        assert!(again.get(&key(1)).unwrap().is_trusted());
        assert!(
            !again.get(&key(2)).unwrap().is_trusted(),
            "first use is not trust"
        );
    }

    #[test]
    fn a_key_book_with_two_readings_is_refused() {
        let mut book = KeyBook::new();
        book.add(entry(1, "Beta LLP", Confirmation::InPerson))
            .unwrap();
        let json = book.to_json();
        // An earlier, second "organisation" in the same entry: serde alone
        // would keep the later one, a person reading top-down the earlier.
        let forged = json.replacen(
            "\"organisation\"",
            "\"organisation\": \"Listed OOO\", \"organisation\"",
            1,
        );
        assert_ne!(forged, json);
        let err = KeyBook::from_json(&forged).unwrap_err().to_string();
        assert!(err.contains("\"organisation\" occurs twice"), "{err}");
    }

    #[test]
    fn first_use_then_key_change_is_noticed() {
        let mut book = KeyBook::new();
        assert_eq!(book.sighting(&key(1), "ТОО Альфа", None), Sighting::New);
        book.remember_first_use(key(1), "ТОО Альфа", Country::parse("KZ").ok(), date())
            .unwrap();
        assert!(matches!(
            book.sighting(&key(1), "тоо  альфа", None),
            Sighting::Known(_)
        ));
        let changed = book.sighting(&key(9), "ТОО АЛЬФА", Country::parse("KZ").ok());
        assert!(matches!(changed, Sighting::KeyChanged { ref known } if known.len() == 1));
        assert!(
            book.remember_first_use(key(9), "ТОО Альфа", None, date())
                .is_err()
        );
        // Another country's namesake is another party.
        assert_eq!(
            book.sighting(&key(9), "ТОО Альфа", Country::parse("KG").ok()),
            Sighting::New
        );
    }

    #[test]
    fn confirmation_upgrades_and_is_never_lost() {
        let mut book = KeyBook::new();
        book.add(entry(1, "Alpha", Confirmation::InPerson)).unwrap();
        book.add(entry(1, "alpha", Confirmation::FirstUse)).unwrap();
        assert_eq!(book.get(&key(1)).unwrap().confirmed, Confirmation::InPerson);
        let err = book
            .add(entry(1, "Gamma", Confirmation::Phone))
            .unwrap_err();
        assert!(err.message.contains("already bound"), "{err}");
    }

    #[test]
    fn a_conflicting_import_changes_nothing() {
        let mut book = KeyBook::new();
        book.add(entry(1, "Alpha", Confirmation::InPerson)).unwrap();
        let mut other = KeyBook::new();
        other.add(entry(2, "Beta", Confirmation::Phone)).unwrap();
        other.add(entry(1, "Mallory", Confirmation::Phone)).unwrap();
        let before = book.clone();
        assert!(book.merge(&other).is_err());
        assert_eq!(book, before);
        let mut good = KeyBook::new();
        good.add(entry(2, "Beta", Confirmation::Phone)).unwrap();
        assert_eq!(book.merge(&good), Ok(1));
    }

    fn file_with(entries: &[String]) -> String {
        format!(
            "{{\n  \"format\": \"enduse-key-book\",\n  \"version\": 1,\n  \"keys\": [\n{}\n  ]\n}}\n",
            entries.join(",\n")
        )
    }

    fn line_entry(seed: u8, name: &str) -> String {
        format!(
            "    {{ \"public_key\": \"{}\", \"organisation\": \"{name}\", \"confirmed\": \"phone\", \"date\": \"2026-11-30\" }}",
            key(seed).to_hex()
        )
    }

    #[test]
    fn bad_files_are_refused_with_the_line() {
        let dup = file_with(&[line_entry(1, "A"), line_entry(2, "B"), line_entry(1, "A")]);
        let err = KeyBook::from_json(&dup).unwrap_err();
        assert_eq!(err.line, Some(7), "{err}");
        assert!(
            err.message.contains("listed twice (first at line 5)"),
            "{err}"
        );

        let conflict = file_with(&[line_entry(1, "A"), line_entry(1, "Mallory")]);
        let err = KeyBook::from_json(&conflict).unwrap_err();
        assert_eq!(err.line, Some(6));
        assert!(err.message.contains("two names"), "{err}");

        let bad_hex = file_with(&[
            line_entry(1, "A"),
            line_entry(2, "B").replace(&key(2).to_hex(), "abcd"),
        ]);
        let err = KeyBook::from_json(&bad_hex).unwrap_err();
        assert_eq!(err.line, Some(6));
        assert!(err.message.contains("public_key"), "{err}");

        let wrong_fp = file_with(&[line_entry(1, "A").replace(
            "\"organisation\"",
            "\"fingerprint\": \"0000-0000-0000-0000\", \"organisation\"",
        )]);
        let err = KeyBook::from_json(&wrong_fp).unwrap_err();
        assert!(err.message.contains("does not belong"), "{err}");

        let bad_method = file_with(&[line_entry(1, "A").replace("phone", "email")]);
        assert!(
            KeyBook::from_json(&bad_method)
                .unwrap_err()
                .message
                .contains("confirmed")
        );
        let bad_date = file_with(&[line_entry(1, "A").replace("2026-11-30", "30.11.2026")]);
        assert!(
            KeyBook::from_json(&bad_date)
                .unwrap_err()
                .message
                .contains("date")
        );

        let syntax = KeyBook::from_json("{\n \"format\": \n").unwrap_err();
        assert_eq!(syntax.line, Some(3));
        assert!(KeyBook::from_json("[]").is_err());
        assert!(KeyBook::from_json(&"x".repeat(MAX_KEY_BOOK_BYTES + 1)).is_err());
    }

    #[test]
    fn a_legacy_fingerprint_in_a_file_is_accepted() {
        let legacy = key(1).legacy_fingerprint();
        let text = file_with(&[line_entry(1, "A").replace(
            "\"organisation\"",
            &format!("\"fingerprint\": \"{legacy}\", \"organisation\""),
        )]);
        assert_eq!(KeyBook::from_json(&text).unwrap().len(), 1);
    }

    #[test]
    fn entry_lines_follow_strings_and_nesting() {
        let text = "{\"keys\": [\n{\"a\": \"[{,\\\"\"},\n\n{\"b\": [1, {}]}]}";
        assert_eq!(entry_lines(text), vec![2, 4]);
    }
}

//! Whose key is this: the user's key book and the host's registry together
//! decide the standing of a signing key.
//!
//! Two sources can make a key trusted:
//!
//! * the user's own [`KeyBook`], for keys confirmed in person or by phone;
//! * the host's registry (`config.json`, `key_registry`): a trade
//!   association publishing its members' keys on its own origin, the way a
//!   sigstore root or an in-toto layout pins keys. It can also **revoke**
//!   keys (lost, stolen, a member expelled); a revocation beats everything,
//!   the user's own confirmation included.
//!
//! A key remembered on first use is *not* trusted: it only lets a changed key
//! show. Everything is decided on the full public key; fingerprints are for
//! people.

use chrono::NaiveDate;
use serde_json::Value;

use crate::country::Country;
use crate::keybook::{Confirmation, KeyBook, KeyEntry, Sighting, normal_name};
use crate::record::{Fingerprint, PublicKey};

/// At most this many member keys or revocations in a host registry.
pub const MAX_REGISTRY_KEYS: usize = 2000;

/// A host's registry of member keys and revoked keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyRegistry {
    /// Member keys, each an entry confirmed by [`Confirmation::HostRegistry`].
    pub members: Vec<KeyEntry>,
    /// Keys that must not be trusted any more.
    pub revoked: Vec<Revocation>,
}

/// A key the host revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    /// The revoked key's fingerprint (128-bit; a legacy 64-bit one revokes
    /// every key that has it, which errs on the safe side).
    pub fingerprint: Fingerprint,
    /// Why, as the host says.
    pub reason: String,
    /// Since when.
    pub date: NaiveDate,
}

impl Revocation {
    /// Whether this revocation covers `key`.
    pub fn covers(&self, key: &PublicKey) -> bool {
        key.has_fingerprint(self.fingerprint.as_str())
    }
}

/// The standing of a key, as every verdict reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyStanding {
    /// Bound to an organisation by a confirmation the user (or the host)
    /// made outside any document.
    Trusted(KeyEntry),
    /// In the book from first use only: not confirmed.
    FirstUse(KeyEntry),
    /// Not known at all. `party_keys` lists the keys the book holds for the
    /// party the document names: when not empty, the party's key changed
    /// (or somebody else signs in its name).
    Unknown {
        /// Keys known for the named party.
        party_keys: Vec<KeyEntry>,
    },
    /// Revoked by the host.
    Revoked(Revocation),
    /// A trusted key, but bound to another organisation than the one the
    /// document names: it proves who signed, and that is not the named party.
    OtherParty(KeyEntry),
}

impl KeyStanding {
    /// Whether a signature by this key says who signed.
    pub fn is_trusted(&self) -> bool {
        matches!(self, KeyStanding::Trusted(_))
    }

    /// Whether the named party is known under another key.
    pub fn key_changed(&self) -> bool {
        matches!(self, KeyStanding::Unknown { party_keys } if !party_keys.is_empty())
    }
}

/// The key book and the host registry in force.
#[derive(Debug, Clone, Copy)]
pub struct Trust<'a> {
    book: &'a KeyBook,
    registry: Option<&'a KeyRegistry>,
}

impl<'a> Trust<'a> {
    /// Trust from the user's book and, if the host publishes one, its registry.
    pub fn new(book: &'a KeyBook, registry: Option<&'a KeyRegistry>) -> Trust<'a> {
        Trust { book, registry }
    }

    /// The standing of `key` on a document that claims to come from `party`
    /// (name and country, when the document says).
    pub fn standing(&self, key: &PublicKey, party: Option<(&str, Option<Country>)>) -> KeyStanding {
        if let Some(revocation) = self
            .registry
            .and_then(|r| r.revoked.iter().find(|rev| rev.covers(key)))
        {
            return KeyStanding::Revoked(revocation.clone());
        }
        let in_book = self.book.get(key);
        let trusted = in_book.filter(|e| e.is_trusted()).or_else(|| {
            self.registry
                .and_then(|r| r.members.iter().find(|m| m.public_key == *key))
        });
        if let Some(entry) = trusted {
            return match party {
                Some((name, country)) if !names_party(entry, name, country) => {
                    KeyStanding::OtherParty(entry.clone())
                }
                _ => KeyStanding::Trusted(entry.clone()),
            };
        }
        if let Some(entry) = in_book {
            return KeyStanding::FirstUse(entry.clone());
        }
        let mut party_keys = Vec::new();
        if let Some((name, country)) = party {
            if let Sighting::KeyChanged { known } = self.book.sighting(key, name, country) {
                party_keys.extend(known.into_iter().cloned());
            }
            if let Some(registry) = self.registry {
                party_keys.extend(
                    registry
                        .members
                        .iter()
                        .filter(|m| names_party(m, name, country))
                        .cloned(),
                );
            }
        }
        KeyStanding::Unknown { party_keys }
    }
}

/// Whether `entry` is the party a document names (name compared loosely,
/// countries when both are known).
fn names_party(entry: &KeyEntry, name: &str, country: Option<Country>) -> bool {
    let countries_agree = match (entry.country, country) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    countries_agree && normal_name(&entry.organisation) == normal_name(name)
}

/// One problem in a registry, as a JSON path and a message (the host config
/// validator's format).
pub type RegistryProblem = (String, String);

impl KeyRegistry {
    /// Reads the `key_registry` member of `config.json`:
    ///
    /// ```json
    /// "key_registry": {
    ///   "members": [ { "public_key": "<64 hex>", "organisation": "…", "country": "KZ", "date": "2026-01-15" } ],
    ///   "revoked": [ { "fingerprint": "…", "reason": "key lost", "date": "2026-06-01" } ]
    /// }
    /// ```
    ///
    /// Every problem is reported with its path (`key_registry.members[2].public_key`);
    /// a key listed twice or under two names is refused.
    pub fn from_value(field: &str, value: &Value) -> Result<KeyRegistry, Vec<RegistryProblem>> {
        let mut problems: Vec<RegistryProblem> = Vec::new();
        let mut registry = KeyRegistry::default();
        let Some(map) = value.as_object() else {
            return Err(vec![(field.into(), "must be an object { ... }".into())]);
        };
        for key in map.keys() {
            if !matches!(key.as_str(), "members" | "revoked" | "$comment") {
                problems.push((
                    format!("{field}.{key}"),
                    "unknown field; expected one of: members, revoked".into(),
                ));
            }
        }
        let list = |name: &str, problems: &mut Vec<RegistryProblem>| -> Vec<Value> {
            match map.get(name) {
                None => Vec::new(),
                Some(Value::Array(items)) if items.len() <= MAX_REGISTRY_KEYS => items.clone(),
                Some(Value::Array(_)) => {
                    problems.push((
                        format!("{field}.{name}"),
                        format!("at most {MAX_REGISTRY_KEYS} entries"),
                    ));
                    Vec::new()
                }
                Some(_) => {
                    problems.push((format!("{field}.{name}"), "must be a list [ ... ]".into()));
                    Vec::new()
                }
            }
        };
        let mut book = KeyBook::new();
        for (index, item) in list("members", &mut problems).iter().enumerate() {
            let at = format!("{field}.members[{index}]");
            match member(item) {
                Ok(entry) => {
                    let fingerprint = entry.fingerprint();
                    if book.get(&entry.public_key).is_some() {
                        problems.push((
                            format!("{at}.public_key"),
                            format!("key {fingerprint} is listed twice (or under two names)"),
                        ));
                        continue;
                    }
                    if let Err(e) = book.add(entry.clone()) {
                        problems.push((at, e.message));
                        continue;
                    }
                    registry.members.push(entry);
                }
                Err((sub, message)) => problems.push((format!("{at}{sub}"), message)),
            }
        }
        for (index, item) in list("revoked", &mut problems).iter().enumerate() {
            let at = format!("{field}.revoked[{index}]");
            match revocation(item) {
                Ok(rev) => registry.revoked.push(rev),
                Err((sub, message)) => problems.push((format!("{at}{sub}"), message)),
            }
        }
        if problems.is_empty() {
            Ok(registry)
        } else {
            Err(problems)
        }
    }
}

fn string_field<'v>(
    map: &'v serde_json::Map<String, Value>,
    name: &str,
) -> Result<Option<&'v str>, (String, String)> {
    match map.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err((format!(".{name}"), "must be a string".into())),
    }
}

fn required<'v>(
    map: &'v serde_json::Map<String, Value>,
    name: &str,
) -> Result<&'v str, (String, String)> {
    string_field(map, name)?.ok_or_else(|| (format!(".{name}"), "is missing".into()))
}

fn date_field(map: &serde_json::Map<String, Value>) -> Result<NaiveDate, (String, String)> {
    let text = required(map, "date")?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| (".date".into(), format!("{text:?} is not a date YYYY-MM-DD")))
}

fn plain(name: &str, text: &str) -> Result<String, (String, String)> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 200 || text.chars().any(char::is_control) {
        return Err((
            format!(".{name}"),
            "must be 1 to 200 characters of plain text".into(),
        ));
    }
    Ok(text.to_string())
}

fn member(item: &Value) -> Result<KeyEntry, (String, String)> {
    let Some(map) = item.as_object() else {
        return Err((String::new(), "must be an object { ... }".into()));
    };
    if let Some(extra) = map.keys().find(|k| {
        !matches!(
            k.as_str(),
            "public_key" | "fingerprint" | "organisation" | "country" | "date"
        )
    }) {
        return Err((
            format!(".{extra}"),
            "unknown field; expected one of: public_key, fingerprint, organisation, country, date"
                .into(),
        ));
    }
    let public_key = PublicKey::from_hex(required(map, "public_key")?)
        .map_err(|e| (".public_key".to_string(), e.to_string()))?;
    if let Some(shown) = string_field(map, "fingerprint")?
        && !public_key.has_fingerprint(shown)
    {
        return Err((
            ".fingerprint".into(),
            format!(
                "does not belong to the public key (its fingerprint is {})",
                public_key.fingerprint()
            ),
        ));
    }
    let organisation = plain("organisation", required(map, "organisation")?)?;
    let country = string_field(map, "country")?
        .map(|code| {
            Country::parse(code).map_err(|_| {
                (
                    ".country".to_string(),
                    format!("{code:?} is not an ISO 3166-1 code"),
                )
            })
        })
        .transpose()?;
    Ok(KeyEntry {
        public_key,
        organisation,
        country,
        confirmed: Confirmation::HostRegistry,
        date: date_field(map)?,
        note: None,
    })
}

fn revocation(item: &Value) -> Result<Revocation, (String, String)> {
    let Some(map) = item.as_object() else {
        return Err((String::new(), "must be an object { ... }".into()));
    };
    if let Some(extra) = map
        .keys()
        .find(|k| !matches!(k.as_str(), "fingerprint" | "reason" | "date"))
    {
        return Err((
            format!(".{extra}"),
            "unknown field; expected one of: fingerprint, reason, date".into(),
        ));
    }
    let text = required(map, "fingerprint")?;
    let fingerprint = Fingerprint::parse(text).ok_or_else(|| {
        (
            ".fingerprint".to_string(),
            format!("{text:?} is not a fingerprint (32 hex digits, or 16 for a legacy one)"),
        )
    })?;
    Ok(Revocation {
        fingerprint,
        reason: plain("reason", required(map, "reason")?)?,
        date: date_field(map)?,
    })
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

    fn registry_json() -> Value {
        serde_json::json!({
            "members": [
                { "public_key": key(1).to_hex(), "organisation": "ТОО Альфа", "country": "KZ", "date": "2026-01-15" },
            ],
            "revoked": [
                { "fingerprint": key(2).fingerprint().to_string(), "reason": "key lost", "date": "2026-06-01" },
            ],
        })
    }

    #[test]
    fn registry_members_are_trusted_and_revocations_win() {
        let registry = KeyRegistry::from_value("key_registry", &registry_json()).unwrap();
        let mut book = KeyBook::new();
        book.add(KeyEntry {
            public_key: key(2),
            organisation: "Beta".into(),
            country: None,
            confirmed: Confirmation::InPerson,
            date: date(),
            note: None,
        })
        .unwrap();
        let trust = Trust::new(&book, Some(&registry));
        assert!(
            matches!(trust.standing(&key(1), None), KeyStanding::Trusted(e) if e.confirmed == Confirmation::HostRegistry)
        );
        assert!(matches!(
            trust.standing(&key(2), None),
            KeyStanding::Revoked(_)
        ));
        let other = trust.standing(&key(1), Some(("Beta", None)));
        assert!(
            matches!(other, KeyStanding::OtherParty(_)),
            "a member's key on another's document"
        );
        let forged = trust.standing(&key(3), Some(("тоо альфа", Country::parse("KZ").ok())));
        assert!(
            forged.key_changed(),
            "a fresh key in a member's name is noticed"
        );
        assert!(!forged.is_trusted());
        assert_eq!(
            trust.standing(&key(3), None),
            KeyStanding::Unknown { party_keys: vec![] }
        );
    }

    #[test]
    fn first_use_is_not_trust() {
        let mut book = KeyBook::new();
        book.remember_first_use(key(4), "Gamma", None, date())
            .unwrap();
        let trust = Trust::new(&book, None);
        let standing = trust.standing(&key(4), Some(("Gamma", None)));
        assert!(matches!(standing, KeyStanding::FirstUse(_)));
        assert!(!standing.is_trusted());
    }

    #[test]
    fn bad_registries_name_the_field() {
        let mut bad = registry_json();
        bad["members"][0]["public_key"] = "abc".into();
        bad["revoked"][0]["fingerprint"] = "12".into();
        bad["extra"] = 1.into();
        let problems = KeyRegistry::from_value("key_registry", &bad).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert!(
            fields.contains(&"key_registry.members[0].public_key"),
            "{problems:?}"
        );
        assert!(
            fields.contains(&"key_registry.revoked[0].fingerprint"),
            "{problems:?}"
        );
        assert!(fields.contains(&"key_registry.extra"), "{problems:?}");

        let mut twice = registry_json();
        let first = twice["members"][0].clone();
        let mut renamed = first.clone();
        renamed["organisation"] = "Mallory".into();
        twice["members"] = Value::Array(vec![first, renamed]);
        let problems = KeyRegistry::from_value("key_registry", &twice).unwrap_err();
        assert_eq!(
            problems[0].0, "key_registry.members[1].public_key",
            "{problems:?}"
        );
    }
}

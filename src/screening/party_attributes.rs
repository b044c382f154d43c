//! Secondary attributes: what besides the name tells two parties apart.
//!
//! A name match between "Ivan Petrov" and a listed Ivan Petrov born in 1950
//! means little if the customer was born in 1991; a shared tax number means a
//! great deal whatever the name. Lists publish countries, dates of birth,
//! identifiers and addresses; where the query has the same attribute, the
//! comparison moves the score and is shown in the hit — never silently.

use crate::country::Country;
use crate::lang::Lang;

use super::list::{ListEntry, SubjectKind};
use super::normalize::NameKey;
use super::outcome::{Agreement, AttributeCheck, PartyDetails};

/// Score added when the country agrees.
pub(crate) const COUNTRY_AGREES: f32 = 0.03;
/// Score added (negative) when the list names countries and none is the query's.
pub(crate) const COUNTRY_CONFLICTS: f32 = -0.05;
/// Score added when a birth year agrees (±1 year: lists often say "circa").
pub(crate) const YEAR_AGREES: f32 = 0.05;
/// Score added (negative) when every listed birth year is more than a year off.
pub(crate) const YEAR_CONFLICTS: f32 = -0.10;
/// Score added when an identifier is the same.
pub(crate) const IDENTIFIER_AGREES: f32 = 0.20;
/// Score added when the address is the same.
pub(crate) const ADDRESS_AGREES: f32 = 0.05;
/// Address similarity from which two addresses are "the same".
pub(crate) const SAME_ADDRESS: f32 = 0.8;

/// An identifier reduced for comparison: its digits when it has five or more
/// (`INN 7706107510`, `7706107510`, `IMO 9187629`), else its letters and
/// digits uppercased. `None` when too short to mean anything.
pub(crate) fn identifier_key(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 5 {
        return Some(digits);
    }
    let alnum: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    (alnum.chars().count() >= 6).then_some(alnum)
}

/// Four-digit years 1900–2099 in the published birth dates.
pub(crate) fn birth_years(entry: &ListEntry) -> Vec<i32> {
    let mut years = Vec::new();
    for date in &entry.birth_dates {
        let chars: Vec<char> = date.chars().collect();
        for window in chars.windows(4) {
            if window.iter().all(char::is_ascii_digit) {
                let year: String = window.iter().collect();
                if let Ok(y) = year.parse::<i32>()
                    && (1900..2100).contains(&y)
                    && !years.contains(&y)
                {
                    years.push(y);
                }
            }
        }
    }
    years
}

/// The ISO code of a country as a list writes it ("RU", "Russia",
/// "Russian Federation"), when it can be told.
pub(crate) fn country_code(value: &str) -> Option<&'static str> {
    let value = value.trim();
    if value.len() == 2
        && let Ok(c) = Country::parse(&value.to_ascii_uppercase())
    {
        return Some(c.code());
    }
    if let Some(c) = Country::all().find(|c| c.name(Lang::En).eq_ignore_ascii_case(value)) {
        return Some(c.code());
    }
    match Country::search(value, Lang::En).as_slice() {
        [only] => Some(only.code()),
        _ => None,
    }
}

/// Address keys: the name pipeline's keys (numbers kept, folded, phonetic).
pub(crate) fn address_key(address: &str) -> Vec<String> {
    NameKey::of(address).tokens
}

/// Share of `a`'s and `b`'s keys that the other has (Dice over key sets);
/// 0 unless a number (house, postcode) is among the shared keys, because
/// "Moscow, Russia" is not an address anyone shares meaningfully.
pub(crate) fn address_similarity(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared: Vec<&String> = a.iter().filter(|k| b.contains(k)).collect();
    let has_number = shared.iter().any(|k| k.chars().any(|c| c.is_ascii_digit()));
    if !has_number || shared.len() < 3 {
        return 0.0;
    }
    2.0 * shared.len() as f32 / (a.len() + b.len()) as f32
}

/// Compares what the query knows with what the entry publishes.
pub(crate) fn compare(entry: &ListEntry, details: &PartyDetails) -> Vec<AttributeCheck> {
    let mut checks = Vec::new();
    if let Some(query) = details.country.as_deref().filter(|c| !c.trim().is_empty()) {
        let query_code = country_code(query);
        let listed: Vec<(&str, Option<&str>)> = entry
            .countries
            .iter()
            .map(|c| (c.as_str(), country_code(c)))
            .collect();
        let known: Vec<&(&str, Option<&str>)> =
            listed.iter().filter(|(_, c)| c.is_some()).collect();
        if let Some(q) = query_code
            && !known.is_empty()
        {
            let agreeing = known.iter().find(|(_, c)| *c == Some(q));
            checks.push(match agreeing {
                Some((name, _)) => AttributeCheck {
                    attribute: "country",
                    query: query.to_string(),
                    listed: (*name).to_string(),
                    agreement: Agreement::Agrees,
                    adjustment: COUNTRY_AGREES,
                },
                None => AttributeCheck {
                    attribute: "country",
                    query: query.to_string(),
                    listed: entry.countries.join("; "),
                    agreement: Agreement::Conflicts,
                    adjustment: COUNTRY_CONFLICTS,
                },
            });
        }
    }
    if let Some(year) = details.birth_year {
        let years = birth_years(entry);
        if !years.is_empty() {
            let close = years.iter().find(|y| (*y - year).abs() <= 1);
            let (agreement, adjustment) = match close {
                Some(_) => (Agreement::Agrees, YEAR_AGREES),
                // A company's registration year is not a birth date: only a
                // person's listed year may count against a match.
                None if entry.kind == SubjectKind::Person => (Agreement::Conflicts, YEAR_CONFLICTS),
                None => (Agreement::Conflicts, 0.0),
            };
            checks.push(AttributeCheck {
                attribute: "birth year",
                query: year.to_string(),
                listed: close
                    .map(|y| y.to_string())
                    .unwrap_or_else(|| entry.birth_dates.join("; ")),
                agreement,
                adjustment,
            });
        }
    }
    for query in &details.identifiers {
        let Some(q) = identifier_key(query) else {
            continue;
        };
        if let Some(id) = entry
            .identifiers
            .iter()
            .find(|id| identifier_key(&id.number).as_deref() == Some(q.as_str()))
        {
            checks.push(AttributeCheck {
                attribute: "identifier",
                query: query.clone(),
                listed: format!("{} {}", id.kind, id.number),
                agreement: Agreement::Agrees,
                adjustment: IDENTIFIER_AGREES,
            });
        }
    }
    if let Some(address) = details.address.as_deref() {
        let q = address_key(address);
        let best = entry
            .addresses
            .iter()
            .map(|a| (a, address_similarity(&q, &address_key(a))))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((listed, sim)) = best
            && sim >= SAME_ADDRESS
        {
            checks.push(AttributeCheck {
                attribute: "address",
                query: address.to_string(),
                listed: listed.clone(),
                agreement: Agreement::Agrees,
                adjustment: ADDRESS_AGREES,
            });
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::screening::list::Identifier;

    fn entry() -> ListEntry {
        ListEntry {
            id: "1".into(),
            kind: SubjectKind::Person,
            countries: vec!["Russia".into()],
            birth_dates: vec!["DOB 12 Mar 1965".into()],
            identifiers: vec![Identifier {
                kind: "Tax ID No.".into(),
                number: "770610751012".into(),
            }],
            addresses: vec!["d. 12 ul. Tverskaya, Moscow, 125009, RU".into()],
            ..ListEntry::default()
        }
    }

    #[test]
    fn agreeing_attributes_raise_and_conflicting_lower() {
        let details = PartyDetails {
            country: Some("RU".into()),
            birth_year: Some(1966),
            identifiers: vec!["INN 7706-1075-1012".into()],
            address: Some("Moscow, Tverskaya ul. 12, 125009".into()),
        };
        let checks = compare(&entry(), &details);
        let kinds: Vec<_> = checks.iter().map(|c| (c.attribute, c.agreement)).collect();
        assert_eq!(
            kinds,
            vec![
                ("country", Agreement::Agrees),
                ("birth year", Agreement::Agrees),
                ("identifier", Agreement::Agrees),
                ("address", Agreement::Agrees),
            ]
        );
        let other = PartyDetails {
            country: Some("KZ".into()),
            birth_year: Some(1991),
            ..PartyDetails::default()
        };
        let checks = compare(&entry(), &other);
        assert!(
            checks
                .iter()
                .all(|c| c.agreement == Agreement::Conflicts && c.adjustment < 0.0)
        );
    }

    #[test]
    fn city_and_country_alone_are_not_a_shared_address() {
        assert_eq!(
            address_similarity(
                &address_key("Moscow, Russia"),
                &address_key("Moscow, Russia")
            ),
            0.0
        );
    }

    #[test]
    fn identifiers_compare_by_digits() {
        assert_eq!(identifier_key("IMO 9187629"), identifier_key("9187629"));
        assert_eq!(identifier_key("12"), None);
    }
}

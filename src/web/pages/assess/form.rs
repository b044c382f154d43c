//! The questionnaire's state: the typed transaction plus the raw text behind it.
//!
//! The risk engine only understands typed answers (an [`HsCode`], a
//! [`Country`]), but a person types `8542.3` on the way to `8542.31`. Losing
//! that text to a failed parse, a step change or a reload would break the
//! promise that nothing typed is lost, so every parsed text field keeps what
//! was typed in [`Form::raw`], keyed by its path (`goods.0.hs`). The typed
//! value is updated only when the text parses; otherwise it becomes unknown
//! and the field shows how to fix the text.
//!
//! In a draft the answers are the serialised [`Transaction`] with one extra
//! member, [`RAW_KEY`], holding the raw texts; stripping that member gives a
//! document the CLI reads as is.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use enduse::country::Country;
use enduse::hs::HsCode;
use enduse::model::{Answer, Currency, Fact, GoodsLine, Party, PartyRef, Transaction};
use serde_json::Value;

/// The member of a draft's answers that carries the raw texts.
pub const RAW_KEY: &str = "ui_input";

/// Raw keys of yes/no/unknown questions that only the questionnaire asks
/// (the model stores their consequence, not the question itself).
pub mod flag {
    /// "The consignee is the buyer": the consignee mirrors the buyer.
    pub const CONSIGNEE_SAME: &str = "parties.consignee_same";
    /// "Is there an intermediary?"
    pub const HAS_INTERMEDIARIES: &str = "parties.has_intermediaries";
    /// "Do the goods cross other countries?"
    pub const HAS_TRANSIT: &str = "shipment.has_transit";
    /// "Is a freight forwarder engaged?"
    pub const HAS_FORWARDER: &str = "shipment.has_forwarder";
    /// Intermediaries set aside by answering "no", restored by "yes" (JSON).
    pub const STASH_INTERMEDIARIES: &str = "parties.intermediaries_set_aside";
    /// The forwarder set aside by answering "no", restored by "yes" (JSON).
    pub const STASH_FORWARDER: &str = "shipment.freight_forwarder_set_aside";
}

/// Raw key of the declaration chain file the draft's hops were taken from
/// ("Use this chain"): kept so the chain view can show each hop's
/// declaration status after a reload; it is re-verified every time.
pub const CHAIN_FILE: &str = "chain.declarations";

/// Everything the questionnaire holds for one draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    /// The typed answers the engine evaluates.
    pub tx: Transaction,
    /// What was typed into parsed fields and the questionnaire-only flags, by path.
    pub raw: BTreeMap<String, String>,
}

/// Why a draft's answers could not be opened. The draft is then left untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError(pub String);

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Form {
    /// Reads a draft's answers (`{}` for a new draft).
    pub fn from_answers(answers: &Value) -> Result<Form, FormError> {
        let mut object = match answers {
            Value::Object(map) => map.clone(),
            Value::Null => serde_json::Map::new(),
            _ => return Err(FormError("the answers are not a JSON object".into())),
        };
        let raw = match object.remove(RAW_KEY) {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(Value::Object(map)) => map
                .into_iter()
                .filter_map(|(k, v)| match v {
                    Value::String(s) => Some((k, s)),
                    _ => None,
                })
                .collect(),
            Some(_) => {
                return Err(FormError(format!(
                    "\"{RAW_KEY}\" must be an object of texts"
                )));
            }
        };
        let text = Value::Object(object).to_string();
        let tx = Transaction::from_json(&text).map_err(|e| FormError(e.to_string()))?;
        Ok(Form { tx, raw })
    }

    /// The answers to store: the transaction plus the raw texts.
    pub fn to_answers(&self) -> Value {
        let mut value = serde_json::to_value(&self.tx).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value
            && !self.raw.is_empty()
        {
            let raw = self
                .raw
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            map.insert(RAW_KEY.to_string(), Value::Object(raw));
        }
        value
    }

    /// The raw text at `key`, if any.
    pub fn raw(&self, key: &str) -> Option<&str> {
        self.raw.get(key).map(String::as_str)
    }

    /// Records typed text (an empty text removes the entry).
    pub fn set_raw(&mut self, key: &str, text: &str) {
        if text.is_empty() {
            self.raw.remove(key);
        } else {
            self.raw.insert(key.to_string(), text.to_string());
        }
    }

    /// A questionnaire-only yes/no/unknown flag.
    pub fn flag(&self, key: &str) -> Answer {
        match self.raw(key) {
            Some("yes") => Answer::Yes,
            Some("no") => Answer::No,
            _ => Answer::Unknown,
        }
    }

    /// Sets a questionnaire-only flag.
    pub fn set_flag(&mut self, key: &str, answer: Answer) {
        match answer {
            Answer::Unknown => {
                self.raw.remove(key);
            }
            known => {
                self.raw.insert(key.to_string(), known.as_str().to_string());
            }
        }
    }

    /// Applies the consequences of the questionnaire-only flags to the
    /// transaction; call after every change so the two never disagree.
    pub fn sync(&mut self) {
        if self.flag(flag::CONSIGNEE_SAME) == Answer::Yes {
            self.tx.parties.consignee = self.tx.parties.buyer.clone();
        }
        if self.flag(flag::HAS_TRANSIT) == Answer::No {
            self.tx.shipment.transit_countries = Fact::Known(Vec::new());
        }
    }

    /// Whether the transit question is answered "yes": from the flag, or
    /// from countries already listed (an imported document has no flags).
    pub fn has_transit(&self) -> Answer {
        match (
            &self.tx.shipment.transit_countries,
            self.flag(flag::HAS_TRANSIT),
        ) {
            (Fact::Known(list), _) if !list.is_empty() => Answer::Yes,
            (Fact::Known(_), Answer::Unknown) => Answer::No,
            (_, flag) => flag,
        }
    }

    /// Whether there are intermediaries, with the same reading as [`Form::has_transit`].
    pub fn has_intermediaries(&self) -> Answer {
        if self.tx.parties.intermediaries.is_empty() {
            self.flag(flag::HAS_INTERMEDIARIES)
        } else {
            Answer::Yes
        }
    }

    /// Whether a forwarder is engaged.
    pub fn has_forwarder(&self) -> Answer {
        if self.tx.shipment.freight_forwarder.is_some() {
            Answer::Yes
        } else {
            self.flag(flag::HAS_FORWARDER)
        }
    }

    /// The party behind a reference.
    pub fn party(&self, who: PartyRef) -> Option<&Party> {
        self.tx.party(who)
    }

    /// The party behind a reference, for editing.
    pub fn party_mut(&mut self, who: PartyRef) -> Option<&mut Party> {
        let p = &mut self.tx.parties;
        match who {
            PartyRef::Buyer => Some(&mut p.buyer),
            PartyRef::Consignee => Some(&mut p.consignee),
            PartyRef::EndUser => Some(&mut p.end_user),
            PartyRef::Intermediary(i) => p.intermediaries.get_mut(i),
            PartyRef::FreightForwarder => self.tx.shipment.freight_forwarder.as_mut(),
        }
    }

    /// Answers "is there an intermediary?". "No" sets typed intermediaries
    /// aside (kept in the draft) instead of deleting them; "yes" brings them back.
    pub fn set_has_intermediaries(&mut self, answer: Answer) {
        self.set_flag(flag::HAS_INTERMEDIARIES, answer);
        let list = &mut self.tx.parties.intermediaries;
        if answer == Answer::Yes {
            if list.is_empty() {
                let restored: Vec<Party> = self
                    .raw
                    .remove(flag::STASH_INTERMEDIARIES)
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default();
                *list = restored;
                if list.is_empty() {
                    list.push(Party::default());
                }
            }
        } else if !list.is_empty() {
            if let Ok(json) = serde_json::to_string(&list) {
                self.raw
                    .insert(flag::STASH_INTERMEDIARIES.to_string(), json);
            }
            list.clear();
        }
    }

    /// Answers "is a forwarder engaged?", setting a typed forwarder aside on "no" as above.
    pub fn set_has_forwarder(&mut self, answer: Answer) {
        self.set_flag(flag::HAS_FORWARDER, answer);
        if answer == Answer::Yes {
            if self.tx.shipment.freight_forwarder.is_none() {
                let restored = self
                    .raw
                    .remove(flag::STASH_FORWARDER)
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default();
                self.tx.shipment.freight_forwarder = Some(restored);
            }
        } else if let Some(party) = self.tx.shipment.freight_forwarder.take()
            && let Ok(json) = serde_json::to_string(&party)
        {
            self.raw.insert(flag::STASH_FORWARDER.to_string(), json);
        }
    }

    /// Removes item `index` of the list whose raw keys start with `list.`
    /// (`goods`, `intermediary`), renumbering the raw texts of later items.
    pub fn remove_raw_item(&mut self, list: &str, index: usize) {
        self.renumber(list, |i| match i.cmp(&index) {
            std::cmp::Ordering::Less => Some(i),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(i - 1),
        });
    }

    /// Copies the raw texts of item `index` to a new item right after it,
    /// renumbering later items (for "duplicate line").
    pub fn duplicate_raw_item(&mut self, list: &str, index: usize) {
        let copies: Vec<(String, String)> = self
            .raw
            .iter()
            .filter_map(|(k, v)| {
                let (i, field) = split_item_key(k, list)?;
                (i == index).then(|| (format!("{list}.{}.{field}", index + 1), v.clone()))
            })
            .collect();
        self.renumber(list, |i| Some(if i > index { i + 1 } else { i }));
        self.raw.extend(copies);
    }

    /// Exchanges the raw texts of items `a` and `b` of `list` (for "move up/down").
    pub fn swap_raw_items(&mut self, list: &str, a: usize, b: usize) {
        self.renumber(list, |i| {
            Some(if i == a {
                b
            } else if i == b {
                a
            } else {
                i
            })
        });
    }

    fn renumber(&mut self, list: &str, map: impl Fn(usize) -> Option<usize>) {
        let old = std::mem::take(&mut self.raw);
        for (key, value) in old {
            match split_item_key(&key, list) {
                Some((i, field)) => {
                    if let Some(j) = map(i) {
                        self.raw.insert(format!("{list}.{j}.{field}"), value);
                    }
                }
                None => {
                    self.raw.insert(key, value);
                }
            }
        }
    }
}

/// Splits `goods.3.hs` into `(3, "hs")` when it belongs to `list`.
fn split_item_key<'k>(key: &'k str, list: &str) -> Option<(usize, &'k str)> {
    let rest = key.strip_prefix(list)?.strip_prefix('.')?;
    let (index, field) = rest.split_once('.')?;
    Some((index.parse().ok()?, field))
}

/// Parses a quantity or amount as people type it: spaces and thin spaces as
/// thousands separators, a comma or a dot as the decimal mark.
pub fn parse_number(text: &str) -> Result<Fact<f64>, NumberError> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return Ok(Fact::Unknown);
    }
    match cleaned.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(Fact::Known(n)),
        Ok(_) => Err(NumberError::OutOfRange),
        Err(_) => Err(NumberError::NotANumber),
    }
}

/// Why a number field does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Letters or several decimal marks.
    NotANumber,
    /// Below zero, or too large to be a real quantity.
    OutOfRange,
}

/// Parses an HS code field; empty is unknown.
pub fn parse_hs(text: &str) -> Result<Fact<HsCode>, enduse::hs::HsError> {
    if text.trim().is_empty() {
        Ok(Fact::Unknown)
    } else {
        HsCode::parse(text).map(Fact::Known)
    }
}

/// Parses a currency field; empty is unknown.
pub fn parse_currency(text: &str) -> Result<Fact<Currency>, enduse::model::UnknownCurrency> {
    if text.trim().is_empty() {
        Ok(Fact::Unknown)
    } else {
        Currency::parse(text).map(Fact::Known)
    }
}

/// Parses a country code field; empty is unknown.
pub fn parse_country(text: &str) -> Result<Fact<Country>, enduse::country::UnknownCountry> {
    if text.trim().is_empty() {
        Ok(Fact::Unknown)
    } else {
        Country::parse(text).map(Fact::Known)
    }
}

/// Parses the value of an `<input type=date>` (`YYYY-MM-DD`); empty is unknown.
pub fn parse_date(text: &str) -> Result<Fact<NaiveDate>, chrono::ParseError> {
    if text.trim().is_empty() {
        Ok(Fact::Unknown)
    } else {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map(Fact::Known)
    }
}

/// A problem in one pasted spreadsheet row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteProblem {
    /// 1-based line of the pasted text.
    pub line: usize,
    /// Which column is wrong.
    pub column: PasteColumn,
    /// The cell as pasted.
    pub text: String,
}

/// The columns of a pasted goods row, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteColumn {
    /// HS code.
    Hs,
    /// Quantity.
    Quantity,
    /// Line value.
    Value,
    /// Currency.
    Currency,
    /// Country of origin.
    Origin,
}

/// One pasted row: the typed line and the raw texts of its parsed cells.
#[derive(Debug, Clone, PartialEq)]
pub struct PastedLine {
    /// What could be read.
    pub line: GoodsLine,
    /// Cell texts by field name (`hs`, `quantity`, `value`, `currency`), as pasted.
    pub raw: Vec<(&'static str, String)>,
}

/// Reads rows copied from a spreadsheet: tab-separated HS code, description,
/// quantity, unit, value, currency, origin (trailing columns may be missing).
/// Every non-blank row becomes a line — cells that do not parse stay as typed
/// text on the line — and each such cell is reported.
pub fn parse_pasted(text: &str) -> (Vec<PastedLine>, Vec<PasteProblem>) {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for (n, row) in text.lines().enumerate() {
        if row.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = row.split('\t').map(str::trim).collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("");
        let mut problem = |column: PasteColumn, text: &str| {
            problems.push(PasteProblem {
                line: n + 1,
                column,
                text: text.to_string(),
            })
        };
        let mut line = GoodsLine {
            description: cell(1).to_string(),
            unit: cell(3).to_string(),
            ..GoodsLine::default()
        };
        let mut raw = Vec::new();
        for (field, column, index) in [
            ("hs", PasteColumn::Hs, 0),
            ("quantity", PasteColumn::Quantity, 2),
            ("value", PasteColumn::Value, 4),
            ("currency", PasteColumn::Currency, 5),
        ] {
            let text = cell(index);
            if text.is_empty() {
                continue;
            }
            raw.push((field, text.to_string()));
            let ok = match column {
                PasteColumn::Hs => parse_hs(text).map(|v| line.hs = v).is_ok(),
                PasteColumn::Quantity => parse_number(text).map(|v| line.quantity = v).is_ok(),
                PasteColumn::Value => parse_number(text).map(|v| line.value = v).is_ok(),
                _ => parse_currency(text).map(|v| line.currency = v).is_ok(),
            };
            if !ok {
                problem(column, text);
            }
        }
        match parse_country(cell(6)) {
            Ok(origin) => line.origin = origin,
            Err(_) => problem(PasteColumn::Origin, cell(6)),
        }
        lines.push(PastedLine { line, raw });
    }
    (lines, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_texts_survive_a_round_trip_and_stay_out_of_the_transaction() {
        let mut form = Form::default();
        form.set_raw("goods.0.hs", "8542.3x");
        let answers = form.to_answers();
        assert_eq!(answers[RAW_KEY]["goods.0.hs"], "8542.3x");
        let back = Form::from_answers(&answers).unwrap();
        assert_eq!(back, form);
        let mut plain = answers.clone();
        plain.as_object_mut().unwrap().remove(RAW_KEY);
        assert!(Transaction::from_json(&plain.to_string()).is_ok());
    }

    #[test]
    fn removing_and_duplicating_items_renumber_raw_texts() {
        let mut form = Form::default();
        form.set_raw("goods.0.hs", "a");
        form.set_raw("goods.1.hs", "b");
        form.set_raw("goods.2.hs", "c");
        form.set_raw("payment.currency", "eu");
        form.remove_raw_item("goods", 1);
        assert_eq!(form.raw("goods.1.hs"), Some("c"));
        assert_eq!(form.raw("goods.2.hs"), None);
        form.swap_raw_items("goods", 0, 1);
        assert_eq!(form.raw("goods.0.hs"), Some("c"));
        assert_eq!(form.raw("goods.1.hs"), Some("a"));
        form.swap_raw_items("goods", 0, 1);
        form.duplicate_raw_item("goods", 0);
        assert_eq!(form.raw("goods.0.hs"), Some("a"));
        assert_eq!(form.raw("goods.1.hs"), Some("a"));
        assert_eq!(form.raw("goods.2.hs"), Some("c"));
        assert_eq!(form.raw("payment.currency"), Some("eu"));
    }

    #[test]
    fn flags_drive_the_transaction() {
        let mut form = Form::default();
        form.tx.parties.buyer.name = "Steppe Trade".into();
        form.set_flag(flag::CONSIGNEE_SAME, Answer::Yes);
        form.set_flag(flag::HAS_TRANSIT, Answer::No);
        form.sync();
        assert_eq!(form.tx.parties.consignee.name, "Steppe Trade");
        assert_eq!(form.tx.shipment.transit_countries, Fact::Known(vec![]));
        assert_eq!(form.has_transit(), Answer::No);
        form.set_has_forwarder(Answer::Yes);
        form.party_mut(PartyRef::FreightForwarder).unwrap().name = "Fast Cargo".into();
        form.set_has_forwarder(Answer::No);
        assert!(form.tx.shipment.freight_forwarder.is_none());
        form.set_has_forwarder(Answer::Yes);
        assert_eq!(
            form.tx
                .shipment
                .freight_forwarder
                .as_ref()
                .map(|p| p.name.as_str()),
            Some("Fast Cargo")
        );
        form.set_has_intermediaries(Answer::Yes);
        assert_eq!(form.tx.parties.intermediaries.len(), 1);
        form.tx.parties.intermediaries[0].name = "Gulf Links".into();
        form.set_has_intermediaries(Answer::No);
        assert!(form.tx.parties.intermediaries.is_empty());
        form.set_has_intermediaries(Answer::Yes);
        assert_eq!(form.tx.parties.intermediaries[0].name, "Gulf Links");
    }

    #[test]
    fn pasted_rows_become_lines_and_bad_cells_are_reported() {
        let text = "8542.31\tMCU\t5 000\tpcs\t42000,50\tEUR\tDE\n\n85x\tCaps\tmany\tpcs\t10\tEURO\tZZ\n8471.50\tCPU";
        let (lines, problems) = parse_pasted(text);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].line.quantity, Fact::Known(5000.0));
        assert_eq!(lines[0].line.origin.known().map(|c| c.code()), Some("DE"));
        assert_eq!(lines[1].line.description, "Caps");
        assert!(lines[1].line.hs.is_unknown());
        assert!(lines[1].raw.contains(&("hs", "85x".to_string())));
        let cols: Vec<(usize, PasteColumn)> = problems.iter().map(|p| (p.line, p.column)).collect();
        assert_eq!(
            cols,
            vec![
                (3, PasteColumn::Hs),
                (3, PasteColumn::Quantity),
                (3, PasteColumn::Currency),
                (3, PasteColumn::Origin)
            ]
        );
        assert!(lines[2].line.quantity.is_unknown());
    }

    #[test]
    fn numbers_parse_as_typed() {
        assert_eq!(parse_number("1 234,5"), Ok(Fact::Known(1234.5)));
        assert_eq!(parse_number(""), Ok(Fact::Unknown));
        assert_eq!(parse_number("12kg"), Err(NumberError::NotANumber));
        assert_eq!(parse_number("-3"), Err(NumberError::OutOfRange));
        assert_eq!(parse_number("inf"), Err(NumberError::OutOfRange));
    }

    #[test]
    fn bad_answers_are_refused_with_a_reason() {
        assert!(Form::from_answers(&Value::from(3)).is_err());
        let err = Form::from_answers(&serde_json::json!({"goods": [{"hs": "85"}]})).unwrap_err();
        assert!(err.0.contains("digits"), "{err}");
    }
}

//! Explanation templates: text with `{fact.path}` placeholders, parsed at load time.
//!
//! Parsing up front means a misspelt placeholder is a load error with a
//! position, not a literal "{buyer.nmae}" in a report sent to a bank.

use serde::{Deserialize, Serialize};

use super::facts::{FactPath, HopField, LineField, PartyField, PartySelector};

/// One placeholder in a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Placeholder {
    /// A transaction-wide or fixed-party fact (`{buyer.name}`).
    Fact(FactPath),
    /// `{matched.line.X}`: a field of the first goods line that matched.
    MatchedLine(LineField),
    /// `{matched.party.X}`: a field of the first party that matched.
    MatchedParty(PartyField),
    /// `{matched.hop.X}`: a field of the first hop that matched.
    MatchedHop(HopField),
    /// `{matched.hops}`: all matched hops, numbered, with party and country.
    MatchedHops,
    /// `{matched.hs}`: HS codes of all matched lines.
    MatchedHs,
    /// `{matched.parties}`: all matched parties.
    MatchedParties,
    /// `{matched.list}`: title of the HS list that matched.
    MatchedList,
    /// `{matched.tier}`: label of the HS tier that matched.
    MatchedTier,
}

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Piece {
    /// Text copied as is.
    Literal(String),
    /// A value filled in at evaluation.
    Hole(Placeholder),
}

/// What the rule's condition offers for `{matched.*}` placeholders.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bindings {
    /// The condition has an `any_line`.
    pub line: bool,
    /// The condition has an `any_party`.
    pub party: bool,
    /// The condition has an `in_hs_list`.
    pub hs_list: bool,
    /// The condition has an `any_hop`.
    pub hop: bool,
}

/// Why a template is malformed; `offset` is a byte offset into the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset of the problem within the template text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// A parsed explanation template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// The pieces in order.
    pub pieces: Vec<Piece>,
}

impl Template {
    /// Parses `text`, checking every placeholder against the vocabulary and `bindings`.
    pub fn parse(text: &str, bindings: Bindings) -> Result<Template, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text.char_indices().peekable();
        while let Some((i, c)) = rest.next() {
            match c {
                '{' if rest.peek().map(|p| p.1) == Some('{') => {
                    rest.next();
                    literal.push('{');
                }
                '}' if rest.peek().map(|p| p.1) == Some('}') => {
                    rest.next();
                    literal.push('}');
                }
                '}' => {
                    return Err(TemplateError {
                        offset: i,
                        message: "unmatched '}' in template (write '}}' for a literal brace)"
                            .into(),
                    });
                }
                '{' => {
                    let start = i + 1;
                    let mut end = None;
                    for (j, d) in rest.by_ref() {
                        if d == '}' {
                            end = Some(j);
                            break;
                        }
                    }
                    let end = end.ok_or_else(|| TemplateError {
                        offset: i,
                        message: "unclosed '{' in template (write '{{' for a literal brace)".into(),
                    })?;
                    let name = text.get(start..end).unwrap_or("").trim();
                    let hole = placeholder(name, bindings)
                        .map_err(|message| TemplateError { offset: i, message })?;
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Hole(hole));
                }
                _ => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        Ok(Template { pieces })
    }
}

fn placeholder(name: &str, bindings: Bindings) -> Result<Placeholder, String> {
    let need = |ok: bool, what: &str| {
        if ok {
            Ok(())
        } else {
            Err(format!(
                "placeholder {{{name}}} needs the rule's condition to contain {what}"
            ))
        }
    };
    if let Some(field) = name.strip_prefix("matched.line.") {
        need(bindings.line, "any_line")?;
        return match FactPath::parse(&format!("line.{field}")) {
            Ok(FactPath::Line(f)) => Ok(Placeholder::MatchedLine(f)),
            _ => Err(format!(
                "unknown goods-line field in placeholder {{{name}}}"
            )),
        };
    }
    if let Some(field) = name.strip_prefix("matched.party.") {
        need(bindings.party, "any_party")?;
        return match FactPath::parse(&format!("party.{field}")) {
            Ok(FactPath::Party(_, f)) => Ok(Placeholder::MatchedParty(f)),
            _ => Err(format!("unknown party field in placeholder {{{name}}}")),
        };
    }
    if let Some(field) = name.strip_prefix("matched.hop.") {
        need(bindings.hop, "any_hop")?;
        return match FactPath::parse(&format!("hop.{field}")) {
            Ok(FactPath::Hop(f)) => Ok(Placeholder::MatchedHop(f)),
            _ => Err(format!("unknown hop field in placeholder {{{name}}}")),
        };
    }
    match name {
        "matched.hops" => need(bindings.hop, "any_hop").map(|()| Placeholder::MatchedHops),
        "matched.hs" => need(bindings.line, "any_line").map(|()| Placeholder::MatchedHs),
        "matched.parties" => {
            need(bindings.party, "any_party").map(|()| Placeholder::MatchedParties)
        }
        "matched.list" => need(bindings.hs_list, "in_hs_list").map(|()| Placeholder::MatchedList),
        "matched.tier" => need(bindings.hs_list, "in_hs_list").map(|()| Placeholder::MatchedTier),
        _ => match FactPath::parse(name) {
            Ok(FactPath::Line(_))
            | Ok(FactPath::Hop(_))
            | Ok(FactPath::Party(PartySelector::Current, _)) => Err(format!(
                "placeholder {{{name}}} has no single value; use {{matched.line.…}}, {{matched.party.…}} or {{matched.hop.…}}"
            )),
            Ok(path) => Ok(Placeholder::Fact(path)),
            Err(e) => Err(format!("{e} in placeholder")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::facts::TopFact;

    const ALL: Bindings = Bindings {
        line: true,
        party: true,
        hs_list: true,
        hop: true,
    };

    #[test]
    fn parses_placeholders_and_escapes() {
        let t =
            Template::parse("To {shipment.destination} {{sic}} via {matched.hs}.", ALL).unwrap();
        assert_eq!(
            t.pieces,
            vec![
                Piece::Literal("To ".into()),
                Piece::Hole(Placeholder::Fact(FactPath::Top(TopFact::Destination))),
                Piece::Literal(" {sic} via ".into()),
                Piece::Hole(Placeholder::MatchedHs),
                Piece::Literal(".".into()),
            ]
        );
    }

    #[test]
    fn rejects_bad_placeholders() {
        assert_eq!(
            Template::parse("a {buyer.nmae}", ALL).unwrap_err().offset,
            2
        );
        assert!(Template::parse("{matched.hs}", Bindings::default()).is_err());
        assert!(Template::parse("{line.hs}", ALL).is_err());
        assert!(Template::parse("{party.name}", ALL).is_err());
        assert!(Template::parse("oops {", ALL).is_err());
        assert!(Template::parse("oops }", ALL).is_err());
        assert!(Template::parse("{matched.party.colour}", ALL).is_err());
        assert!(Template::parse("{matched.party.country} ok", ALL).is_ok());
        assert!(Template::parse("{hop.country}", ALL).is_err());
        assert!(Template::parse("{matched.hops}", Bindings::default()).is_err());
        assert!(Template::parse("{matched.hop.esf} {matched.hops}", ALL).is_ok());
    }
}

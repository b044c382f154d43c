//! A fact of one transaction, by where it lives: the buyer's country, goods
//! line 3's HS code, hop 2's role.
//!
//! Findings name the answers that triggered them and missing information
//! names the questions to ask, often a hundred or more per evaluation, and
//! the web app evaluates on every keystroke. A `Located` is two small
//! integers: it writes its machine path (`goods.2.hs`) and its English label
//! ("Goods line 3: HS code") only when someone reads them, so an evaluation
//! allocates no text for the facts it reports.

use std::fmt::{self, Write as _};

use serde::{Serialize, Serializer};

use crate::model::PartyRef;
use crate::ruleset::facts::{HopField, LineField, PartyField, TopFact};

// `order_key` gives a field 18 bits and an index 64.
const _: () = assert!(
    TopFact::ALL.len() < 1 << 18
        && PartyField::ALL.len() < 1 << 18
        && LineField::ALL.len() < 1 << 18
        && HopField::ALL.len() < 1 << 18
        && usize::BITS <= 64
);

/// A fact located in one transaction: which party, which goods line, which hop.
///
/// Ordered as the enum reads: transaction-wide facts, then the parties in
/// chain order, then goods lines, then hops; by index, then field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Located {
    /// A transaction-wide fact.
    Top(TopFact),
    /// A fact of one party.
    Party(PartyRef, PartyField),
    /// A fact of one goods line (zero-based index).
    Line(usize, LineField),
    /// A fact of one hop of the chain (zero-based index).
    Hop(usize, HopField),
}

impl Located {
    /// The enum's order as one integer, for sorting many facts at once:
    /// variant (bits 117..), party rank (114..), index (50..114), field
    /// (32..50). The low 32 bits are zero, so that a sequence number below
    /// 2^32 can be added to break ties in one integer comparison.
    pub(crate) fn order_key(self) -> u128 {
        let pack = |variant: u128, rank: u128, index: usize, field: u128| {
            (variant << 117) | (rank << 114) | ((index as u128) << 50) | (field << 32)
        };
        match self {
            Located::Top(t) => pack(0, 0, 0, t as u128),
            Located::Party(r, f) => {
                let (rank, index) = match r {
                    PartyRef::Buyer => (0, 0),
                    PartyRef::Consignee => (1, 0),
                    PartyRef::EndUser => (2, 0),
                    PartyRef::Intermediary(i) => (3, i),
                    PartyRef::FreightForwarder => (4, 0),
                };
                pack(1, rank, index, f as u128)
            }
            Located::Line(i, f) => pack(2, 0, i, f as u128),
            Located::Hop(i, f) => pack(3, 0, i, f as u128),
        }
    }

    /// The machine-readable path: `buyer.country`, `intermediary.0.established`, `goods.2.hs`.
    pub fn path(self) -> String {
        self.to_string()
    }

    /// An English label for people ("Intermediary 1: date of incorporation");
    /// the web app translates by [`Located::path`] instead.
    pub fn label(self) -> String {
        let mut out = String::new();
        let _ = self.write_label(&mut out);
        out
    }

    fn write_label(self, out: &mut impl fmt::Write) -> fmt::Result {
        match self {
            Located::Top(t) => out.write_str(t.label()),
            Located::Party(r, f) => {
                match r {
                    PartyRef::Buyer => out.write_str("Buyer")?,
                    PartyRef::Consignee => out.write_str("Consignee")?,
                    PartyRef::EndUser => out.write_str("End user")?,
                    PartyRef::Intermediary(i) => write!(out, "Intermediary {}", i + 1)?,
                    PartyRef::FreightForwarder => out.write_str("Freight forwarder")?,
                }
                write!(out, ": {}", f.label())
            }
            Located::Line(i, f) => write!(out, "Goods line {}: {}", i + 1, f.label()),
            Located::Hop(i, f) => write!(out, "Hop {}: {}", i + 1, f.label()),
        }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Located::Top(t) => out.write_str(t.name()),
            Located::Party(r, f) => {
                match r {
                    PartyRef::Buyer => out.write_str("buyer")?,
                    PartyRef::Consignee => out.write_str("consignee")?,
                    PartyRef::EndUser => out.write_str("end_user")?,
                    PartyRef::Intermediary(i) => write!(out, "intermediary.{i}")?,
                    PartyRef::FreightForwarder => out.write_str("freight_forwarder")?,
                }
                out.write_char('.')?;
                out.write_str(f.name())
            }
            Located::Line(i, f) => write!(out, "goods.{i}.{}", f.name()),
            Located::Hop(i, f) => write!(out, "chain.{i}.{}", f.name()),
        }
    }
}

/// Serialises as the path, the form records and `enduse assess --format json` use.
impl Serialize for Located {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares with a path without allocating: `loc == "goods.0.hs"`.
impl PartialEq<str> for Located {
    fn eq(&self, other: &str) -> bool {
        let mut rest = other;
        let mut matches = PathMatch { rest: &mut rest };
        fmt::write(&mut matches, format_args!("{self}")).is_ok() && rest.is_empty()
    }
}

impl PartialEq<&str> for Located {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// A `fmt::Write` that consumes a path prefix and fails at the first difference.
struct PathMatch<'a, 'b> {
    rest: &'a mut &'b str,
}

impl fmt::Write for PathMatch<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.rest.strip_prefix(s) {
            Some(tail) => {
                *self.rest = tail;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Located;
    use crate::model::PartyRef;
    use crate::ruleset::facts::{HopField, LineField, PartyField, TopFact};

    /// The packed key orders facts exactly as the derived order does, and
    /// leaves its low 32 bits free.
    #[test]
    fn order_key_is_the_derived_order() {
        let facts = [
            Located::Top(TopFact::ExporterCountry),
            Located::Top(TopFact::Destination),
            Located::Party(PartyRef::Buyer, PartyField::Name),
            Located::Party(PartyRef::Buyer, PartyField::Country),
            Located::Party(PartyRef::Consignee, PartyField::Name),
            Located::Party(PartyRef::EndUser, PartyField::Name),
            Located::Party(PartyRef::Intermediary(0), PartyField::Country),
            Located::Party(PartyRef::Intermediary(1), PartyField::Name),
            Located::Party(PartyRef::Intermediary(u32::MAX as usize), PartyField::Name),
            Located::Party(PartyRef::FreightForwarder, PartyField::Name),
            Located::Line(0, LineField::Hs),
            Located::Line(0, LineField::DualUse),
            Located::Line(1, LineField::Hs),
            Located::Line(u32::MAX as usize, LineField::Hs),
            Located::Line(usize::MAX, LineField::Number),
            Located::Hop(0, HopField::Country),
            Located::Hop(3, HopField::Country),
            Located::Hop(usize::MAX, HopField::Party),
        ];
        for a in facts {
            assert_eq!(a.order_key() as u32, 0, "{a:?}: room for a sequence number");
            for b in facts {
                assert_eq!(
                    a.order_key().cmp(&b.order_key()),
                    a.cmp(&b),
                    "{a:?} vs {b:?}"
                );
            }
        }
    }

    #[test]
    fn paths_and_labels_read_as_before() {
        let cases = [
            (Located::Top(TopFact::Destination), "shipment.destination"),
            (
                Located::Party(PartyRef::Intermediary(1), PartyField::Established),
                "intermediary.1.established",
            ),
            (
                Located::Party(PartyRef::EndUser, PartyField::Country),
                "end_user.country",
            ),
            (Located::Line(12, LineField::Hs), "goods.12.hs"),
            (Located::Hop(0, HopField::Country), "chain.0.country"),
        ];
        for (loc, path) in cases {
            assert_eq!(loc.path(), path);
            assert_eq!(loc, path);
            assert_ne!(loc, &path[..path.len() - 1]);
            assert_ne!(loc, format!("{path}x").as_str());
            assert_eq!(
                serde_json::to_string(&loc).ok(),
                Some(format!("\"{path}\""))
            );
        }
        assert_eq!(
            Located::Line(9, LineField::Hs).label(),
            "Goods line 10: HS code"
        );
        assert_eq!(Located::Hop(0, HopField::Country).label(), "Hop 1: country");
        assert_eq!(
            Located::Party(PartyRef::Intermediary(0), PartyField::Established).label(),
            "Intermediary 1: date of incorporation"
        );
    }
}

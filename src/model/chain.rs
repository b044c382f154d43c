//! The chain to the final destination: every party the goods pass through
//! after they leave the exporter, in order.
//!
//! A first buyer's assurances say little once the goods move on: inside the
//! Eurasian Economic Union there is no customs border, so goods sold to a
//! Kazakh importer can reach Russia with no further export declaration.
//! Kazakhstan therefore tracks goods imported for re-export up to their final
//! destination, and the rules look at the whole chain: the final destination
//! is the last hop's country, not the first buyer's.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answer::Fact;
use super::enums::{HopRole, QuantityChange, Region};
use super::transaction::Transaction;
use crate::country::Country;

/// One hop: a party that receives the goods, in chain order (hop 1 is the
/// exporter's buyer or consignee, the last hop should be the end user).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hop {
    /// Legal name of the receiving party.
    pub party: String,
    /// Country where the party receives the goods.
    pub country: Fact<Country>,
    /// Region, where sanctions distinguish (occupied Ukraine).
    pub region: Fact<Region>,
    /// What the party does with the goods.
    pub role: Fact<HopRole>,
    /// When the goods left the previous hop.
    pub shipped: Fact<NaiveDate>,
    /// When this party received them.
    pub received: Fact<NaiveDate>,
    /// Quantity received per goods line of the order (index = line); a
    /// missing entry is unknown.
    pub quantities: Vec<Fact<f64>>,
    /// Document numbers that let a customs office or auditor follow the goods.
    pub documents: HopDocuments,
}

/// Document references for one hop. Free text: numbering differs by issuer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HopDocuments {
    /// Commercial invoice number.
    pub commercial_invoice: String,
    /// Transport document: CMR, air waybill or bill of lading number.
    pub transport_document: String,
    /// Kazakhstan: electronic invoice number in the IS ESF (ЭСФ).
    pub esf: String,
    /// Customs declaration number (export or import).
    pub customs_declaration: String,
    /// Kazakhstan: accompanying goods note number (СНТ).
    pub snt: String,
    /// Kazakhstan: the guarantee obligation — the recipient country's official
    /// end-use assurance under the Law "On Control of Specific Goods".
    pub guarantee_obligation: String,
}

impl HopDocuments {
    /// Every reference with its machine name, in form order.
    pub fn entries(&self) -> [(&'static str, &str); 6] {
        [
            ("commercial_invoice", &self.commercial_invoice),
            ("transport_document", &self.transport_document),
            ("esf", &self.esf),
            ("customs_declaration", &self.customs_declaration),
            ("snt", &self.snt),
            ("guarantee_obligation", &self.guarantee_obligation),
        ]
    }
}

/// The country the goods finally reach: the last hop's, or the declared
/// destination when no chain is described.
pub fn final_country(tx: &Transaction) -> Fact<Country> {
    match tx.chain.last() {
        Some(hop) => hop.country,
        None => tx.shipment.destination,
    }
}

/// How hop `index`'s quantities compare with what the hop before received
/// (for the first hop, with the order's goods lines). `Unknown` when no line
/// can be compared and none is known to differ.
pub fn quantity_change(tx: &Transaction, index: usize) -> Fact<QuantityChange> {
    let Some(hop) = tx.chain.get(index) else {
        return Fact::Unknown;
    };
    let before = |line: usize| -> Fact<f64> {
        match index.checked_sub(1).and_then(|i| tx.chain.get(i)) {
            Some(prev) => prev.quantities.get(line).copied().unwrap_or(Fact::Unknown),
            None => tx.goods.get(line).map_or(Fact::Unknown, |g| g.quantity),
        }
    };
    let (mut grew, mut shrank, mut unknown) = (false, false, false);
    for line in 0..tx.goods.len() {
        let now = hop.quantities.get(line).copied().unwrap_or(Fact::Unknown);
        match (before(line), now) {
            (Fact::Known(a), Fact::Known(b)) if a.is_finite() && b.is_finite() => {
                // Quantities are decimal counts; allow for float noise only.
                let tolerance = 1e-9 * a.abs().max(b.abs()).max(1.0);
                if b > a + tolerance {
                    grew = true;
                } else if b < a - tolerance {
                    shrank = true;
                }
            }
            _ => unknown = true,
        }
    }
    if grew {
        Fact::Known(QuantityChange::Grew)
    } else if shrank {
        Fact::Known(QuantityChange::Shrank)
    } else if unknown || tx.goods.is_empty() {
        Fact::Unknown
    } else {
        Fact::Known(QuantityChange::Same)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoodsLine;

    fn tx(order: &[f64], hops: &[&[Option<f64>]]) -> Transaction {
        let mut tx = Transaction::default();
        for q in order {
            tx.goods.push(GoodsLine {
                quantity: Fact::Known(*q),
                ..GoodsLine::default()
            });
        }
        for quantities in hops {
            tx.chain.push(Hop {
                quantities: quantities.iter().map(|q| Fact::from(*q)).collect(),
                ..Hop::default()
            });
        }
        tx
    }

    #[test]
    fn compares_each_hop_with_the_one_before() {
        let t = tx(
            &[10.0, 5.0],
            &[
                &[Some(10.0), Some(5.0)],
                &[Some(10.0), Some(4.0)],
                &[Some(12.0), None],
            ],
        );
        assert_eq!(quantity_change(&t, 0), Fact::Known(QuantityChange::Same));
        assert_eq!(quantity_change(&t, 1), Fact::Known(QuantityChange::Shrank));
        assert_eq!(quantity_change(&t, 2), Fact::Known(QuantityChange::Grew));
        assert_eq!(quantity_change(&t, 3), Fact::Unknown);
    }

    #[test]
    fn unknown_quantities_stay_unknown() {
        let t = tx(&[10.0], &[&[None], &[]]);
        assert_eq!(quantity_change(&t, 0), Fact::Unknown);
        assert_eq!(quantity_change(&t, 1), Fact::Unknown);
    }

    #[test]
    fn final_country_is_the_last_hops() {
        let mut t = Transaction::default();
        t.shipment.destination = Fact::Known(Country::parse("KZ").unwrap());
        assert_eq!(final_country(&t), t.shipment.destination);
        t.chain.push(Hop {
            country: Fact::Known(Country::parse("KG").unwrap()),
            ..Hop::default()
        });
        assert_eq!(final_country(&t).known().map(|c| c.code()), Some("KG"));
        t.chain.push(Hop::default());
        assert_eq!(final_country(&t), Fact::Unknown);
    }
}

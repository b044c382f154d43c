//! The per-hop summary a re-exporter attaches to a customs or certification
//! application: goods and document numbers for every hop of the chain, as
//! CSV (one row per hop and goods line).

use crate::csv_out::push_row;
use crate::model::{Fact, Symbol, Transaction};

/// The column headers of [`chain_csv`].
pub const CHAIN_COLUMNS: [&str; 18] = [
    "hop",
    "party",
    "country",
    "role",
    "shipped",
    "received",
    "line",
    "hs_code",
    "description",
    "quantity_ordered",
    "quantity_received",
    "unit",
    "commercial_invoice",
    "transport_document",
    "esf",
    "customs_declaration",
    "snt",
    "guarantee_obligation",
];

fn fact_text<T: ToString>(f: &Fact<T>) -> String {
    f.known().map(ToString::to_string).unwrap_or_default()
}

fn number(n: &Fact<f64>) -> String {
    match n.known() {
        Some(n) if n.is_finite() => n.to_string(),
        _ => String::new(),
    }
}

/// The chain of `tx` as CSV: one row per hop and goods line (one row per hop
/// when the order has no lines). Unknown values are empty cells.
pub fn chain_csv(tx: &Transaction) -> String {
    let mut out = String::new();
    push_row(&mut out, CHAIN_COLUMNS.iter().map(|c| c.to_string()));
    for (index, hop) in tx.chain.iter().enumerate() {
        let lines = tx.goods.len().max(1);
        for line in 0..lines {
            let goods = tx.goods.get(line);
            let d = &hop.documents;
            let cells = [
                (index + 1).to_string(),
                hop.party.trim().to_string(),
                hop.country
                    .known()
                    .map(|c| c.code().to_string())
                    .unwrap_or_default(),
                hop.role
                    .known()
                    .map(|r| r.as_str().to_string())
                    .unwrap_or_default(),
                fact_text(&hop.shipped),
                fact_text(&hop.received),
                if goods.is_some() {
                    (line + 1).to_string()
                } else {
                    String::new()
                },
                goods.map(|g| fact_text(&g.hs)).unwrap_or_default(),
                goods
                    .map(|g| g.description.trim().to_string())
                    .unwrap_or_default(),
                goods.map(|g| number(&g.quantity)).unwrap_or_default(),
                hop.quantities.get(line).map(number).unwrap_or_default(),
                goods.map(|g| g.unit.trim().to_string()).unwrap_or_default(),
                d.commercial_invoice.trim().to_string(),
                d.transport_document.trim().to_string(),
                d.esf.trim().to_string(),
                d.customs_declaration.trim().to_string(),
                d.snt.trim().to_string(),
                d.guarantee_obligation.trim().to_string(),
            ];
            push_row(&mut out, cells.into_iter());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_hop_and_line() {
        let tx = Transaction::from_json(
            r#"{"goods":[{"hs":"848210","description":"Bearings","quantity":4000,"unit":"pcs"},{"description":"Seals"}],
                "chain":[{"party":"=KazPumpMash","country":"KZ","role":"re_exporter","quantities":[4000],
                          "documents":{"esf":"ESF-1","snt":"SNT-9","guarantee_obligation":"GO, 17"}},
                         {"party":"Bishkek Pump","country":"KG","role":"end_user","received":"2026-10-23"}]}"#,
        )
        .unwrap();
        let csv = chain_csv(&tx);
        let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        assert_eq!(rows.len(), 1 + 2 * 2);
        assert!(rows[0].starts_with("\"hop\",\"party\",\"country\",\"role\""));
        assert_eq!(
            rows[1],
            "\"1\",\"'=KazPumpMash\",\"KZ\",\"re_exporter\",\"\",\"\",\"1\",\"848210\",\"Bearings\",\"4000\",\"4000\",\"pcs\",\"\",\"\",\"ESF-1\",\"\",\"SNT-9\",\"GO, 17\""
        );
        assert!(rows[4].starts_with(
            "\"2\",\"Bishkek Pump\",\"KG\",\"end_user\",\"\",\"2026-10-23\",\"2\",\"\",\"Seals\","
        ));
    }
}

//! Evaluating a 50-line transaction against the full embedded ruleset.
//!
//! The web app re-evaluates after every keystroke, so the budget is well
//! under 50 µs per evaluation.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use enduse::country::Country;
use enduse::evaluate::evaluate;
use enduse::hs::HsCode;
use enduse::model::{Answer, Evidence, Fact, GoodsLine, Hop, HopRole, Party, Transaction};
use enduse::ruleset::Ruleset;

const CODES: &[&str] = &[
    "854231", "940360", "848210", "870899", "903020", "854800", "640399", "845710",
];

fn transaction() -> Transaction {
    let country = |c: &str| Country::parse(c).map_or(Fact::Unknown, Fact::Known);
    let mut tx = Transaction::default();
    tx.exporter.country = country("DE");
    tx.shipment.destination = country("KZ");
    tx.shipment.transit_countries = Fact::Known(vec![]);
    for i in 0..50 {
        let code = CODES[i % CODES.len()];
        tx.goods.push(GoodsLine {
            hs: HsCode::parse(code).map_or(Fact::Unknown, Fact::Known),
            description: format!("item {i}"),
            quantity: Fact::Known(100.0),
            value: Fact::Known(1500.0),
            origin: country("DE"),
            ..GoodsLine::default()
        });
    }
    tx.parties.buyer = Party {
        name: "Steppe Trade LLP".into(),
        country: country("KZ"),
        established: Fact::Known(chrono::NaiveDate::from_ymd_opt(2022, 5, 4).unwrap_or_default()),
        web_presence: Answer::No,
        ..Party::default()
    };
    tx.parties.intermediaries.push(Party {
        name: "Gulf Links FZE".into(),
        country: country("AE"),
        ..Party::default()
    });
    tx.signals.unusual_urgency = Answer::Yes;
    tx
}

/// KZ importer → KG distributor → AE trader → TR trader → AZ end user, with
/// quantities shrinking at hop 3: every chain rule has something to look at.
fn chain(tx: &Transaction) -> Vec<Hop> {
    let hop = |party: &str, code: &str, role: HopRole, factor: f64| Hop {
        party: party.into(),
        country: Country::parse(code).map_or(Fact::Unknown, Fact::Known),
        role: Fact::Known(role),
        quantities: tx
            .goods
            .iter()
            .map(|g| Fact::Known(g.quantity.known().copied().unwrap_or(0.0) * factor))
            .collect(),
        ..Hop::default()
    };
    vec![
        hop("Steppe Trade LLP", "KZ", HopRole::ReExporter, 1.0),
        hop("Bishkek Supply LLC", "KG", HopRole::ReExporter, 1.0),
        hop("Gulf Links FZE", "AE", HopRole::ReExporter, 0.5),
        hop("Anadolu Ticaret", "TR", HopRole::ReExporter, 0.5),
        hop("Baku Works OJSC", "AZ", HopRole::EndUser, 0.5),
    ]
}

fn bench(c: &mut Criterion) {
    let ruleset = match Ruleset::embedded() {
        Ok(r) => r,
        Err(e) => panic!("embedded ruleset: {e}"),
    };
    let tx = transaction();
    let evidence = Evidence::default();
    c.bench_function("evaluate 50 lines, embedded ruleset", |b| {
        b.iter(|| evaluate(black_box(&tx), black_box(&evidence), black_box(&ruleset)))
    });
    let mut chained = tx.clone();
    chained.chain = chain(&tx);
    c.bench_function(
        "evaluate 50 lines and a 5-hop chain, embedded ruleset",
        |b| {
            b.iter(|| {
                evaluate(
                    black_box(&chained),
                    black_box(&evidence),
                    black_box(&ruleset),
                )
            })
        },
    );
    c.bench_function("load embedded ruleset", |b| b.iter(Ruleset::embedded));
}

criterion_group!(benches, bench);
criterion_main!(benches);

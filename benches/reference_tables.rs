//! How fast the reference tables answer: the country picker searches on every
//! keystroke and reports describe every line's commodity code, so both must
//! stay far below a frame (16 ms) even in WebAssembly.

use criterion::{Criterion, criterion_group, criterion_main};
use enduse::country::Country;
use enduse::hs_nomenclature::{describe, heading_description};
use enduse::lang::Lang;
use std::hint::black_box;

fn country_search(c: &mut Criterion) {
    c.bench_function("country_search_code_kz", |b| {
        b.iter(|| Country::search(black_box("kz"), Lang::En))
    });
    c.bench_function("country_search_prefix_ru_ka", |b| {
        b.iter(|| Country::search(black_box("ка"), Lang::Ru))
    });
    c.bench_function("country_search_alias_uae", |b| {
        b.iter(|| Country::search(black_box("uae"), Lang::Kk))
    });
}

fn hs_lookup(c: &mut Criterion) {
    c.bench_function("hs_describe_8542_31_00", |b| {
        b.iter(|| describe(black_box("8542.31.00"), Lang::Ru))
    });
    c.bench_function("hs_heading_description_8471", |b| {
        b.iter(|| heading_description(black_box("8471")))
    });
}

criterion_group!(benches, country_search, hs_lookup);
criterion_main!(benches);

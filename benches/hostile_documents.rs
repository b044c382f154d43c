//! The worst inputs we can construct for each importer (issue 15), within
//! each importer's size limits: verify/open/import must finish within 2 s
//! and 256 MB for any of them (measure memory with `/usr/bin/time -v
//! enduse verify FILE`; with `ENDUSE_HOSTILE_DIR=DIR` this bench also writes
//! each input to DIR for that).
//!
//! `cargo bench --bench hostile_documents`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use enduse::config::HostConfig;
use enduse::draft::DraftStore;
use enduse::record::fragment::{FRAGMENT_PREFIX, encode_bytes};
use enduse::record::limits::{MAX_DOCUMENT_BYTES, MAX_LEAVES, MAX_PATH_BYTES};
use enduse::record::{DeclarationChain, decode_fragment, open_request, verify, verify_chain};
use enduse::ruleset::Ruleset;
use enduse::screening::{SanctionsList, ScreenOptions, ScreeningIndex};

const ZERO_DIGEST: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

fn envelope(body: &str, leaves: &str) -> String {
    format!(
        "{{\"format\":\"enduse-declaration-request\",\"version\":1,\"body\":{body},\"digest\":\"{ZERO_DIGEST}\",\"leaves\":{leaves}}}"
    )
}

/// The link amplifier: a 500 KB name over 240,000 items.
fn amplifier() -> String {
    envelope(
        &format!(
            "{{\"{}\":[{}]}}",
            "k".repeat(500_000),
            vec!["0"; 240_000].join(",")
        ),
        "{}",
    )
}

/// The same shape at the bounds: the longest name allowed over the most
/// leaves allowed, and a stored leaf map of the longest paths that fit 2 MiB.
fn wide_at_the_bounds() -> String {
    let key = "k".repeat(MAX_PATH_BYTES - 20);
    let body = format!("{{\"{key}\":[{}]}}", vec!["0"; MAX_LEAVES].join(","));
    let mut leaves = String::from("{");
    let mut n = 0;
    while leaves.len() + body.len() + 400 < MAX_DOCUMENT_BYTES - 4096 {
        if n > 0 {
            leaves.push(',');
        }
        leaves.push_str(&format!(
            "\"body[\\\"{key}\\\"][{n}]{}\":\"{ZERO_DIGEST}\"",
            "x".repeat(8)
        ));
        n += 1;
    }
    leaves.push('}');
    envelope(&body, &leaves)
}

/// Nested objects with long names, up to the depth limit.
fn deep_long_names() -> String {
    let mut body = String::from("0");
    for i in 0..31 {
        body = format!("{{\"{}{i}\":{body}}}", "n".repeat(200));
    }
    envelope(&body, "{}")
}

/// The most values the reader allows, all in one array.
fn values_at_the_cap() -> String {
    envelope(&format!("[{}]", vec!["0"; 199_990].join(",")), "{}")
}

/// 2 MiB of non-ASCII text that must be checked for NFC.
fn long_text() -> String {
    envelope(
        &format!(
            "{{\"t\":\"{}\"}}",
            "é".repeat(MAX_DOCUMENT_BYTES / 2 - 1000)
        ),
        "{}",
    )
}

/// Many distinct member names in one object.
fn many_names() -> String {
    let members: Vec<String> = (0..150_000).map(|i| format!("\"{i:x}\":0")).collect();
    envelope(&format!("{{{}}}", members.join(",")), "{}")
}

/// A chain file of 32 links, each the heaviest single document that fits.
fn chain_of_heavy_links() -> String {
    let link = envelope(&format!("{{\"x\":[{}]}}", vec!["0"; 6_000].join(",")), "{}");
    let links = vec![link; 32].join(",");
    format!("{{\"format\":\"enduse-declaration-chain\",\"version\":1,\"links\":[{links}]}}")
}

/// A host config at its 256 KiB limit: long names, many list entries.
fn hostile_config() -> String {
    let lists: Vec<String> = (0..2_000)
        .map(|i| format!("{{\"file\":\"lists/{i}.csv\",\"format\":\"ofac_sdn_csv\"}}"))
        .collect();
    let text = format!(
        "{{\"organisation\":{{\"name\":{{\"en\":\"{}\"}}}},\"sanctions_lists\":[{}]}}",
        "e\u{301}".repeat(20_000),
        lists.join(",")
    );
    text.chars().take(256 * 1024 / 2).collect::<String>() + "]}"
}

/// A draft store at its 8 MiB limit, mostly values.
fn hostile_drafts() -> String {
    format!(
        "{{\"schema_version\":1,\"drafts\":[{{\"junk\":[{}]}}]}}",
        vec!["0"; 999_000].join(",")
    )
}

/// The built-in ruleset padded with one long array up to just under the
/// 1 MiB ruleset limit.
fn hostile_ruleset() -> String {
    let head = format!("{}\n[junk]\nx = [", enduse::ruleset::EMBEDDED_TOML);
    let room = enduse::ruleset::MAX_RULESET_BYTES - head.len() - 16;
    format!("{head}{}]\n", vec!["0"; room / 2].join(","))
}

/// An OpenSanctions-format list whose names are single 100,000-character words.
fn hostile_list() -> String {
    let mut csv = String::from("id,schema,name,aliases\n");
    for i in 0..10 {
        csv.push_str(&format!("X-{i},Company,{}{i},\n", "Q".repeat(100_000)));
    }
    csv
}

fn write_inputs(inputs: &[(&str, &str)]) {
    let Some(dir) = std::env::var_os("ENDUSE_HOSTILE_DIR") else {
        return;
    };
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, text) in inputs {
        std::fs::write(std::path::Path::new(&dir).join(name), text).expect("write");
    }
}

fn bench(c: &mut Criterion) {
    let amplifier = amplifier();
    let wide = wide_at_the_bounds();
    let deep = deep_long_names();
    let values = values_at_the_cap();
    let text = long_text();
    let names = many_names();
    let chain = chain_of_heavy_links();
    let config = hostile_config();
    let drafts = hostile_drafts();
    let ruleset = hostile_ruleset();
    let list = hostile_list();
    let link = format!("{FRAGMENT_PREFIX}{}", encode_bytes(amplifier.as_bytes()));
    write_inputs(&[
        ("amplifier.json", &amplifier),
        ("wide-at-the-bounds.json", &wide),
        ("deep-long-names.json", &deep),
        ("values-at-the-cap.json", &values),
        ("long-text.json", &text),
        ("many-names.json", &names),
        ("chain-of-heavy-links.json", &chain),
        ("config.json", &config),
        ("drafts.json", &drafts),
        ("ruleset.toml", &ruleset),
        ("list.csv", &list),
        ("amplifier.link", &link),
    ]);

    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, doc) in [
        ("verify/amplifier", &amplifier),
        ("verify/wide_at_the_bounds", &wide),
        ("verify/deep_long_names", &deep),
        ("verify/values_at_the_cap", &values),
        ("verify/long_text", &text),
        ("verify/many_names", &names),
    ] {
        group.bench_function(name, |b| b.iter(|| verify(black_box(doc.as_bytes()))));
    }
    group.bench_function("open_request/wide_at_the_bounds", |b| {
        b.iter(|| open_request(black_box(wide.as_bytes())).is_err())
    });
    group.bench_function("fragment/amplifier_link", |b| {
        b.iter(|| decode_fragment(black_box(&link)).map(|bytes| verify(&bytes)))
    });
    group.bench_function("chain/heavy_links", |b| {
        b.iter(|| {
            DeclarationChain::from_bytes(black_box(chain.as_bytes())).map(|c| verify_chain(&c))
        })
    });
    group.bench_function("config/at_the_limit", |b| {
        b.iter(|| HostConfig::from_json(black_box(&config)).is_err())
    });
    group.bench_function("drafts/at_the_limit", |b| {
        b.iter(|| DraftStore::load(Some(black_box(&drafts))).is_err())
    });
    group.bench_function("ruleset/near_the_limit", |b| {
        b.iter(|| Ruleset::from_toml_str(black_box(&ruleset)).is_err())
    });
    group.bench_function("lists/long_words", |b| {
        b.iter(|| {
            let parsed = SanctionsList::parse(black_box(list.as_bytes()), "targets.simple.csv");
            parsed.map(|l| {
                let index = ScreeningIndex::build(vec![l]);
                index.screen(&"Q".repeat(50_000), &ScreenOptions::default())
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

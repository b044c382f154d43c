//! Screening speed and memory.
//!
//! * list load + index build: the real OFAC files when `../shared/data` has
//!   them, and a generated 50,000-entry list either way;
//! * one name against the 50,000-entry list (Latin, Cyrillic, typo, benign);
//! * heap held by the index, measured with a counting global allocator and
//!   printed next to the index's own estimate.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use enduse::screening::{SanctionsList, ScreenOptions, ScreeningIndex};

/// Counts live heap bytes so the bench can report what an index holds.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A deterministic 50,000-entry OpenSanctions-format list of made-up names.
fn generated_list(entries: usize) -> Vec<u8> {
    const SYLLABLES: &[&str] = &[
        "ka", "ra", "tau", "vek", "tor", "ala", "zhe", "ty", "su", "nur", "bek", "ser", "ik",
        "mar", "at", "ov", "ev", "in", "sko", "lin", "ter", "po", "lar", "gra", "nit", "ural",
        "sib", "kha", "zan", "yur", "dan", "mi", "kro", "tek", "nor", "dal", "bay", "han", "ush",
    ];
    const GENERIC: &[&str] = &[
        "TRADING",
        "GROUP",
        "LOGISTICS",
        "HOLDING",
        "TECHNOLOGY",
        "INTERNATIONAL",
    ];
    const FORMS: &[&str] = &["LLC", "LLP", "JSC", "OOO", "CO., LTD.", "GMBH", "FZE"];
    let mut state: u64 = 0x2026_1125;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let word = |next: &mut dyn FnMut(usize) -> usize| {
        let parts = 2 + next(2);
        let w: String = (0..parts)
            .map(|_| SYLLABLES[next(SYLLABLES.len())])
            .collect();
        w.to_uppercase()
    };
    let mut out = String::from(
        "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n",
    );
    for i in 0..entries {
        let person = next(3) == 0;
        let name = if person {
            format!(
                "{} {} {}",
                word(&mut next),
                word(&mut next),
                word(&mut next)
            )
        } else {
            let mut n = format!("{} {}", word(&mut next), word(&mut next));
            if next(2) == 0 {
                n.push(' ');
                n.push_str(GENERIC[next(GENERIC.len())]);
            }
            n.push(' ');
            n.push_str(FORMS[next(FORMS.len())]);
            n
        };
        let alias = format!("{} {}", word(&mut next), word(&mut next));
        out.push_str(&format!(
            "GEN-{i},{},\"{name}\",\"{alias}\",,kz,,,GEN,,,generated,,,\n",
            if person { "Person" } else { "Company" }
        ));
    }
    out.into_bytes()
}

fn real_ofac() -> Option<(Vec<u8>, Vec<u8>, Vec<u8>)> {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    Some((
        std::fs::read(data.join("ofac-sdn-2024-05-03/sdn.csv")).ok()?,
        std::fs::read(data.join("ofac-alt-add-2026-06/alt.csv")).ok()?,
        std::fs::read(data.join("ofac-alt-add-2026-06/add.csv")).ok()?,
    ))
}

fn load_ofac(sdn: &[u8], alt: &[u8], add: &[u8]) -> ScreeningIndex {
    let mut list = SanctionsList::parse(sdn, "sdn.csv").expect("real sdn.csv parses");
    list.attach_ofac(alt, "alt.csv")
        .expect("real alt.csv attaches");
    list.attach_ofac(add, "add.csv")
        .expect("real add.csv attaches");
    ScreeningIndex::build(vec![list])
}

fn report_memory(label: &str, build: impl FnOnce() -> ScreeningIndex) {
    let before = LIVE.load(Ordering::Relaxed);
    let index = build();
    let after = LIVE.load(Ordering::Relaxed);
    println!(
        "memory {label}: {} entries, {} names: {:.1} MB live heap (index estimate {:.1} MB)",
        index.entry_count(),
        index.name_count(),
        after.saturating_sub(before) as f64 / 1e6,
        index.approx_heap_bytes() as f64 / 1e6
    );
    drop(index);
}

fn benches(c: &mut Criterion) {
    let generated = generated_list(50_000);
    let mut group = c.benchmark_group("screening");
    group.sample_size(10);
    if let Some((sdn, alt, add)) = real_ofac() {
        report_memory("real OFAC SDN + alt + add", || load_ofac(&sdn, &alt, &add));
        group.bench_function("load+index real OFAC sdn+alt+add", |b| {
            b.iter(|| load_ofac(black_box(&sdn), black_box(&alt), black_box(&add)))
        });
    }
    let build_generated = || {
        let list =
            SanctionsList::parse(&generated, "generated.csv").expect("generated list parses");
        ScreeningIndex::build(vec![list])
    };
    report_memory("generated 50,000 entries", build_generated);
    group.bench_function("load+index generated 50,000 entries", |b| {
        b.iter(build_generated)
    });
    group.finish();

    let index = build_generated();
    let opts = ScreenOptions::default();
    let mut group = c.benchmark_group("screen one name, 50,000 entries");
    for (label, name) in [
        ("latin", "KARATAUVEK TORALA TRADING LLC"),
        ("cyrillic", "ТОО «Каратаувек Торала»"),
        ("typo", "KARATUAVEK TORALA"),
        ("benign", "Schmidt Messtechnik GmbH"),
        ("generic only", "International Trading Group LLC"),
    ] {
        group.bench_function(label, |b| b.iter(|| index.screen(black_box(name), &opts)));
    }
    group.finish();
}

criterion_group!(screening, benches);
criterion_main!(screening);

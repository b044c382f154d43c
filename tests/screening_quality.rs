//! Measured matching quality: recall on generated variants of listed names
//! and false-positive rate on generated benign names, at the default
//! threshold.
//!
//! Uses the real OFAC files from `../shared/data` when present (plus the
//! bundled samples, which carry the Cyrillic and Kazakh entries) and the
//! bundled samples alone otherwise (or when `ENDUSE_SCREENING_SAMPLES_ONLY`
//! is set). Run with `--nocapture` to see the figures.

use std::path::{Path, PathBuf};

use enduse::screening::{
    ListEntry, NameKind, Outcome, SanctionsList, ScreenOptions, ScreeningIndex, SubjectKind,
};

/// Deterministic pseudo-random numbers (SplitMix64), so the set is stable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bundled samples, OFAC with its companions.
fn sample_lists() -> Vec<SanctionsList> {
    let dir = manifest().join("public/lists");
    let mut sdn = SanctionsList::parse(&read(&dir.join("sample-sdn.csv")), "sample-sdn.csv")
        .expect("sample sdn parses");
    sdn.attach_ofac(&read(&dir.join("sample-alt.csv")), "sample-alt.csv")
        .expect("sample alt attaches");
    sdn.attach_ofac(&read(&dir.join("sample-add.csv")), "sample-add.csv")
        .expect("sample add attaches");
    let mut lists = vec![sdn];
    for file in ["sample-eu.xml", "sample-eu.csv", "sample-opensanctions.csv"] {
        lists.push(SanctionsList::parse(&read(&dir.join(file)), file).expect("sample parses"));
    }
    lists
}

/// The real OFAC files, if this machine has them.
fn real_ofac() -> Option<SanctionsList> {
    if std::env::var_os("ENDUSE_SCREENING_SAMPLES_ONLY").is_some() {
        return None;
    }
    let data = manifest().join("../shared/data");
    let sdn = std::fs::read(data.join("ofac-sdn-2024-05-03/sdn.csv")).ok()?;
    let mut list = SanctionsList::parse(&sdn, "sdn.csv").ok()?;
    for part in ["alt.csv", "add.csv"] {
        if let Ok(bytes) = std::fs::read(data.join("ofac-alt-add-2026-06").join(part)) {
            list.attach_ofac(&bytes, part).ok()?;
        }
    }
    Some(list)
}

const ENGLISH_FORMS: &[&str] = &[
    "LIMITED",
    "LIABILITY",
    "COMPANY",
    "JOINT",
    "STOCK",
    "PUBLIC",
    "CLOSED",
    "OPEN",
    "LLC",
    "LLP",
    "JSC",
    "PJSC",
    "CJSC",
    "OJSC",
    "OAO",
    "OOO",
    "ZAO",
    "PAO",
    "AO",
    "TOO",
    "LTD",
    "LTD.",
    "CO.",
    "CO",
    "INC",
    "INC.",
    "CORP",
    "CORP.",
    "FZE",
    "FZCO",
    "DMCC",
];

fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_latin(s: &str) -> bool {
    s.is_ascii()
}

/// A rough Latin → Cyrillic rendering, as a clerk typing a Russian name would.
fn cyrillise(latin: &str) -> String {
    const RULES: &[(&str, &str)] = &[
        ("shch", "щ"),
        ("sch", "щ"),
        ("kh", "х"),
        ("zh", "ж"),
        ("ts", "ц"),
        ("ch", "ч"),
        ("sh", "ш"),
        ("yu", "ю"),
        ("ya", "я"),
        ("yo", "ё"),
        ("ye", "е"),
        ("iy", "ий"),
        ("a", "а"),
        ("b", "б"),
        ("v", "в"),
        ("w", "в"),
        ("g", "г"),
        ("d", "д"),
        ("e", "е"),
        ("z", "з"),
        ("i", "и"),
        ("j", "дж"),
        ("k", "к"),
        ("c", "к"),
        ("q", "к"),
        ("x", "кс"),
        ("l", "л"),
        ("m", "м"),
        ("n", "н"),
        ("o", "о"),
        ("p", "п"),
        ("r", "р"),
        ("s", "с"),
        ("t", "т"),
        ("u", "у"),
        ("f", "ф"),
        ("h", "х"),
        ("y", "ы"),
    ];
    let lower = latin.to_lowercase();
    let mut out = String::new();
    let mut rest = lower.as_str();
    while let Some(c) = rest.chars().next() {
        if let Some((from, to)) = RULES.iter().find(|(from, _)| rest.starts_with(from)) {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// A Cyrillic → Latin romanisation in one of several common styles.
fn romanise(cyrillic: &str, style: usize) -> String {
    let mut out = String::new();
    for c in cyrillic.to_lowercase().chars() {
        let s: &str = match (c, style % 3) {
            ('х', 0) => "kh",
            ('х', _) => "h",
            ('ю', 0) => "yu",
            ('ю', _) => "iu",
            ('я', 0) => "ya",
            ('я', _) => "ia",
            ('ж', 2) => "j",
            ('ж', _) => "zh",
            ('й', 0) => "y",
            ('й', _) => "i",
            ('щ', 1) => "sch",
            ('щ', _) => "shch",
            ('ц', 2) => "c",
            ('ц', _) => "ts",
            ('ы', _) => "y",
            ('е', 1) if out.is_empty() || out.ends_with([' ', 'a', 'e', 'i', 'o', 'u']) => "ye",
            ('а' | 'ә', _) => "a",
            ('б', _) => "b",
            ('в', _) => "v",
            ('г' | 'ғ', _) => "g",
            ('д', _) => "d",
            ('е' | 'ё' | 'э', _) => "e",
            ('з', _) => "z",
            ('и' | 'і', _) => "i",
            ('к' | 'қ', _) => "k",
            ('л', _) => "l",
            ('м', _) => "m",
            ('н' | 'ң', _) => "n",
            ('о' | 'ө', _) => "o",
            ('п', _) => "p",
            ('р', _) => "r",
            ('с', _) => "s",
            ('т', _) => "t",
            ('у' | 'ұ' | 'ү', _) => "u",
            ('ф', _) => "f",
            ('ч', _) => "ch",
            ('ш', _) => "sh",
            ('ъ' | 'ь', _) => "",
            ('һ', _) => "h",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(s);
    }
    out
}

/// Swaps one romanisation convention for another.
fn respell(name: &str, rng: &mut Rng) -> Option<String> {
    const SWAPS: &[(&str, &str)] = &[
        ("KH", "H"),
        ("YU", "IU"),
        ("IU", "YU"),
        ("YA", "IA"),
        ("IA", "YA"),
        ("ZH", "J"),
        ("IY ", "Y "),
        ("Y ", "IY "),
        ("II ", "Y "),
        ("TS", "TZ"),
        ("SHCH", "SCH"),
        ("YE", "E"),
        ("EV ", "YEV "),
        ("KS", "X"),
        ("X", "KS"),
    ];
    let upper = format!("{} ", name.to_uppercase());
    let applicable: Vec<&(&str, &str)> = SWAPS.iter().filter(|(a, _)| upper.contains(a)).collect();
    if applicable.is_empty() {
        return None;
    }
    let (from, to) = rng.pick(&applicable);
    Some(upper.replacen(from, to, 1).trim().to_string())
}

fn typo(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let at = 1 + rng.below(chars.len().saturating_sub(2).max(1));
    let letters: Vec<char> = "ABDEFGIKLMNOPRSTUVZ".chars().collect();
    match rng.below(4) {
        0 => {
            let mut replacement = *rng.pick(&letters);
            if replacement == chars[at] {
                replacement = if replacement == 'A' { 'O' } else { 'A' };
            }
            chars[at] = replacement;
        }
        1 => {
            chars.remove(at);
        }
        2 if at + 1 < chars.len() && chars[at] != chars[at + 1] => chars.swap(at, at + 1),
        _ => chars.insert(at, *rng.pick(&letters)),
    }
    chars.into_iter().collect()
}

/// Applies `edits` typos to the name's long words (two in one word only if
/// it has nine letters or more).
fn with_typos(name: &str, edits: usize, rng: &mut Rng) -> Option<String> {
    let mut ws = words(name);
    let eligible: Vec<usize> = ws
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && !ENGLISH_FORMS.contains(&w.as_str())
        })
        .map(|(i, _)| i)
        .collect();
    if eligible.is_empty() {
        return None;
    }
    if edits == 1 || eligible.len() == 1 {
        let i = *rng.pick(&eligible);
        let n = ws[i].chars().count();
        if edits == 2 && n < 9 {
            return None;
        }
        for _ in 0..edits {
            ws[i] = typo(&ws[i], rng);
        }
    } else {
        let a = *rng.pick(&eligible);
        let b = *eligible.iter().find(|&&i| i != a).unwrap_or(&a);
        ws[a] = typo(&ws[a], rng);
        ws[b] = typo(&ws[b], rng);
    }
    Some(ws.join(" "))
}

fn without_forms(name: &str) -> String {
    words(name)
        .into_iter()
        .filter(|w| !ENGLISH_FORMS.contains(&w.to_uppercase().as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Generated queries for one entry: (variant label, query).
fn variants(entry: &ListEntry, rng: &mut Rng) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let primary = entry.primary_name().to_string();
    let latin = entry
        .names
        .iter()
        .find(|n| is_latin(&n.text))
        .map(|n| n.text.clone());
    let cyrillic = entry
        .names
        .iter()
        .find(|n| n.text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
        .map(|n| n.text.clone());
    let company = entry.kind != SubjectKind::Person;
    if let Some(latin) = &latin {
        let core = without_forms(latin);
        if !core.is_empty() {
            let form = if company {
                *rng.pick(&["ООО ", "ТОО ", "АО ", ""])
            } else {
                ""
            };
            out.push((
                "latin entry, cyrillic query",
                format!("{form}{}", cyrillise(&core)),
            ));
        }
        if let Some(v) = respell(latin, rng) {
            out.push(("romanisation variant", v));
        }
        if let Some(v) = with_typos(latin, 1, rng) {
            out.push(("one typo", v));
        }
        if let Some(v) = with_typos(latin, 2, rng) {
            out.push(("two typos", v));
        }
    }
    if let Some(cyr) = &cyrillic {
        out.push(("cyrillic entry, latin query", romanise(cyr, rng.below(3))));
    }
    let ws = if company {
        words(&without_forms(&primary))
    } else {
        words(&primary)
    };
    if ws.len() >= 2 {
        let mut swapped = ws.clone();
        swapped.reverse();
        out.push(("swapped order", swapped.join(" ")));
    }
    if company {
        let core = without_forms(&primary);
        if core != primary && !core.is_empty() {
            out.push(("legal form dropped", core));
        } else {
            let form = rng.pick(&["LLC", "LLP", "Co., Ltd.", "GmbH", "FZE", "JSC"]);
            out.push(("legal form added", format!("{primary} {form}")));
        }
    }
    let aliases: Vec<&str> = entry
        .names
        .iter()
        .filter(|n| n.kind != NameKind::Primary)
        .map(|n| n.text.as_str())
        .collect();
    if !aliases.is_empty() {
        out.push(("alias", rng.pick(&aliases).to_string()));
    }
    out
}

/// Benign company and person names from word pools.
fn benign_names(rng: &mut Rng) -> Vec<String> {
    let kz = [
        "Altyn", "Dala", "Saryarka", "Aqsu", "Kokshe", "Ertis", "Tulpar", "Arman", "Kyran",
        "Shyrak", "Zhuldyz", "Koktem", "Sapa", "Alatau", "Esil", "Kenes", "Bereke", "Yrys",
    ];
    let kz_sector = [
        "Agro",
        "Logistics",
        "Trade",
        "Stroy",
        "Service",
        "Energy",
        "Invest",
        "Mining",
        "Metal",
        "Pharm",
        "Auto",
        "Textile",
        "Food",
        "Electric",
        "Print",
        "Med",
        "Plast",
        "Transit",
    ];
    let kz_form = ["TOO", "LLP", "ТОО", "АҚ", "JSC"];
    let ru_root = [
        "Вектор",
        "Горизонт",
        "Меридиан",
        "Ладога",
        "Кедр",
        "Рубин",
        "Гранит",
        "Альтаир",
        "Восход",
        "Берёзка",
        "Заря",
        "Квант",
        "Импульс",
        "Сигма",
        "Ока",
        "Сура",
    ];
    let ru_sector = [
        "Строй",
        "Снаб",
        "Трейд",
        "Пром",
        "Техно",
        "Агро",
        "Лес",
        "Авто",
        "Хим",
        "Транс",
        "Сервис",
        "Мебель",
    ];
    let ru_form = ["ООО", "АО", "ИП", "LLC"];
    let tr_surname = [
        "Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Aydin", "Ozturk", "Arslan",
        "Dogan", "Kilic", "Cetin", "Koc", "Kurt", "Ozdemir", "Polat", "Erdem", "Gunes",
    ];
    let tr_sector = [
        "Tekstil", "Gida", "Otomotiv", "Insaat", "Makina", "Elektrik", "Kimya", "Plastik",
        "Lojistik", "Enerji", "Mobilya", "Ambalaj",
    ];
    let tr_form = ["Sanayi ve Ticaret A.Ş.", "Dış Ticaret Ltd. Şti.", "A.Ş."];
    let cn_city = [
        "Shenzhen",
        "Guangzhou",
        "Ningbo",
        "Yiwu",
        "Xiamen",
        "Dongguan",
        "Suzhou",
        "Hangzhou",
        "Qingdao",
        "Foshan",
        "Wenzhou",
        "Zhuhai",
    ];
    let cn_word = [
        "Huaxin",
        "Jiarui",
        "Hengtai",
        "Xinyuan",
        "Dingsheng",
        "Ruifeng",
        "Boyuan",
        "Kaida",
        "Longwei",
        "Tianrui",
        "Jinhui",
        "Yongxin",
        "Meilin",
        "Haoyu",
    ];
    let cn_sector = [
        "Electronics",
        "Trading",
        "Technology",
        "Industrial",
        "Import & Export",
        "Machinery",
        "Plastic Products",
        "Textile",
        "Lighting",
        "Packaging",
    ];
    let de_surname = [
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Becker",
        "Hoffmann",
        "Schulz",
        "Koch",
        "Richter",
        "Klein",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Krüger",
        "Hartmann",
        "Lange",
    ];
    let de_sector = [
        "Maschinenbau",
        "Elektrotechnik",
        "Logistik",
        "Antriebstechnik",
        "Messtechnik",
        "Präzisionsteile",
        "Kunststofftechnik",
        "Verpackung",
        "Armaturen",
    ];
    let de_form = ["GmbH", "GmbH & Co. KG", "AG", "KG"];
    let first = [
        "Nurlan", "Yerlan", "Askar", "Dauren", "Aigerim", "Aruzhan", "Madina", "Zhanna", "Gulnara",
        "Serik", "Marat", "Aliya", "Olga", "Natalia", "Irina", "Pavel", "Kirill", "Emre", "Elif",
        "Zeynep", "Mehmet", "Wei", "Fang", "Jing", "Lukas", "Anna", "Jonas",
    ];
    let last = [
        "Abenov",
        "Tulegenov",
        "Bekova",
        "Zhaksybekov",
        "Omarova",
        "Seitkali",
        "Mukanov",
        "Iskakova",
        "Sarsenbayev",
        "Utemisov",
        "Kuznetsova",
        "Lebedeva",
        "Kozlova",
        "Novikova",
        "Sokolova",
        "Yilmaz",
        "Kaya",
        "Aydin",
        "Zhang",
        "Chen",
        "Liu",
        "Becker",
        "Hartmann",
        "Lange",
        "Wolff",
    ];
    let mut out = Vec::new();
    for _ in 0..300 {
        out.push(match rng.below(8) {
            0 => format!(
                "{} {} {}",
                rng.pick(&kz),
                rng.pick(&kz_sector),
                rng.pick(&kz_form)
            ),
            1 => format!(
                "{} «{}{}»",
                rng.pick(&ru_form),
                rng.pick(&ru_root),
                rng.pick(&ru_sector).to_lowercase()
            ),
            2 => format!(
                "{} {} {}",
                rng.pick(&tr_surname),
                rng.pick(&tr_sector),
                rng.pick(&tr_form)
            ),
            3 => format!(
                "{} {} {} Co., Ltd.",
                rng.pick(&cn_city),
                rng.pick(&cn_word),
                rng.pick(&cn_sector)
            ),
            4 => format!(
                "{} {} {}",
                rng.pick(&de_surname),
                rng.pick(&de_sector),
                rng.pick(&de_form)
            ),
            5 => format!("{} {}", rng.pick(&first), rng.pick(&last)),
            6 => format!(
                "{} {} {}",
                rng.pick(&last),
                rng.pick(&first),
                rng.pick(&first)
            ),
            _ => format!(
                "{} {} International Trading Group LLC",
                rng.pick(&kz),
                rng.pick(&cn_word)
            ),
        });
    }
    // Plus a systematic sweep so the set is large and varied.
    for (i, a) in kz.iter().enumerate() {
        for (j, b) in kz_sector.iter().enumerate() {
            out.push(format!("{a} {b} {}", kz_form[(i + j) % kz_form.len()]));
        }
    }
    for a in &de_surname {
        for b in &de_sector {
            out.push(format!("{a} {b} GmbH"));
        }
    }
    for a in &cn_city {
        for b in &cn_word {
            out.push(format!("{a} {b} Trading Co., Ltd."));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn recall_and_false_positive_rate_at_the_default_threshold() {
    let mut lists = sample_lists();
    let real = real_ofac();
    let using_real = real.is_some();
    lists.extend(real);
    let index = ScreeningIndex::build(lists.clone());
    let opts = ScreenOptions::default().max_hits(50);
    let mut rng = Rng(0x5EED_2026);

    // Entries to vary: every sample entry, plus a random draw from OFAC.
    let mut chosen: Vec<(String, &ListEntry)> = Vec::new();
    for list in &lists {
        if list.meta.file_name.starts_with("sample-") {
            chosen.extend(
                list.entries
                    .iter()
                    .map(|e| (list.meta.file_name.clone(), e)),
            );
        } else {
            for _ in 0..300 {
                let e = rng.pick(&list.entries);
                chosen.push((list.meta.file_name.clone(), e));
            }
        }
    }

    let mut total = 0usize;
    let mut found = 0usize;
    let mut misses: Vec<String> = Vec::new();
    let mut target_scores: Vec<f32> = Vec::new();
    let mut export: Vec<serde_json::Value> = Vec::new();
    let mut per_variant: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (file, entry) in &chosen {
        for (label, query) in variants(entry, &mut rng) {
            let result = index.screen(&query, &opts);
            export.push(serde_json::json!({"set": "variant", "variant": label, "query": query, "list": file, "entry_id": entry.id}));
            let hit = result.hits.iter().any(|h| {
                h.list == *file && h.entry_id == entry.id && h.outcome == Outcome::PotentialMatch
            });
            total += 1;
            target_scores.push(
                result
                    .hits
                    .iter()
                    .filter(|h| h.list == *file && h.entry_id == entry.id)
                    .map(|h| h.score.value())
                    .fold(0.0, f32::max),
            );
            let slot = per_variant.entry(label).or_default();
            slot.0 += 1;
            if hit {
                found += 1;
                slot.1 += 1;
            } else {
                misses.push(format!(
                    "{label}: {query:?} → {} {} (best: {:?})",
                    entry.id,
                    entry.primary_name(),
                    result
                        .hits
                        .first()
                        .map(|h| (h.matched_name.clone(), h.score.value()))
                ));
            }
        }
    }
    let recall = found as f64 / total as f64;

    let mut benign_total = 0usize;
    let mut benign_scores: Vec<f32> = Vec::new();
    let mut false_positives = Vec::new();
    let mut reviews = 0usize;
    let mut excluded = 0usize;
    for name in benign_names(&mut rng) {
        let result = index.screen(&name, &opts);
        export.push(serde_json::json!({"set": "benign", "query": name}));
        // "Not accidentally on the list": a name whose every key appears
        // exactly within one listed name is a namesake, not a benign name.
        let on_list = result.hits.iter().any(|h| {
            h.unmatched_query.is_empty() && h.pairs.iter().all(|p| p.similarity.value() >= 1.0)
        });
        if on_list {
            excluded += 1;
            continue;
        }
        benign_total += 1;
        benign_scores.push(result.hits.first().map(|h| h.score.value()).unwrap_or(0.0));
        match result.outcome {
            Outcome::PotentialMatch => false_positives.push(format!(
                "{name:?} → {:?}",
                result
                    .hits
                    .first()
                    .map(|h| (h.matched_name.clone(), h.score.value()))
            )),
            Outcome::Review => reviews += 1,
            Outcome::NoListMatch => {}
        }
    }
    let fp_rate = false_positives.len() as f64 / benign_total as f64;
    // For scripts/screening-peer.py: the same set and every list name.
    if let Some(path) = std::env::var_os("ENDUSE_SCREENING_EXPORT") {
        for list in &lists {
            for entry in &list.entries {
                for name in &entry.names {
                    export.push(serde_json::json!({"set": "list", "list": list.meta.file_name, "entry_id": entry.id, "name": name.text}));
                }
            }
        }
        let lines: Vec<String> = export.iter().map(|v| v.to_string()).collect();
        std::fs::write(&path, lines.join("\n") + "\n").expect("export file writable");
    }

    println!(
        "screening quality ({}; {} entries, {} names indexed; threshold {:.2}, review {:.2})",
        if using_real {
            "real OFAC SDN 2024-05-03 + alt/add 2026-06 + samples"
        } else {
            "bundled samples only"
        },
        index.entry_count(),
        index.name_count(),
        opts.threshold(),
        opts.review_threshold()
    );
    for (label, (n, ok)) in &per_variant {
        println!(
            "  {label:32} {ok:4}/{n:<4} {:6.2}%",
            100.0 * *ok as f64 / *n as f64
        );
    }
    println!("  recall: {found}/{total} = {:.2}%", 100.0 * recall);
    println!(
        "  false positives: {}/{benign_total} = {:.2}% (review: {reviews}, excluded as on-list namesakes: {excluded})",
        false_positives.len(),
        100.0 * fp_rate
    );
    println!("  threshold  recall   false-positive rate");
    for step in 0..=10 {
        let t = 0.75 + 0.02 * step as f32;
        let r = target_scores.iter().filter(|&&s| s >= t).count() as f64 / total as f64;
        let f = benign_scores.iter().filter(|&&s| s >= t).count() as f64 / benign_total as f64;
        println!("  {t:.2}       {:6.2}%  {:5.2}%", 100.0 * r, 100.0 * f);
    }
    for m in misses.iter().take(40) {
        println!("  miss  {m}");
    }
    for f in false_positives.iter().take(20) {
        println!("  fp    {f}");
    }
    assert!(benign_total >= 500, "only {benign_total} benign names");
    assert!(total >= 100, "only {total} generated queries");
    assert!(recall >= 0.98, "recall {:.2}% below 98%", 100.0 * recall);
    assert!(
        fp_rate <= 0.01,
        "false-positive rate {:.2}% above 1%",
        100.0 * fp_rate
    );
}

/// The shared data folder, wherever this checkout sits (`ENDUSE_DATA_DIR`
/// overrides), unless samples only are asked for.
fn data_dir() -> Option<PathBuf> {
    if std::env::var_os("ENDUSE_SCREENING_SAMPLES_ONLY").is_some() {
        return None;
    }
    std::env::var_os("ENDUSE_DATA_DIR")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest().join("../shared/data"),
            manifest().join("../../shared/data"),
        ])
        .find(|p| p.join("README.md").is_file())
}

/// The held-out lists: real files the matcher was not tuned on (UN, OFAC
/// consolidated non-SDN, US CSL excerpts, BIS DPL).
fn held_out_lists() -> Option<Vec<SanctionsList>> {
    let dir = data_dir()?;
    let mut lists = Vec::new();
    let cons = dir.join("ofac-consolidated-2025-12");
    if let Ok(bytes) = std::fs::read(cons.join("cons_prim.csv")) {
        let mut list = SanctionsList::parse(&bytes, "cons_prim.csv").ok()?;
        for part in ["cons_alt.csv", "cons_add.csv"] {
            if let Ok(b) = std::fs::read(cons.join(part)) {
                list.attach_ofac(&b, part).ok()?;
            }
        }
        lists.push(list);
    }
    for (rel, name) in [
        (
            "un-consolidated-2026-02-27/consolidated.xml",
            "consolidated.xml",
        ),
        ("us-csl-samples/csl-2019.csv", "csl-2019.csv"),
        (
            "us-csl-samples/consolidated-2025-06.csv",
            "consolidated-2025-06.csv",
        ),
        ("bis-dpl-2022-09/dpl.txt", "dpl.txt"),
    ] {
        if let Ok(bytes) = std::fs::read(dir.join(rel)) {
            lists.push(SanctionsList::parse(&bytes, name).ok()?);
        }
    }
    (!lists.is_empty()).then_some(lists)
}

/// Legal forms swapped for an equivalent in another language.
const FORM_SWAPS: &[(&str, &str)] = &[
    ("LLC", "ООО"),
    ("LIMITED LIABILITY COMPANY", "LLC"),
    ("JSC", "АО"),
    ("JOINT STOCK COMPANY", "АҚ"),
    ("LLP", "ТОО"),
    ("AG", "Aktiengesellschaft"),
    ("CO., LTD.", "Limited"),
    ("LTD", "Limited"),
    ("INC.", "Incorporated"),
];

/// Held-out variants of one entry, different in kind from `variants`.
fn held_out_variants(entry: &ListEntry, rng: &mut Rng) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let primary = entry.primary_name().to_string();
    out.push(("exact, upper case", primary.to_uppercase()));
    out.push(("lower case", primary.to_lowercase()));
    let ws = words(&primary);
    if ws.len() >= 2 {
        let mut rotated = ws.clone();
        rotated.rotate_left(1);
        out.push(("reordered", rotated.join(" ")));
        let at = rng.below(ws.len() - 1);
        let mut joined = ws.clone();
        let next = joined.remove(at + 1);
        joined[at].push_str(&next);
        if joined[at].chars().count() <= 20 {
            out.push(("written together", joined.join(" ")));
        }
    }
    if entry.kind == SubjectKind::Person && ws.len() >= 3 {
        // "ABU TEIR, Mohammed" → "M. ABU TEIR": a given name as its initial.
        let mut initialled = ws.clone();
        if let Some(last) = initialled.last_mut()
            && last.chars().count() >= 4
            && last.chars().all(char::is_alphabetic)
        {
            *last = format!("{}.", last.chars().next().unwrap_or('X'));
            out.push(("given name as initial", initialled.join(" ")));
        }
    }
    if entry.kind != SubjectKind::Person {
        let upper = primary.to_uppercase();
        if let Some((from, to)) = FORM_SWAPS
            .iter()
            .find(|(f, _)| upper.ends_with(&format!(" {f}")) || upper.starts_with(&format!("{f} ")))
        {
            out.push((
                "legal form in another language",
                upper.replacen(from, to, 1),
            ));
        }
    }
    if let Some(v) = with_typos(&primary, 1, rng) {
        out.push(("one typo", v));
    }
    if let Some(original) = entry
        .names
        .iter()
        .find(|n| !n.text.is_ascii() && n.kind != NameKind::Primary)
    {
        out.push(("original script", original.text.clone()));
    }
    out
}

/// Names that share a listed company's common words but not its identity:
/// each word of five letters or more that is not a common business word is
/// replaced by a word from an unrelated pool.
fn hard_benign(lists: &[SanctionsList], rng: &mut Rng) -> Vec<String> {
    const COMMON: &[&str] = &[
        "LIMITED",
        "COMPANY",
        "TRADING",
        "GROUP",
        "INTERNATIONAL",
        "INDUSTRIAL",
        "INDUSTRIES",
        "TECHNOLOGY",
        "TECHNOLOGIES",
        "ENGINEERING",
        "SERVICES",
        "HOLDING",
        "HOLDINGS",
        "IMPORT",
        "EXPORT",
        "GENERAL",
        "GLOBAL",
        "BANK",
        "ENERGY",
        "SHIPPING",
        "SYSTEMS",
        "ELECTRONICS",
        "RESEARCH",
        "INSTITUTE",
        "PRODUCTION",
        "CORPORATION",
        "RUSSIAN",
        "NATIONAL",
        "SCIENTIFIC",
        "CENTER",
        "CENTRE",
        "COMMERCIAL",
        "LOGISTICS",
    ];
    const POOL: &[&str] = &[
        "Altyn",
        "Saryarka",
        "Kokshe",
        "Tulpar",
        "Zhuldyz",
        "Alatau",
        "Bereke",
        "Hoffmann",
        "Lindner",
        "Brandt",
        "Vogel",
        "Marlow",
        "Pemberton",
        "Quillon",
        "Ravensby",
        "Tamsin",
        "Orvieto",
        "Castellan",
        "Meridiano",
        "Solvang",
        "Fjordal",
        "Kestrel",
        "Brightwater",
    ];
    let mut out = Vec::new();
    for list in lists {
        for entry in list
            .entries
            .iter()
            .filter(|e| e.kind != SubjectKind::Person)
        {
            let ws = words(entry.primary_name());
            let mut replaced = false;
            let swapped: Vec<String> = ws
                .iter()
                .map(|w| {
                    let upper = w.to_uppercase();
                    if w.chars().count() >= 5
                        && !COMMON.contains(&upper.as_str())
                        && !ENGLISH_FORMS.contains(&upper.as_str())
                    {
                        replaced = true;
                        rng.pick(POOL).to_string()
                    } else {
                        w.clone()
                    }
                })
                .collect();
            if replaced && ws.len() >= 2 {
                out.push(swapped.join(" "));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
#[ignore = "written at the deadline and not yet run: thresholds unverified (run with --ignored --release)"]
fn held_out_quality_on_real_lists_not_tuned_on() {
    let Some(held_out) = held_out_lists() else {
        eprintln!("skipped: no ../shared/data on this machine");
        return;
    };
    let mut lists = held_out.clone();
    lists.extend(sample_lists());
    let index = ScreeningIndex::build(lists);
    let opts = ScreenOptions::default().max_hits(50);
    let mut rng = Rng(0x0E1D_0017);
    let mut per_variant: std::collections::BTreeMap<&str, (usize, usize, usize)> =
        Default::default();
    let mut misses = Vec::new();
    for list in &held_out {
        for entry in &list.entries {
            for (label, query) in held_out_variants(entry, &mut rng) {
                let result = index.screen(&query, &opts);
                let best = result
                    .hits
                    .iter()
                    .filter(|h| h.list == list.meta.file_name && h.entry_id == entry.id)
                    .map(|h| h.outcome)
                    .max();
                let slot = per_variant.entry(label).or_default();
                slot.0 += 1;
                match best {
                    Some(Outcome::PotentialMatch) => {
                        slot.1 += 1;
                        slot.2 += 1;
                    }
                    Some(Outcome::Review) => slot.1 += 1,
                    _ => misses.push(format!(
                        "{label}: {query:?} → #{} {}",
                        entry.id,
                        entry.primary_name()
                    )),
                }
            }
        }
    }
    let total: usize = per_variant.values().map(|v| v.0).sum();
    let found: usize = per_variant.values().map(|v| v.1).sum();
    let potential: usize = per_variant.values().map(|v| v.2).sum();
    let recall = found as f64 / total as f64;
    println!(
        "held-out quality (real UN, OFAC non-SDN, CSL excerpts, BIS DPL; {} entries indexed)",
        index.entry_count()
    );
    println!(
        "  {:32} {:>11} {:>9} {:>9}",
        "variant", "queries", "flagged", "potential"
    );
    for (label, (n, ok, pm)) in &per_variant {
        println!(
            "  {label:32} {n:11} {:8.2}% {:8.2}%",
            100.0 * *ok as f64 / *n as f64,
            100.0 * *pm as f64 / *n as f64
        );
    }
    println!(
        "  recall (review or potential): {found}/{total} = {:.2}%; as potential match: {:.2}%",
        100.0 * recall,
        100.0 * potential as f64 / total as f64
    );
    for m in misses.iter().take(25) {
        println!("  miss {m}");
    }
    let flagged_rate = |names: Vec<String>, label: &str| {
        let mut flagged = Vec::new();
        let mut counted = 0usize;
        for name in &names {
            let result = index.screen(name, &opts);
            let namesake = result.hits.iter().any(|h| {
                h.unmatched_query.is_empty() && h.pairs.iter().all(|p| p.similarity.value() >= 1.0)
            });
            if namesake {
                continue;
            }
            counted += 1;
            if result.outcome != Outcome::NoListMatch {
                flagged.push(format!(
                    "{name:?} → {:?}",
                    result
                        .hits
                        .first()
                        .map(|h| (&h.matched_name, h.score.value()))
                ));
            }
        }
        let rate = flagged.len() as f64 / counted.max(1) as f64;
        println!(
            "  {label}: {}/{counted} flagged = {:.2}%",
            flagged.len(),
            100.0 * rate
        );
        for f in flagged.iter().take(10) {
            println!("    flagged {f}");
        }
        (rate, counted)
    };
    let (benign, benign_n) = flagged_rate(benign_names(&mut rng), "benign");
    let (hard, hard_n) = flagged_rate(hard_benign(&held_out, &mut rng), "hard-benign");
    assert!(
        total >= 1000 && benign_n >= 500 && hard_n >= 50,
        "{total} {benign_n} {hard_n}"
    );
    assert!(
        recall >= 0.99,
        "held-out recall {:.2}% below 99%",
        100.0 * recall
    );
    assert!(
        benign <= 0.01,
        "benign flagged {:.2}% above 1%",
        100.0 * benign
    );
    assert!(
        hard <= 0.025,
        "hard-benign flagged {:.2}% above 2.5%",
        100.0 * hard
    );
}

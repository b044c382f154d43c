//! Hostile-input suite: generated and mutated inputs through every importer.
//!
//! Each input goes through `verify`, `open_record`, `open_request`,
//! `open_response`, `check_response`, the declaration-chain reader and
//! verifier, and the link decoders. The properties: nothing panics, and the
//! importers agree with `verify` (an importer accepts a document only if
//! `verify` calls it intact and of that kind; a chain is continuous only if
//! every link in it verifies intact).
//!
//! `cargo test --test record_fuzz` runs 20,000 inputs. The long run is
//! `scripts/record-fuzz-long.sh` (1,000,000 inputs; it wraps
//! `cargo test --release --test record_fuzz -- --ignored --nocapture` with its
//! own target directory). `ENDUSE_FUZZ_SEED` picks another sequence.

mod record_sample;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use enduse::record::fragment::FRAGMENT_PREFIX;
use enduse::record::*;
use record_sample as sample;

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Valid documents and links that mutations start from.
struct Corpus {
    documents: Vec<Vec<u8>>,
    links: Vec<String>,
    bombs: Vec<String>,
    request: Opened<enduse::record::v1::DeclarationRequest>,
}

fn corpus() -> Corpus {
    let request = seal_request(&sample::request(), Some(&sample::key(31))).unwrap();
    let opened = open_request(request.json.as_bytes()).unwrap();
    let response =
        seal_response(&sample::response(request.digest), Some(&sample::key(32))).unwrap();
    let unsigned_response = seal_response(&sample::response(request.digest), None).unwrap();
    let record = seal_record(&sample::record(), Some(&sample::key(33))).unwrap();
    let unsigned_record = seal_record(&sample::record(), None).unwrap();
    let documents: Vec<Vec<u8>> = [
        &request,
        &response,
        &unsigned_response,
        &record,
        &unsigned_record,
    ]
    .iter()
    .flat_map(|s| {
        [
            s.json.clone().into_bytes(),
            s.canonical.clone().into_bytes(),
        ]
    })
    .collect();
    let mut chain = DeclarationChain::start(&request).unwrap();
    chain.push(&response).unwrap();
    let opened_response = open_response(response.json.as_bytes()).unwrap();
    let mut next_party = enduse::record::v1::NamedParty::from(&sample::parties().remove(1));
    next_party.name = "Bishkek Automation LLC".into();
    let forwarded = seal_request(
        &forward_request(
            &opened,
            &opened_response,
            NextParty {
                request_id: sample::id("req-hop-2"),
                party: next_party,
                language: enduse::lang::Lang::Kk,
                created: sample::created(),
            },
            None,
        ),
        // Forwarded by the declarant: signed with the key that signed its response.
        Some(&sample::key(32)),
    )
    .unwrap();
    chain.push(&forwarded).unwrap();
    let mut documents = documents;
    documents.push(chain.to_json().into_bytes());
    let mut links: Vec<String> = [&request, &response, &unsigned_response]
        .iter()
        .map(|s| encode_fragment(s))
        .collect();
    links.push(chain.to_fragment());
    let bomb = |byte: u8, size: usize| {
        let deflated = miniz_oxide::deflate::compress_to_vec(&vec![byte; size], 10);
        format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
    };
    let bombs = vec![
        bomb(b'[', 2 << 20),
        bomb(b' ', 3 << 20),
        bomb(b'a', (1 << 20) + 1),
        bomb(b'{', 1 << 20),
    ];
    Corpus {
        documents,
        links,
        bombs,
        request: opened,
    }
}

const NASTY_TOKENS: &[&str] = &[
    "1e999999",
    "-1e-999999",
    "123456789012345678901234567890123456789012345678901234567890",
    "-9223372036854775809",
    "18446744073709551616",
    "0.1",
    "NaN",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"e\\u0301\"",
    "null",
    "true",
    "[]",
    "{}",
    "\"sha256:00\"",
    "\"\u{202e}\"",
    "9007199254740992",
    "-9007199254740993",
    "1e300",
    "\"\u{212a}\"",
    "\"\u{37e}\"",
    "\"\\u001b[2K\\rVALID\"",
];

/// Shapes added for issue 15: amplifiers, two readings, look-alike text.
fn hostile_shape(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(seed).into_owned();
    match rng.below(5) {
        // A long member name over a wide array, in a document's body.
        0 => {
            let key = "k".repeat(200 + rng.below(600_000));
            let items = vec!["0"; 1 + rng.below(250_000)].join(",");
            format!(
                "{{\"format\":\"enduse-record\",\"version\":1,\"body\":{{\"{key}\":[{items}]}},\"digest\":\"sha256:{}\",\"leaves\":{{}}}}",
                "0".repeat(64)
            )
            .into_bytes()
        }
        // A member repeated in front of itself, with another value.
        1 => {
            let starts: Vec<usize> = text.match_indices("\": ").map(|(i, _)| i).collect();
            let Some(&colon) = starts.get(rng.below(starts.len().max(1))) else {
                return seed.to_vec();
            };
            let Some(open) = text[..colon].rfind('"') else {
                return seed.to_vec();
            };
            let key = &text[open..=colon];
            let value = ["\"RU\"", "0", "null", "{}", "[]"][rng.below(5)];
            format!("{}{key}: {value}, {}", &text[..open], &text[open..]).into_bytes()
        }
        // Decomposed, singleton or look-alike characters inside strings.
        2 => {
            let look_alike =
                ["\u{301}", "\u{212a}", "\u{37e}", "\u{2126}", "e\u{301}"][rng.below(5)];
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
            let Some(&at) = quotes.get(rng.below(quotes.len().max(1))) else {
                return seed.to_vec();
            };
            format!("{}{look_alike}{}", &text[..at + 1], &text[at + 1..]).into_bytes()
        }
        // Integers at and beyond ±(2^53−1), over a number in the document.
        3 => {
            let big = [
                "9007199254740991",
                "9007199254740992",
                "-9007199254740993",
                "18446744073709551616",
                "1e20",
            ][rng.below(5)];
            text.replacen("300", big, 1).into_bytes()
        }
        // Terminal controls and bidi overrides inside names.
        _ => {
            let control = [
                "\\r",
                "\\u001b[1A",
                "\u{202e}",
                "\u{2066}",
                "\\n  changed: none",
                "\u{85}",
            ][rng.below(6)];
            text.replacen("LLP", &format!("LLP{control}"), 1)
                .into_bytes()
        }
    }
}

fn random_json(rng: &mut Rng, depth: usize, out: &mut String) {
    let choice = if depth > 40 {
        rng.below(5)
    } else {
        rng.below(8)
    };
    match choice {
        0 => out.push_str("null"),
        1 => out.push_str(if rng.chance(2) { "true" } else { "false" }),
        2 => out.push_str(&(rng.next() as i64).to_string()),
        3 => out.push_str(NASTY_TOKENS[rng.below(NASTY_TOKENS.len())]),
        4 => {
            let len = rng.below(20);
            let text: String = (0..len)
                .map(|_| char::from_u32((rng.next() % 0x3000) as u32).unwrap_or('?'))
                .collect();
            out.push_str(&serde_json::to_string(&text).unwrap());
        }
        5 | 6 => {
            out.push('{');
            for i in 0..rng.below(5) {
                if i > 0 {
                    out.push(',');
                }
                let key = [
                    "format",
                    "version",
                    "body",
                    "digest",
                    "leaves",
                    "signature",
                    "alg",
                    "request_digest",
                    "goods",
                    "x",
                ][rng.below(10)];
                out.push_str(&format!("\"{key}\":"));
                random_json(rng, depth + 1, out);
            }
            out.push('}');
        }
        _ => {
            out.push('[');
            for i in 0..rng.below(5) {
                if i > 0 {
                    out.push(',');
                }
                random_json(rng, depth + 1, out);
            }
            out.push(']');
        }
    }
}

/// Rewrites one JSON value inside a valid document.
fn structural_mutation(rng: &mut Rng, document: &[u8]) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(document) else {
        return document.to_vec();
    };
    let mut pointers = Vec::new();
    collect_pointers(&value, String::new(), &mut pointers);
    let pointer = &pointers[rng.below(pointers.len())];
    if let Some(target) = value.pointer_mut(pointer) {
        let mut replacement = String::new();
        random_json(rng, 30, &mut replacement);
        *target = serde_json::from_str(&replacement).unwrap_or(serde_json::Value::Null);
    }
    let text = value.to_string();
    if rng.chance(4) {
        // Duplicate a key textually: serde_json keeps the last one.
        text.replacen("\"digest\":", "\"digest\":\"sha256:00\",\"digest\":", 1)
            .into_bytes()
    } else {
        text.into_bytes()
    }
}

fn collect_pointers(value: &serde_json::Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match value {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_pointers(item, format!("{here}/{i}"), out);
            }
        }
        serde_json::Value::Object(members) => {
            for (key, member) in members {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                collect_pointers(member, format!("{here}/{escaped}"), out);
            }
        }
        _ => {}
    }
}

enum Input {
    Bytes(Vec<u8>),
    Link(String),
}

fn generate(rng: &mut Rng, corpus: &Corpus) -> Input {
    let seed = &corpus.documents[rng.below(corpus.documents.len())];
    match rng.below(15) {
        12..=14 => Input::Bytes(hostile_shape(rng, seed)),
        0 | 1 => {
            let mut bytes = seed.clone();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
            Input::Bytes(bytes)
        }
        2 => Input::Bytes(seed[..rng.below(seed.len() + 1)].to_vec()),
        3 => {
            let other = &corpus.documents[rng.below(corpus.documents.len())];
            let mut bytes = seed[..rng.below(seed.len())].to_vec();
            bytes.extend_from_slice(&other[rng.below(other.len())..]);
            Input::Bytes(bytes)
        }
        4 => {
            let mut text = String::new();
            random_json(rng, 0, &mut text);
            Input::Bytes(text.into_bytes())
        }
        5 => {
            let depth = 1 + rng.below(200_000);
            let (open, close) = if rng.chance(2) {
                ("[", "]")
            } else {
                ("{\"a\":", "}")
            };
            let mut text = open.repeat(depth);
            if rng.chance(2) {
                text.push_str(&close.repeat(depth));
            }
            Input::Bytes(text.into_bytes())
        }
        6 => {
            let mut bytes = seed.clone();
            let at = rng.below(bytes.len());
            let junk: &[u8] = [
                &b"\xff"[..],
                b"\xc0\x80",
                b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80",
                b"\0",
            ][rng.below(5)];
            bytes.splice(at..at, junk.iter().copied());
            Input::Bytes(bytes)
        }
        7 | 8 => Input::Bytes(structural_mutation(rng, seed)),
        9 => {
            let link = &corpus.links[rng.below(corpus.links.len())];
            let mut chars: Vec<char> = link.chars().collect();
            match rng.below(4) {
                0 => chars.truncate(rng.below(chars.len() + 1)),
                1 => {
                    let at = FRAGMENT_PREFIX.len() + rng.below(chars.len() - FRAGMENT_PREFIX.len());
                    chars[at] = ['+', '/', '=', '%', 'é', ' ', 'A', '_'][rng.below(8)];
                }
                2 => {
                    for _ in 0..1 + rng.below(4) {
                        let at =
                            FRAGMENT_PREFIX.len() + rng.below(chars.len() - FRAGMENT_PREFIX.len());
                        chars[at] = char::from(b"ABCDEFabcdef0123-_"[rng.below(18)]);
                    }
                }
                _ => {
                    let extra: String = (0..rng.below(70_000)).map(|_| 'A').collect();
                    chars.extend(extra.chars());
                }
            }
            Input::Link(chars.into_iter().collect())
        }
        10 => {
            if rng.chance(2) {
                Input::Link(corpus.bombs[rng.below(corpus.bombs.len())].clone())
            } else {
                let len = rng.below(300);
                let random: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
                let payload = if rng.chance(2) {
                    random
                } else {
                    miniz_oxide::deflate::compress_to_vec(&random, 1)
                };
                Input::Link(format!(
                    "{FRAGMENT_PREFIX}{}",
                    URL_SAFE_NO_PAD.encode(payload)
                ))
            }
        }
        _ => {
            // Huge number or odd token spliced over a value in a valid document.
            let text = String::from_utf8_lossy(seed).into_owned();
            let token = NASTY_TOKENS[rng.below(NASTY_TOKENS.len())];
            let spliced = match rng.below(3) {
                0 => text.replacen("\"version\": 1", &format!("\"version\": {token}"), 1),
                1 => text.replacen("70", token, 1),
                _ => text.replacen("\"500\"", token, 1),
            };
            Input::Bytes(spliced.into_bytes())
        }
    }
}

/// Pushes one input through every importer and checks they agree.
fn exercise(input: &Input, corpus: &Corpus) {
    match input {
        Input::Bytes(bytes) => {
            let report = verify(bytes);
            let intact = report.is_intact();
            let is = |kind| intact && report.kind == Some(kind);
            assert_eq!(open_record(bytes).is_ok(), is(DocumentKind::Record));
            assert_eq!(
                open_request(bytes).is_ok(),
                is(DocumentKind::DeclarationRequest)
            );
            assert_eq!(
                open_response(bytes).is_ok(),
                is(DocumentKind::DeclarationResponse)
            );
            let check = check_response_with(
                &corpus.request,
                bytes,
                &enduse::trust::Trust::new(&enduse::keybook::KeyBook::new(), None),
            );
            assert_eq!(
                check.response.is_some(),
                is(DocumentKind::DeclarationResponse)
            );
            if let Ok(chain) = DeclarationChain::from_bytes(bytes) {
                exercise_chain(&chain, bytes);
            }
            let text = String::from_utf8_lossy(bytes);
            let _ = decode_fragment(&text);
        }
        Input::Link(link) => {
            let decoded = decode_fragment(link);
            if let Ok(bytes) = &decoded {
                assert!(bytes.len() <= enduse::record::limits::MAX_INFLATED_BYTES);
                let _ = verify(bytes);
            }
            let request = open_request_fragment(link);
            let response = open_response_fragment(link);
            if decoded.is_err() {
                assert!(request.is_err() && response.is_err());
            }
            if let Ok(chain) = DeclarationChain::from_fragment(link) {
                exercise_chain(&chain, link.as_bytes());
            }
        }
    }
}

/// A chain is continuous only if every link in it verifies intact.
fn exercise_chain(chain: &DeclarationChain, input: &[u8]) {
    let report = verify_chain(chain);
    let _ = report.to_model_hops();
    if report.is_continuous() {
        for link in (0..chain.len()).filter_map(|i| chain.link_json(i)) {
            assert!(
                verify(link.as_bytes()).is_intact(),
                "continuous chain with a link that is not intact: {}",
                String::from_utf8_lossy(input)
            );
        }
    }
}

fn describe(input: &Input) -> String {
    let text = match input {
        Input::Bytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Input::Link(link) => link.clone(),
    };
    text.chars().take(2000).collect()
}

fn run(count: usize, seed: u64) {
    let corpus = corpus();
    // The untouched corpus must pass, or the suite would prove nothing.
    for document in &corpus.documents {
        let chain_ok = DeclarationChain::from_bytes(document)
            .is_ok_and(|c| c.len() > 1 && verify_chain(&c).is_continuous());
        assert!(verify(document).is_intact() || chain_ok);
    }
    for link in &corpus.links {
        assert!(decode_fragment(link).is_ok());
    }
    let mut rng = Rng(seed | 1);
    let started = Instant::now();
    let mut slowest = (0.0f64, 0usize);
    for n in 0..count {
        let input = generate(&mut rng, &corpus);
        let one = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(&input, &corpus)));
        let seconds = one.elapsed().as_secs_f64();
        if seconds > slowest.0 {
            slowest = (seconds, n);
        }
        if n > 0 && n % 100_000 == 0 {
            println!(
                "record_fuzz: {n} inputs, {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        if outcome.is_err() {
            panic!(
                "input #{n} (seed {seed}) failed; first 2000 chars:\n{}",
                describe(&input)
            );
        }
    }
    // A figure for the notes, not a timed assertion (budgets live in benches).
    println!(
        "record_fuzz: {count} inputs, seed {seed}, {:.1} s; slowest input #{} took {:.1} ms through every importer",
        started.elapsed().as_secs_f64(),
        slowest.1,
        slowest.0 * 1000.0
    );
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn twenty_thousand_hostile_inputs_do_not_panic() {
    run(20_000, env_number("ENDUSE_FUZZ_SEED", 0x5eed_0001));
}

#[test]
#[ignore = "long run: ENDUSE_FUZZ_COUNT=1000000 cargo test --release --test record_fuzz -- --ignored --nocapture"]
fn a_million_hostile_inputs_do_not_panic() {
    let count = env_number("ENDUSE_FUZZ_COUNT", 1_000_000);
    run(
        usize::try_from(count).unwrap_or(usize::MAX),
        env_number("ENDUSE_FUZZ_SEED", 0x5eed_0002),
    );
}

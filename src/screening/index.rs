//! The search structure built once per list load, and the query path.
//!
//! * every name and alias is reduced to keys ([`NameKey`]) and its keys
//!   interned into a vocabulary;
//! * each vocabulary key gets a weight from its rarity over all names
//!   (inverse document frequency), generic business words a fifth of it;
//! * names are reachable only through their *anchor* keys — their
//!   distinctive keys, or the rarest key when a name has none — so a query
//!   word like "trading" never enumerates thousands of names;
//! * typo candidates come from a deletion neighbourhood (SymSpell): every key
//!   of four letters or more is stored with its one-letter deletions, hashed
//!   and sorted, and a query key looks up its own one- (and for long keys
//!   two-) letter deletions.
//!
//! A query then touches only the handful of names sharing a (near-)key with
//! it, which keeps one name against 50,000 entries well under a millisecond.

use std::collections::HashMap;

use super::list::{ListEntry, ListMeta, SanctionsList};
use super::normalize::{NameKey, is_generic, is_legal_form_key};
use super::outcome::{
    BatchProgress, Hit, HitBasis, Outcome, PartyDetails, Score, ScreenOptions, ScreeningResult,
    TokenPair,
};
use super::party_attributes::{
    SAME_ADDRESS, address_key, address_similarity, compare, identifier_key,
};
use super::phonetic::phonetic_key;
use super::similarity::{loose_similarity, token_similarity};

/// Keys this long or longer get deletion-neighbourhood typo candidates.
const FUZZY_FROM: usize = 4;
/// Query keys this long or longer also try two deletions.
const TWO_DELETIONS_FROM: usize = 8;
/// Keys longer than this are matched exactly only: no real name has such a
/// word, and typo candidates cost O(n²) per list key and O(n³) per query key,
/// which a hostile list or names file would otherwise exploit.
const FUZZY_UNTIL: usize = 48;
/// Names scored in full per query, best candidates first.
const CANDIDATES: usize = 64;
/// Weight factor for generic business words.
const GENERIC_FACTOR: f32 = 0.2;
/// A key on more than this share of names is not distinctive.
const COMMON_SHARE: f32 = 0.02;
/// Below this similarity a distinctive pair does not count as "matched".
const DISTINCTIVE_MATCH: f32 = 0.75;
/// Leftover pairs below this loose similarity get no credit.
const LOOSE_FLOOR: f32 = 0.5;
/// Share of the loose similarity credited to a leftover pair.
const LOOSE_CREDIT: f32 = 1.0;
/// Score factor when the distinctive-token rule is not met.
const NOT_DISTINCTIVE_PENALTY: f32 = 0.5;
/// Credit for an initial meeting a given name (`A.` and `Ali`).
const INITIAL_CREDIT: f32 = 0.8;

/// One name or alias of one entry, as keys.
#[derive(Debug)]
struct IndexedName {
    entry: u32,
    name: u16,
    tokens: Box<[u32]>,
    has_distinctive: bool,
}

/// Lists folded into one searchable index.
#[derive(Debug)]
pub struct ScreeningIndex {
    lists: Vec<ListMeta>,
    entries: Vec<ListEntry>,
    entry_list: Vec<u16>,
    names: Vec<IndexedName>,
    vocab: HashMap<String, u32>,
    keys: Vec<String>,
    weights: Vec<f32>,
    distinctive: Vec<bool>,
    anchors: Vec<Vec<u32>>,
    deletions: Vec<(u64, u32)>,
    unknown_weight: f32,
    /// Entries by identifier key (digits of INN, OGRN, BIN, IMO …).
    identifiers: HashMap<String, Vec<u32>>,
    /// Entries by the numeric keys of their addresses (house numbers,
    /// postcodes): the candidates for an address match.
    address_numbers: HashMap<String, Vec<u32>>,
}

/// A query key paired with a vocabulary key it resembles.
#[derive(Debug, Clone, Copy)]
struct KeyMatch {
    query: usize,
    vocab: u32,
    similarity: f32,
}

impl ScreeningIndex {
    /// Builds the index over `lists`. Names that normalise to nothing
    /// (punctuation only) are skipped.
    pub fn build(lists: Vec<SanctionsList>) -> ScreeningIndex {
        let mut index = ScreeningIndex {
            lists: Vec::with_capacity(lists.len()),
            entries: Vec::new(),
            entry_list: Vec::new(),
            names: Vec::new(),
            vocab: HashMap::new(),
            keys: Vec::new(),
            weights: Vec::new(),
            distinctive: Vec::new(),
            anchors: Vec::new(),
            deletions: Vec::new(),
            unknown_weight: 1.0,
            identifiers: HashMap::new(),
            address_numbers: HashMap::new(),
        };
        let mut document_frequency: Vec<u32> = Vec::new();
        for (list_no, list) in lists.into_iter().enumerate() {
            let list_no = u16::try_from(list_no).unwrap_or(u16::MAX);
            index.lists.push(list.meta);
            for entry in list.entries {
                let entry_no = u32::try_from(index.entries.len()).unwrap_or(u32::MAX);
                for (name_no, name) in entry.names.iter().enumerate() {
                    let key = NameKey::of(&name.text);
                    if key.is_empty() {
                        continue;
                    }
                    let mut tokens = Vec::with_capacity(key.tokens.len());
                    for token in key.tokens {
                        let id = match index.vocab.get(&token) {
                            Some(&id) => id,
                            None => {
                                let id = u32::try_from(index.keys.len()).unwrap_or(u32::MAX);
                                index.vocab.insert(token.clone(), id);
                                index.keys.push(token);
                                document_frequency.push(0);
                                id
                            }
                        };
                        tokens.push(id);
                    }
                    let mut seen = tokens.clone();
                    seen.sort_unstable();
                    seen.dedup();
                    for id in seen {
                        if let Some(df) = document_frequency.get_mut(id as usize) {
                            *df += 1;
                        }
                    }
                    index.names.push(IndexedName {
                        entry: entry_no,
                        name: u16::try_from(name_no).unwrap_or(u16::MAX),
                        tokens: tokens.into_boxed_slice(),
                        has_distinctive: false,
                    });
                }
                index.entries.push(entry);
                index.entry_list.push(list_no);
            }
        }
        index.weigh(&document_frequency);
        index.anchor();
        index.build_deletions();
        index.index_attributes();
        index
    }

    fn index_attributes(&mut self) {
        for (entry_no, entry) in self.entries.iter().enumerate() {
            let entry_no = u32::try_from(entry_no).unwrap_or(u32::MAX);
            for id in &entry.identifiers {
                if let Some(key) = identifier_key(&id.number) {
                    let list = self.identifiers.entry(key).or_default();
                    if list.last() != Some(&entry_no) {
                        list.push(entry_no);
                    }
                }
            }
            for address in &entry.addresses {
                for key in address_key(address) {
                    if key.chars().any(|c| c.is_ascii_digit()) {
                        let list = self.address_numbers.entry(key).or_default();
                        if list.last() != Some(&entry_no) {
                            list.push(entry_no);
                        }
                    }
                }
            }
        }
    }

    fn weigh(&mut self, document_frequency: &[u32]) {
        let n = self.names.len().max(1) as f32;
        let common = (n * COMMON_SHARE).max(20.0);
        self.weights = Vec::with_capacity(self.keys.len());
        self.distinctive = Vec::with_capacity(self.keys.len());
        for (key, &df) in self.keys.iter().zip(document_frequency) {
            let df = df as f32;
            let idf = ((n + 1.0) / (df + 0.5)).ln().max(0.1);
            let generic = is_generic(key);
            self.weights
                .push(if generic { idf * GENERIC_FACTOR } else { idf });
            self.distinctive
                .push(!generic && df <= common && key.chars().count() >= 2);
        }
        self.unknown_weight = ((n + 1.0) / 0.5).ln();
    }

    fn anchor(&mut self) {
        self.anchors = vec![Vec::new(); self.keys.len()];
        for (name_id, name) in self.names.iter_mut().enumerate() {
            let name_id = u32::try_from(name_id).unwrap_or(u32::MAX);
            let distinctive: Vec<u32> = name
                .tokens
                .iter()
                .copied()
                .filter(|&t| self.distinctive.get(t as usize).copied().unwrap_or(false))
                .collect();
            name.has_distinctive = !distinctive.is_empty();
            let anchors = if distinctive.is_empty() {
                name.tokens
                    .iter()
                    .copied()
                    .max_by(|&a, &b| {
                        let wa = self.weights.get(a as usize).copied().unwrap_or(0.0);
                        let wb = self.weights.get(b as usize).copied().unwrap_or(0.0);
                        wa.total_cmp(&wb)
                    })
                    .into_iter()
                    .collect()
            } else {
                distinctive
            };
            for token in anchors {
                if let Some(list) = self.anchors.get_mut(token as usize)
                    && list.last() != Some(&name_id)
                {
                    list.push(name_id);
                }
            }
        }
    }

    fn build_deletions(&mut self) {
        let mut deletions = Vec::new();
        for (id, key) in self.keys.iter().enumerate() {
            let chars: Vec<char> = key.chars().collect();
            if chars.len() < FUZZY_FROM || chars.len() > FUZZY_UNTIL {
                continue;
            }
            let id = u32::try_from(id).unwrap_or(u32::MAX);
            deletions.push((hash_chars(&chars, usize::MAX, usize::MAX), id));
            for skip in 0..chars.len() {
                deletions.push((hash_chars(&chars, skip, usize::MAX), id));
            }
        }
        deletions.sort_unstable();
        deletions.dedup();
        self.deletions = deletions;
    }

    /// Metadata of the loaded lists, in load order.
    pub fn lists(&self) -> &[ListMeta] {
        &self.lists
    }

    /// Number of entries over all lists.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Number of indexed names (primary names plus aliases).
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// An estimate of the heap the index holds, in bytes (entries, names,
    /// vocabulary, postings, typo table), for capacity planning in a browser.
    pub fn approx_heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let strings = |s: &String| s.capacity() + size_of::<String>();
        let entries: usize = self
            .entries
            .iter()
            .map(|e| {
                size_of::<ListEntry>()
                    + e.id.capacity()
                    + e.names
                        .iter()
                        .map(|n| n.text.capacity() + size_of::<super::list::EntryName>())
                        .sum::<usize>()
                    + e.programmes.iter().map(strings).sum::<usize>()
                    + e.countries.iter().map(strings).sum::<usize>()
            })
            .sum();
        let names: usize = self
            .names
            .iter()
            .map(|n| size_of::<IndexedName>() + n.tokens.len() * 4)
            .sum();
        let vocab: usize = self
            .keys
            .iter()
            .map(|k| 2 * k.capacity() + 2 * size_of::<String>() + 16)
            .sum();
        let anchors: usize = self
            .anchors
            .iter()
            .map(|a| size_of::<Vec<u32>>() + a.capacity() * 4)
            .sum();
        entries
            + names
            + vocab
            + anchors
            + self.weights.capacity() * 4
            + self.distinctive.capacity()
            + self.entry_list.capacity() * 2
            + self.deletions.capacity() * size_of::<(u64, u32)>()
    }

    /// Screens one name.
    pub fn screen(&self, name: &str, opts: &ScreenOptions) -> ScreeningResult {
        self.screen_party(name, &PartyDetails::default(), opts)
    }

    /// Screens one party: its name, and what else is known about it
    /// (country, birth year, identifiers, address), each compared with the
    /// list and shown in the hit. An identifier or address shared with a
    /// listed entry is a hit of its own even when the names differ.
    pub fn screen_party(
        &self,
        name: &str,
        details: &PartyDetails,
        opts: &ScreenOptions,
    ) -> ScreeningResult {
        let query = NameKey::of(name);
        let mut result = ScreeningResult {
            query: name.to_string(),
            query_keys: query.tokens.clone(),
            outcome: Outcome::NoListMatch,
            hits: Vec::new(),
        };
        let mut hits = if query.is_empty() {
            Vec::new()
        } else {
            self.name_hits_as_written_and_rejoined(query.tokens, opts)
        };
        for hit in &mut hits {
            let Some(entry) = self.entry_of(hit) else {
                continue;
            };
            hit.attributes = compare(entry, details);
            if !hit.attributes.is_empty() {
                let adjustment: f32 = hit.attributes.iter().map(|a| a.adjustment).sum();
                hit.score = Score::clamped(hit.score.value() + adjustment);
                // Attributes may raise a review to a potential match or lower a
                // potential match to a review; a name similar enough to show is
                // never hidden by them (the conflict is shown instead).
                hit.outcome = opts.classify(hit.score).max(Outcome::Review);
            }
        }
        self.attribute_hits(details, &mut hits);
        hits.sort_by(|a, b| {
            b.outcome
                .cmp(&a.outcome)
                .then(b.score.value().total_cmp(&a.score.value()))
                .then_with(|| a.entry_id.cmp(&b.entry_id))
        });
        hits.truncate(opts.max_hit_count());
        result.outcome = hits
            .iter()
            .map(|h| h.outcome)
            .max()
            .unwrap_or(Outcome::NoListMatch);
        result.hits = hits;
        result
    }

    /// The entry a hit points to.
    fn entry_of(&self, hit: &Hit) -> Option<&ListEntry> {
        self.entries.get(hit.entry_no as usize)
    }

    /// Hits from a shared identifier or address, for entries the name did
    /// not already find.
    fn attribute_hits(&self, details: &PartyDetails, hits: &mut Vec<Hit>) {
        let mut entries: Vec<(u32, HitBasis)> = Vec::new();
        for id in &details.identifiers {
            if let Some(found) = identifier_key(id).and_then(|k| self.identifiers.get(&k)) {
                entries.extend(found.iter().map(|&e| (e, HitBasis::Identifier)));
            }
        }
        if let Some(address) = details.address.as_deref() {
            let q = address_key(address);
            let mut candidates: Vec<u32> = q
                .iter()
                .filter(|k| k.chars().any(|c| c.is_ascii_digit()))
                .filter_map(|k| self.address_numbers.get(k))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for e in candidates {
                let same = self.entries.get(e as usize).is_some_and(|entry| {
                    entry
                        .addresses
                        .iter()
                        .any(|a| address_similarity(&q, &address_key(a)) >= SAME_ADDRESS)
                });
                if same {
                    entries.push((e, HitBasis::Address));
                }
            }
        }
        for (entry_no, basis) in entries {
            let Some(entry) = self.entries.get(entry_no as usize) else {
                continue;
            };
            let Some(list) = self
                .entry_list
                .get(entry_no as usize)
                .and_then(|&l| self.lists.get(l as usize))
            else {
                continue;
            };
            if hits.iter().any(|h| h.entry_no == entry_no) {
                continue;
            }
            let attributes = compare(entry, details);
            let (score, outcome) = match basis {
                HitBasis::Identifier => (Score::clamped(1.0), Outcome::PotentialMatch),
                _ => (Score::clamped(SAME_ADDRESS), Outcome::Review),
            };
            hits.push(Hit {
                list: list.file_name.clone(),
                list_format: list.format,
                list_sha256: list.sha256,
                entry_id: entry.id.clone(),
                entry_name: entry.primary_name().to_string(),
                kind: entry.kind,
                programmes: entry.programmes.clone(),
                countries: entry.countries.clone(),
                matched_name: entry.primary_name().to_string(),
                matched_name_kind: super::list::NameKind::Primary,
                pairs: Vec::new(),
                unmatched_query: Vec::new(),
                unmatched_entry: Vec::new(),
                score,
                outcome,
                basis,
                source: entry.source.clone(),
                licence: entry.licence.clone(),
                attributes,
                entry_no,
            });
        }
    }

    /// Query keys with names written together or apart brought to the
    /// list's spelling: a key the lists do not know is split in two known
    /// keys, or a known key and a legal form (`sergeilavrov`, `siemensag`);
    /// two adjacent keys whose concatenation is a known key are joined
    /// (`mc donald`).
    fn rejoin(&self, tokens: Vec<String>) -> Vec<String> {
        let known = |k: &str| self.vocab.contains_key(k);
        let mut out: Vec<String> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while let Some(token) = tokens.get(i) {
            if let Some(next) = tokens.get(i + 1)
                && !(known(token) && known(next))
            {
                let joined = phonetic_key(&format!("{token}{next}"));
                if known(&joined) {
                    out.push(joined);
                    i += 2;
                    continue;
                }
            }
            if !known(token) {
                let chars: Vec<char> = token.chars().collect();
                let split = (2..chars.len().saturating_sub(1)).find_map(|at| {
                    let left: String = chars.get(..at)?.iter().collect();
                    let right: String = chars.get(at..)?.iter().collect();
                    let (left, right) = (phonetic_key(&left), phonetic_key(&right));
                    if left.chars().count() >= 3 && known(&left) && is_legal_form_key(&right) {
                        Some(vec![left])
                    } else if left.chars().count() >= 3
                        && right.chars().count() >= 3
                        && known(&left)
                        && known(&right)
                    {
                        Some(vec![left, right])
                    } else {
                        None
                    }
                });
                if let Some(parts) = split {
                    out.extend(parts);
                    i += 1;
                    continue;
                }
            }
            out.push(token.clone());
            i += 1;
        }
        out
    }

    /// Hits on the name as written and, when [`Self::rejoin`] changed its
    /// keys, on the rejoined keys too, best per entry. Rejoining may only
    /// add hits: a misspelt word (`horzion`) that happens to split into two
    /// known keys (`hor` + `zion`) must still meet its typo partner.
    fn name_hits_as_written_and_rejoined(
        &self,
        tokens: Vec<String>,
        opts: &ScreenOptions,
    ) -> Vec<Hit> {
        let rejoined = self.rejoin(tokens.clone());
        let mut hits = self.name_hits(&tokens, opts);
        if rejoined != tokens {
            for hit in self.name_hits(&rejoined, opts) {
                match hits.iter_mut().find(|h| h.entry_no == hit.entry_no) {
                    Some(existing) if existing.score.value() >= hit.score.value() => {}
                    Some(existing) => *existing = hit,
                    None => hits.push(hit),
                }
            }
            sort_best_first(&mut hits);
        }
        hits
    }

    /// Hits on the name alone, best first.
    fn name_hits(&self, query_tokens: &[String], opts: &ScreenOptions) -> Vec<Hit> {
        let matches = self.key_matches(query_tokens);
        let mut candidates: HashMap<u32, f32> = HashMap::new();
        for m in &matches {
            let weight = self.weights.get(m.vocab as usize).copied().unwrap_or(0.0);
            for &name_id in self
                .anchors
                .get(m.vocab as usize)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                *candidates.entry(name_id).or_insert(0.0) += weight * m.similarity;
            }
        }
        let mut ranked: Vec<(u32, f32)> = candidates.into_iter().collect();
        if ranked.len() > CANDIDATES {
            // Anchors alone tie for names made of common words (every
            // "RUSSIAN … GROUP"): rank by every matched key before cutting,
            // so the entry that has all of the query's keys is kept.
            let mut credit: HashMap<u32, f32> = HashMap::new();
            for m in &matches {
                let w = self.weights.get(m.vocab as usize).copied().unwrap_or(0.0) * m.similarity;
                let slot = credit.entry(m.vocab).or_insert(0.0);
                *slot = slot.max(w);
            }
            for (name_id, score) in &mut ranked {
                if let Some(name) = self.names.get(*name_id as usize) {
                    let total: f32 = name.tokens.iter().filter_map(|t| credit.get(t)).sum();
                    let entry_weight: f32 = name
                        .tokens
                        .iter()
                        .map(|&t| self.weights.get(t as usize).copied().unwrap_or(0.0))
                        .sum();
                    *score = total / entry_weight.max(f32::EPSILON);
                }
            }
        }
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);

        let mut best_per_entry: HashMap<u32, Hit> = HashMap::new();
        for (name_id, _) in ranked {
            let Some(hit) = self.score_name(name_id, query_tokens, &matches, opts) else {
                continue;
            };
            let Some(indexed) = self.names.get(name_id as usize) else {
                continue;
            };
            match best_per_entry.get(&indexed.entry) {
                Some(existing) if existing.score >= hit.score => {}
                _ => {
                    best_per_entry.insert(indexed.entry, hit);
                }
            }
        }
        let mut hits: Vec<Hit> = best_per_entry.into_values().collect();
        sort_best_first(&mut hits);
        hits
    }

    /// Screens many names lazily, in order: the browser pulls a chunk, paints
    /// progress, and pulls the next.
    pub fn screen_iter<'a, I>(
        &'a self,
        names: I,
        opts: &'a ScreenOptions,
    ) -> impl Iterator<Item = ScreeningResult> + 'a
    where
        I: IntoIterator + 'a,
        I::Item: AsRef<str>,
    {
        names
            .into_iter()
            .map(move |n| self.screen(n.as_ref(), opts))
    }

    /// Screens many names, calling `on_chunk` after every `chunk_size` names
    /// (and after the last) with the progress so far.
    pub fn screen_batch<S: AsRef<str>>(
        &self,
        names: &[S],
        opts: &ScreenOptions,
        chunk_size: usize,
        mut on_chunk: impl FnMut(BatchProgress, &[ScreeningResult]),
    ) -> Vec<ScreeningResult> {
        let chunk_size = chunk_size.max(1);
        let mut results = Vec::with_capacity(names.len());
        for chunk in names.chunks(chunk_size) {
            let start = results.len();
            results.extend(chunk.iter().map(|n| self.screen(n.as_ref(), opts)));
            on_chunk(
                BatchProgress {
                    done: results.len(),
                    total: names.len(),
                },
                results.get(start..).unwrap_or_default(),
            );
        }
        results
    }

    /// Every vocabulary key resembling a query key, with its similarity.
    fn key_matches(&self, query: &[String]) -> Vec<KeyMatch> {
        let mut out: Vec<KeyMatch> = Vec::new();
        for (qi, key) in query.iter().enumerate() {
            if let Some(&v) = self.vocab.get(key) {
                out.push(KeyMatch {
                    query: qi,
                    vocab: v,
                    similarity: 1.0,
                });
            }
            let chars: Vec<char> = key.chars().collect();
            if chars.len() < FUZZY_FROM || chars.len() > FUZZY_UNTIL {
                continue;
            }
            let mut probes = vec![hash_chars(&chars, usize::MAX, usize::MAX)];
            for a in 0..chars.len() {
                probes.push(hash_chars(&chars, a, usize::MAX));
                if chars.len() >= TWO_DELETIONS_FROM {
                    for b in a + 1..chars.len() {
                        probes.push(hash_chars(&chars, a, b));
                    }
                }
            }
            probes.sort_unstable();
            probes.dedup();
            let mut seen: Vec<u32> = Vec::new();
            for probe in probes {
                let start = self.deletions.partition_point(|&(h, _)| h < probe);
                for &(h, v) in self.deletions.get(start..).unwrap_or_default() {
                    if h != probe {
                        break;
                    }
                    seen.push(v);
                }
            }
            seen.sort_unstable();
            seen.dedup();
            for v in seen {
                if out.iter().any(|m| m.query == qi && m.vocab == v) {
                    continue;
                }
                let Some(candidate) = self.keys.get(v as usize) else {
                    continue;
                };
                let similarity = token_similarity(key, candidate);
                if similarity > 0.0 {
                    out.push(KeyMatch {
                        query: qi,
                        vocab: v,
                        similarity,
                    });
                }
            }
        }
        out
    }

    /// Weight of a query key that found no partner.
    fn query_weight(&self, key: &str) -> f32 {
        match self.vocab.get(key) {
            Some(&v) => self
                .weights
                .get(v as usize)
                .copied()
                .unwrap_or(self.unknown_weight),
            None if is_generic(key) => self.unknown_weight * GENERIC_FACTOR,
            None => self.unknown_weight,
        }
    }

    /// Scores one indexed name against the query; `None` below review.
    fn score_name(
        &self,
        name_id: u32,
        query: &[String],
        matches: &[KeyMatch],
        opts: &ScreenOptions,
    ) -> Option<Hit> {
        let indexed = self.names.get(name_id as usize)?;
        let tokens = &indexed.tokens;
        // All plausible (query, entry position) pairs, best first, then a
        // greedy one-to-one assignment: order-independent by construction.
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for (pos, &v) in tokens.iter().enumerate() {
            for m in matches.iter().filter(|m| m.vocab == v) {
                pairs.push((m.similarity, m.query, pos));
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut query_used = vec![false; query.len()];
        let mut entry_used = vec![false; tokens.len()];
        let mut chosen: Vec<(f32, usize, usize, bool)> = Vec::new();
        for (sim, qi, pos) in pairs {
            if query_used.get(qi).copied().unwrap_or(true)
                || entry_used.get(pos).copied().unwrap_or(true)
            {
                continue;
            }
            if let Some(u) = query_used.get_mut(qi) {
                *u = true;
            }
            if let Some(u) = entry_used.get_mut(pos) {
                *u = true;
            }
            chosen.push((sim, qi, pos, false));
        }
        // Leftovers: pair what remains by loose similarity, so a word mangled
        // beyond typo tolerance still counts for something.
        let mut loose: Vec<(f32, usize, usize)> = Vec::new();
        for (qi, q) in query.iter().enumerate() {
            if query_used.get(qi).copied().unwrap_or(true) {
                continue;
            }
            for (pos, &v) in tokens.iter().enumerate() {
                if entry_used.get(pos).copied().unwrap_or(true) {
                    continue;
                }
                let sim = self
                    .keys
                    .get(v as usize)
                    .map(|k| initial_or_loose(q, k))
                    .unwrap_or(0.0);
                if sim >= LOOSE_FLOOR {
                    loose.push((sim * LOOSE_CREDIT, qi, pos));
                }
            }
        }
        loose.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (sim, qi, pos) in loose {
            if query_used.get(qi).copied().unwrap_or(true)
                || entry_used.get(pos).copied().unwrap_or(true)
            {
                continue;
            }
            if let Some(u) = query_used.get_mut(qi) {
                *u = true;
            }
            if let Some(u) = entry_used.get_mut(pos) {
                *u = true;
            }
            chosen.push((sim, qi, pos, true));
        }
        let weight_of = |v: u32| self.weights.get(v as usize).copied().unwrap_or(0.0);
        let entry_total: f32 = tokens.iter().map(|&v| weight_of(v)).sum();
        let mut numerator = 0.0;
        let mut query_total = 0.0;
        let mut distinctive_met = false;
        let mut token_pairs = Vec::with_capacity(chosen.len());
        for &(sim, qi, pos, loose) in &chosen {
            let v = tokens.get(pos).copied().unwrap_or(0);
            let w = weight_of(v);
            numerator += 2.0 * sim * w;
            query_total += w;
            let distinctive = self.distinctive.get(v as usize).copied().unwrap_or(false);
            if distinctive && !loose && sim >= DISTINCTIVE_MATCH {
                distinctive_met = true;
            }
            token_pairs.push(TokenPair {
                query: query.get(qi).cloned().unwrap_or_default(),
                entry: self.keys.get(v as usize).cloned().unwrap_or_default(),
                similarity: Score::clamped(sim),
                weight: w,
                distinctive,
                loose,
            });
        }
        let unmatched_query: Vec<String> = query
            .iter()
            .zip(&query_used)
            .filter(|(_, used)| !**used)
            .map(|(k, _)| k.clone())
            .collect();
        query_total += unmatched_query
            .iter()
            .map(|k| self.query_weight(k))
            .sum::<f32>();
        let unmatched_entry: Vec<String> = tokens
            .iter()
            .zip(&entry_used)
            .filter(|(_, used)| !**used)
            .filter_map(|(&v, _)| self.keys.get(v as usize).cloned())
            .collect();
        let denominator = entry_total + query_total;
        if denominator <= 0.0 {
            return None;
        }
        let mut score = numerator / denominator;
        // The rule peer matchers lack: a generic word or legal form alone must
        // not make a strong match. A name with distinctive keys needs one of
        // them matched; a name made only of common words needs all of them.
        let rule_met = if indexed.has_distinctive {
            distinctive_met
        } else {
            unmatched_entry.is_empty()
        };
        if !rule_met {
            score *= NOT_DISTINCTIVE_PENALTY;
        }
        let score = Score::clamped(score);
        let outcome = opts.classify(score);
        if outcome == Outcome::NoListMatch {
            return None;
        }
        let entry = self.entries.get(indexed.entry as usize)?;
        let name = entry.names.get(indexed.name as usize)?;
        let list = self
            .entry_list
            .get(indexed.entry as usize)
            .and_then(|&l| self.lists.get(l as usize))?;
        Some(Hit {
            list: list.file_name.clone(),
            list_format: list.format,
            list_sha256: list.sha256,
            entry_id: entry.id.clone(),
            entry_name: entry.primary_name().to_string(),
            kind: entry.kind,
            programmes: entry.programmes.clone(),
            countries: entry.countries.clone(),
            matched_name: name.text.clone(),
            matched_name_kind: name.kind,
            pairs: token_pairs,
            unmatched_query,
            unmatched_entry,
            score,
            outcome,
            basis: HitBasis::Name,
            source: entry.source.clone(),
            licence: entry.licence.clone(),
            attributes: Vec::new(),
            entry_no: indexed.entry,
        })
    }
}

/// Similarity of two leftover keys: an initial meets a name it begins
/// (`a` and `ali`, either side), else the loose edit similarity.
fn initial_or_loose(query: &str, entry: &str) -> f32 {
    let (short, long) = if query.chars().count() <= entry.chars().count() {
        (query, entry)
    } else {
        (entry, query)
    };
    if short.chars().count() == 1 && long.chars().count() > 1 && long.starts_with(short) {
        return INITIAL_CREDIT;
    }
    loose_similarity(query, entry)
}

/// FNV-1a over `chars` with up to two positions skipped; the deletion
/// neighbourhood is stored as these hashes (a collision only adds a
/// candidate that the exact distance check then rejects).
fn hash_chars(chars: &[char], skip_a: usize, skip_b: usize) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, c) in chars.iter().enumerate() {
        if i == skip_a || i == skip_b {
            continue;
        }
        let mut buf = [0u8; 4];
        for byte in c.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Name hits best score first, ties by entry id (a stable, reproducible order).
fn sort_best_first(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.score
            .value()
            .total_cmp(&a.score.value())
            .then_with(|| a.entry_id.cmp(&b.entry_id))
    });
}

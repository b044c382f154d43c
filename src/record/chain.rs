//! Chained declarations: following the goods from the exporter to the end
//! user, one declaration per hop, each tied by digest to the one before.
//!
//! The exporter's request (hop 1) is answered by the first buyer. That buyer
//! may *forward* the request: it seals a new request for hop 2 whose
//! [`Forwarding`] names its own response by digest, and sends the whole chain
//! so far to the next party, who answers and may forward again. Because each
//! request embeds the digest of the previous response, and each response the
//! digest of its request, a change anywhere breaks every later link: the
//! chain is hash-linked from the exporter to the end user.
//!
//! The chain travels as a small JSON file (or the same bytes in a link):
//!
//! ```json
//! { "format": "enduse-declaration-chain", "version": 1,
//!   "links": [ <request 1>, <response 1>, <request 2>, <response 2>, <request 3> ] }
//! ```
//!
//! The container itself is not sealed: its integrity is the links'. Every
//! envelope is verified on its own, then continuity is checked hop by hop,
//! and [`verify_chain`] says exactly where a chain breaks.
//!
//! Hash links prove order, not authorship: a first buyer could invent the
//! rest of a chain with fresh keys. So [`verify_chain_with`] also
//! authenticates the parties ([`ChainContext`]):
//!
//! * hop 1 must be the exporter's *own* request (its digest is kept with the
//!   draft), so an old or invented chain cannot replace a draft's hops;
//! * a forwarded request must be signed by the key that signed the response
//!   it forwards: only the declarant can pass its declaration on;
//! * one key signing responses for two different parties is flagged;
//! * a hop counts as `Signed` only when its key is trusted (key book or the
//!   host's registry); a valid signature by an unknown key is `Declared`,
//!   i.e. attributed to nobody, and its [`HopReport::signature`] says why.

use std::fmt;

use serde_json::{Map, Value};

use super::declaration::{ResponseProblem, check_opened_response_with};
use super::digest::Digest;
use super::envelope::{DocumentKind, Sealed};
use super::fragment::{FRAGMENT_PREFIX, FragmentError, decode_fragment, encode_bytes};
use super::limits::{InputError, MAX_DOCUMENT_BYTES, parse_json};
use super::open::{OpenError, Opened, open_request, open_response};
use super::v1::{
    CreatedAt, Decimal, DeclarationRequest, DeclarationResponse, Disposition, Forwarding,
    GoodsLine, HopDocuments, Id, NamedParty, RequestParty,
};
use super::verdict::{Verdict, signature_verdict};
use crate::country::Country;
use crate::keybook::{KeyBook, normal_name};
use crate::lang::Lang;
use crate::model::{Fact, Hop, HopRole};
use crate::trust::Trust;

/// The `format` of a chain file.
pub const CHAIN_FORMAT: &str = "enduse-declaration-chain";
/// The only chain file version this build reads and writes.
pub const CHAIN_VERSION: u64 = 1;
/// Most hops a chain may have: far beyond any real route, small enough that
/// a hostile file cannot make verification slow.
pub const MAX_HOPS: usize = super::v1::MAX_HOP as usize;

/// Why bytes are not a usable chain file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// Not JSON within the limits.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A link that does not decode.
    #[error(transparent)]
    Fragment(#[from] FragmentError),
    /// JSON, but not a chain file.
    #[error("this is not a declaration chain: {0}")]
    NotAChain(String),
    /// A chain file of a version this build does not read.
    #[error("declaration chain version {0} is not supported by this build")]
    Version(String),
    /// More documents than [`MAX_HOPS`] allows.
    #[error("the chain has {found} documents; at most {limit} are accepted")]
    TooLong {
        /// Documents found.
        found: usize,
        /// Limit applied.
        limit: usize,
    },
    /// A sealed document could not be added.
    #[error("the document could not be added to the chain: {0}")]
    Add(String),
}

/// Whether `bytes` are a chain file (as opposed to a single document), so a
/// verifier can choose how to report. Anything unreadable answers `false`.
pub fn is_chain_file(bytes: &[u8]) -> bool {
    parse_json(bytes, MAX_DOCUMENT_BYTES)
        .ok()
        .and_then(|v| {
            v.get("format")
                .and_then(Value::as_str)
                .map(|f| f == CHAIN_FORMAT)
        })
        .unwrap_or(false)
}

/// A chain file: the envelopes in order, request and response per hop; the
/// last request may still await its response.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclarationChain {
    links: Vec<Value>,
}

impl DeclarationChain {
    /// A chain that starts with the exporter's request.
    pub fn start(request: &Sealed) -> Result<DeclarationChain, ChainError> {
        let mut chain = DeclarationChain { links: Vec::new() };
        chain.push(request)?;
        Ok(chain)
    }

    /// Reads a chain file from untrusted bytes. A single request envelope is
    /// read as a chain of one link, so every importer can take either.
    pub fn from_bytes(bytes: &[u8]) -> Result<DeclarationChain, ChainError> {
        let value = parse_json(bytes, MAX_DOCUMENT_BYTES)?;
        let Value::Object(mut map) = value else {
            return Err(ChainError::NotAChain("expected a JSON object".into()));
        };
        let format = map.get("format").and_then(Value::as_str).unwrap_or("");
        if format == DocumentKind::DeclarationRequest.format_name() {
            return Ok(DeclarationChain {
                links: vec![Value::Object(map)],
            });
        }
        if format != CHAIN_FORMAT {
            return Err(ChainError::NotAChain(if format.is_empty() {
                "no \"format\" member".into()
            } else {
                format!("its format is \"{format}\"")
            }));
        }
        match map.get("version") {
            Some(v) if v.as_u64() == Some(CHAIN_VERSION) => {}
            Some(v) => return Err(ChainError::Version(v.to_string())),
            None => return Err(ChainError::NotAChain("no \"version\" member".into())),
        }
        let Some(Value::Array(links)) = map.remove("links") else {
            return Err(ChainError::NotAChain("no \"links\" list".into()));
        };
        if let Some(extra) = map
            .keys()
            .find(|k| !matches!(k.as_str(), "format" | "version"))
        {
            return Err(ChainError::NotAChain(format!("unknown member \"{extra}\"")));
        }
        if links.is_empty() {
            return Err(ChainError::NotAChain("the links list is empty".into()));
        }
        if links.len() > 2 * MAX_HOPS {
            return Err(ChainError::TooLong {
                found: links.len(),
                limit: 2 * MAX_HOPS,
            });
        }
        Ok(DeclarationChain { links })
    }

    /// Reads a chain (or a single request) shared as a link.
    pub fn from_fragment(link: &str) -> Result<DeclarationChain, ChainError> {
        DeclarationChain::from_bytes(&decode_fragment(link)?)
    }

    /// Appends a sealed request or response.
    pub fn push(&mut self, sealed: &Sealed) -> Result<(), ChainError> {
        if self.links.len() >= 2 * MAX_HOPS {
            return Err(ChainError::TooLong {
                found: self.links.len() + 1,
                limit: 2 * MAX_HOPS,
            });
        }
        let value =
            serde_json::from_str(&sealed.canonical).map_err(|e| ChainError::Add(e.to_string()))?;
        self.links.push(value);
        Ok(())
    }

    /// How many envelopes the chain holds.
    pub fn len(&self) -> usize {
        self.links.len()
    }

    /// Whether the chain holds no envelope (never true for a parsed chain).
    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// Link `index` (request 1, response 1, request 2, …) as compact JSON,
    /// ready for the single-document importers.
    pub fn link_json(&self, index: usize) -> Option<String> {
        self.links.get(index).map(Value::to_string)
    }

    /// The request still waiting for its response (the last link, when the
    /// chain has an odd number of links), opened and verified.
    pub fn open_request(&self) -> Option<Result<Opened<DeclarationRequest>, OpenError>> {
        (self.links.len() % 2 == 1)
            .then(|| self.links.last())
            .flatten()
            .map(|v| open_request(v.to_string().as_bytes()))
    }

    fn file_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("format".into(), CHAIN_FORMAT.into());
        map.insert("version".into(), CHAIN_VERSION.into());
        map.insert("links".into(), Value::Array(self.links.clone()));
        Value::Object(map)
    }

    /// The chain file, pretty-printed, ready to save.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.file_value()).unwrap_or_default() + "\n"
    }

    /// The chain as a link fragment (`#/declare?r=…`).
    pub fn to_fragment(&self) -> String {
        let compact = self.file_value().to_string();
        format!("{FRAGMENT_PREFIX}{}", encode_bytes(compact.as_bytes()))
    }
}

/// The state of one hop's link, as the chain view shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkState {
    /// Declared, intact, continuous, and the response is signed by a
    /// trusted key.
    Signed,
    /// Declared, intact and continuous, but unsigned or signed by a key that
    /// is not trusted ([`HopReport::signature`] tells which).
    Declared,
    /// Intact and continuous, but the declaration raises a problem (a
    /// commitment left out, quantities that differ, Russia or Belarus named).
    Flagged,
    /// The request was forwarded; no response yet.
    Awaiting,
    /// Continuity fails here: the chain cannot be relied on from this hop on.
    Broken,
}

impl LinkState {
    /// Machine name (`signed`, `declared`, `flagged`, `awaiting`, `broken`).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkState::Signed => "signed",
            LinkState::Declared => "declared",
            LinkState::Flagged => "flagged",
            LinkState::Awaiting => "awaiting",
            LinkState::Broken => "broken",
        }
    }
}

/// One thing wrong with a hop's link. Lines are 0-based here and counted
/// from 1 in the messages people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainProblem {
    /// The hop's request does not verify or is not a request.
    Request(String),
    /// The hop's response does not verify or is not a response.
    Response(String),
    /// Hop 1 is a forwarded request: the exporter's own request is missing.
    FirstIsForwarded,
    /// A later hop's request was not forwarded from the hop before.
    NotForwarded,
    /// The request gives another hop number.
    HopNumber {
        /// The number it gives.
        found: u32,
    },
    /// The request belongs to another chain (`chain_id` differs).
    OtherChain,
    /// The request names another exporter than the chain's.
    ExporterDiffers,
    /// The request continues a response other than the previous hop's.
    ContinuesAnotherResponse,
    /// The response does not echo the previous response's digest.
    PreviousNotEchoed,
    /// The response does not answer its request as it should.
    Answer(ResponseProblem),
    /// The request has another number of goods lines than the hop before.
    GoodsLinesDiffer {
        /// Lines the previous hop declared.
        previous: usize,
        /// Lines this request has.
        now: usize,
    },
    /// A line's HS code changed between hops.
    HsCodeChanged {
        /// 0-based line.
        line: usize,
    },
    /// More goods were passed on than the previous hop declared.
    QuantityGrew {
        /// 0-based line.
        line: usize,
    },
    /// Fewer goods were passed on than the previous hop declared.
    QuantityShrank {
        /// 0-based line.
        line: usize,
    },
    /// This hop follows a broken link, so its place in the chain is unproven.
    AfterBreak {
        /// The broken hop (1-based).
        hop: u32,
    },
    /// Hop 1 is not the request this draft sent (digest differs): an old
    /// chain, or somebody else's.
    NotOwnRequest,
    /// The previous response is signed, but this forwarded request is not:
    /// nothing proves the declarant forwarded it.
    ForwardUnsigned,
    /// The forwarded request is signed by another key than the one that
    /// signed the response it forwards.
    ForwardedByOtherKey {
        /// Fingerprint of the request's signer.
        found: String,
        /// Fingerprint of the previous response's signer.
        expected: String,
    },
    /// The key that signed this response also signed a response for another
    /// party: one hand writing two parties' declarations.
    SameKeyTwoParties {
        /// The earlier hop (1-based) signed by the same key.
        hop: u32,
        /// The party named there.
        party: String,
    },
    /// The party is in the key book under another key.
    KeyChanged {
        /// The fingerprint that signed this hop.
        fingerprint: String,
    },
}

impl ChainProblem {
    /// Whether the problem breaks continuity (rather than flag a declaration).
    pub fn breaks_chain(&self) -> bool {
        match self {
            ChainProblem::Answer(p) => !matches!(
                p,
                ResponseProblem::CommitmentMissing(_)
                    | ResponseProblem::QuantityDiffers(_)
                    | ResponseProblem::RussiaOrBelarus
            ),
            ChainProblem::QuantityGrew { .. }
            | ChainProblem::QuantityShrank { .. }
            | ChainProblem::SameKeyTwoParties { .. }
            | ChainProblem::KeyChanged { .. } => false,
            _ => true,
        }
    }
}

impl fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainProblem::Request(why) => write!(f, "the request cannot be used: {why}"),
            ChainProblem::Response(why) => write!(f, "the response cannot be used: {why}"),
            ChainProblem::FirstIsForwarded => {
                f.write_str("the chain does not start with the exporter's own request")
            }
            ChainProblem::NotForwarded => {
                f.write_str("the request was not forwarded from the previous hop")
            }
            ChainProblem::HopNumber { found } => {
                write!(f, "the request says it is for hop {found}")
            }
            ChainProblem::OtherChain => f.write_str("the request belongs to another chain"),
            ChainProblem::ExporterDiffers => {
                f.write_str("the request names another exporter than the chain's")
            }
            ChainProblem::ContinuesAnotherResponse => f.write_str(
                "the request continues a different response than the previous hop's (digest differs)",
            ),
            ChainProblem::PreviousNotEchoed => {
                f.write_str("the response does not name the previous hop's response")
            }
            ChainProblem::Answer(p) => p.fmt(f),
            ChainProblem::GoodsLinesDiffer { previous, now } => write!(
                f,
                "the request has {now} goods lines; the previous hop declared {previous}"
            ),
            ChainProblem::HsCodeChanged { line } => {
                write!(f, "goods line {}: the HS code changed from the previous hop", line + 1)
            }
            ChainProblem::QuantityGrew { line } => write!(
                f,
                "goods line {}: more passed on than the previous hop declared",
                line + 1
            ),
            ChainProblem::QuantityShrank { line } => write!(
                f,
                "goods line {}: less passed on than the previous hop declared",
                line + 1
            ),
            ChainProblem::AfterBreak { hop } => {
                write!(f, "follows the broken link at hop {hop}; continuity unproven")
            }
            ChainProblem::NotOwnRequest => f.write_str(
                "hop 1 is not the request this draft sent (its digest differs): an old or another party's chain",
            ),
            ChainProblem::ForwardUnsigned => f.write_str(
                "the previous response is signed, but this forwarded request is not: nothing proves the declarant forwarded it",
            ),
            ChainProblem::ForwardedByOtherKey { found, expected } => write!(
                f,
                "the forwarded request is signed by key {found}, not by {expected} that signed the response it forwards"
            ),
            ChainProblem::SameKeyTwoParties { hop, party } => write!(
                f,
                "the same key signed hop {hop}'s declaration for {party}: one key for two parties"
            ),
            ChainProblem::KeyChanged { fingerprint } => write!(
                f,
                "KEY CHANGED: this party is in your key book under another key; {fingerprint} is new"
            ),
        }
    }
}

/// What the declarant of one hop said, in the terms the chain view and the
/// risk engine need.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredHop {
    /// The declaring party.
    pub party: String,
    /// Its country.
    pub country: Country,
    /// What it does with the goods, from its declared disposition.
    pub role: HopRole,
    /// The end user it names.
    pub end_user: String,
    /// The end user's country.
    pub end_user_country: Country,
    /// Where it says the goods are used.
    pub end_use_country: Country,
    /// Quantity confirmed per goods line (index = line); `None` when the
    /// confirmed text is not a number.
    pub quantities: Vec<Option<f64>>,
    /// Document numbers it gave.
    pub documents: HopDocuments,
    /// Fingerprint of its signing key, when signed.
    pub signer: Option<String>,
}

/// The verdict on one hop.
#[derive(Debug, Clone, PartialEq)]
pub struct HopReport {
    /// 1-based hop number.
    pub hop: u32,
    /// Overall state.
    pub state: LinkState,
    /// Digest of the hop's request, when it verified.
    pub request_digest: Option<Digest>,
    /// Digest of the hop's response, when it verified.
    pub response_digest: Option<Digest>,
    /// The party the request was addressed to (first party named), if any.
    pub addressee: Option<(String, Option<Country>)>,
    /// Who forwarded the request (hop 2 on).
    pub forwarded_by: Option<String>,
    /// The declaration, when the response verified.
    pub declared: Option<DeclaredHop>,
    /// Who signed the response, judged against the trusted keys.
    pub signature: Option<Verdict>,
    /// Fingerprint of the key that signed the hop's request, if signed.
    pub request_signer: Option<String>,
    /// Everything wrong, breaks first.
    pub problems: Vec<ChainProblem>,
}

/// The verdict on a whole chain.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainReport {
    /// The exporter's request id, when hop 1's request verified.
    pub chain_id: Option<String>,
    /// The exporter, when hop 1's request verified.
    pub exporter: Option<String>,
    /// Hop 1's goods lines (description, HS code, unit), for tables.
    pub goods: Vec<GoodsLine>,
    /// One report per hop, in order.
    pub hops: Vec<HopReport>,
}

impl ChainReport {
    /// The first hop whose link is broken (1-based), if any.
    pub fn first_break(&self) -> Option<u32> {
        self.hops
            .iter()
            .find(|h| h.state == LinkState::Broken)
            .map(|h| h.hop)
    }

    /// Intact from end to end: no broken link.
    pub fn is_continuous(&self) -> bool {
        self.first_break().is_none()
    }

    /// Continuous, every hop declared, and the last declarant is an end user.
    pub fn reaches_end_user(&self) -> bool {
        self.is_continuous()
            && self.hops.iter().all(|h| h.declared.is_some())
            && self
                .hops
                .last()
                .and_then(|h| h.declared.as_ref())
                .is_some_and(|d| d.role == HopRole::EndUser)
    }

    /// The hops in the questionnaire's model, for the risk engine: one per
    /// declared hop, plus the awaited party of an open request (role unknown).
    /// Hops after a break are left out: they cannot be relied on.
    pub fn to_model_hops(&self) -> Vec<Hop> {
        let mut hops = Vec::new();
        for report in &self.hops {
            if report.state == LinkState::Broken {
                break;
            }
            let hop = match &report.declared {
                Some(d) => Hop {
                    party: d.party.clone(),
                    country: Fact::Known(d.country),
                    role: Fact::Known(d.role),
                    received: d.documents.received.into(),
                    quantities: d.quantities.iter().map(|q| Fact::from(*q)).collect(),
                    documents: crate::model::HopDocuments {
                        commercial_invoice: d.documents.commercial_invoice.clone(),
                        transport_document: d.documents.transport_document.clone(),
                        esf: d.documents.esf.clone(),
                        customs_declaration: d.documents.customs_declaration.clone(),
                        snt: d.documents.snt.clone(),
                        guarantee_obligation: d.documents.guarantee_obligation.clone(),
                    },
                    ..Hop::default()
                },
                None => {
                    let (party, country) = report.addressee.clone().unwrap_or_default();
                    Hop {
                        party,
                        country: country.into(),
                        ..Hop::default()
                    }
                }
            };
            hops.push(hop);
        }
        hops
    }
}

/// The role a declared disposition implies.
pub fn role_of(disposition: Disposition) -> HopRole {
    match disposition {
        Disposition::Consume | Disposition::Incorporate => HopRole::EndUser,
        Disposition::ResellExport => HopRole::ReExporter,
        Disposition::ResellDomestic | Disposition::Stock => HopRole::Distributor,
    }
}

fn decimal(d: &Decimal) -> Option<f64> {
    d.as_str().parse::<f64>().ok().filter(|n| n.is_finite())
}

fn is_kind(value: &Value, kind: DocumentKind) -> bool {
    value.get("format").and_then(Value::as_str) == Some(kind.format_name())
}

/// What a chain is checked against: the trusted keys, and the request the
/// exporter's draft sent (when verifying for a draft).
#[derive(Debug, Clone, Copy)]
pub struct ChainContext<'a> {
    /// The key book and host registry.
    pub trust: Trust<'a>,
    /// Digest of the exporter's own hop-1 request, kept with the draft.
    pub own_request: Option<Digest>,
}

/// Verifies every link and the continuity between them, with no trusted
/// key: every signature is reported as not trusted.
pub fn verify_chain(chain: &DeclarationChain) -> ChainReport {
    let book = KeyBook::new();
    verify_chain_with(
        chain,
        &ChainContext {
            trust: Trust::new(&book, None),
            own_request: None,
        },
    )
}

/// Verifies every link, the continuity between them, and who signed each.
pub fn verify_chain_with(chain: &DeclarationChain, context: &ChainContext<'_>) -> ChainReport {
    let mut report = ChainReport {
        chain_id: None,
        exporter: None,
        goods: Vec::new(),
        hops: Vec::new(),
    };
    let mut first: Option<Opened<DeclarationRequest>> = None;
    // The previous hop's verified response, for continuity checks.
    let mut previous: Option<Opened<DeclarationResponse>> = None;
    let mut broken_at: Option<u32> = None;
    // Public key (hex) → first hop and party it signed a response for.
    let mut signed_for: Vec<(String, u32, String)> = Vec::new();

    for (index, pair) in chain.links.chunks(2).enumerate() {
        let hop = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut problems = Vec::new();
        let mut hop_report = HopReport {
            hop,
            state: LinkState::Awaiting,
            request_digest: None,
            response_digest: None,
            addressee: None,
            forwarded_by: None,
            declared: None,
            signature: None,
            request_signer: None,
            problems: Vec::new(),
        };
        let request = match pair.first() {
            Some(v) if is_kind(v, DocumentKind::DeclarationResponse) => {
                problems.push(ChainProblem::Request(
                    "a response stands where this hop's request should be".into(),
                ));
                None
            }
            Some(v) => match open_request(v.to_string().as_bytes()) {
                Ok(opened) => Some(opened),
                Err(e) => {
                    problems.push(ChainProblem::Request(e.to_string()));
                    None
                }
            },
            None => None,
        };
        if let Some(request) = &request {
            hop_report.request_digest = Some(request.digest);
            hop_report.addressee = request.body.parties.first().map(|p| {
                let named = p.named();
                (named.name, named.country)
            });
            hop_report.forwarded_by = request
                .body
                .forwarded
                .as_ref()
                .map(|f| f.forwarded_by.clone());
            hop_report.request_signer = request.signer().map(str::to_string);
            continuity(
                hop,
                request,
                first.as_ref(),
                previous.as_ref(),
                &mut problems,
            );
            if hop > 1 {
                forwarded_by_declarant(request, previous.as_ref(), &mut problems);
            }
            if hop == 1
                && let Some(own) = context.own_request
                && request.digest != own
            {
                problems.push(ChainProblem::NotOwnRequest);
            }
            if hop == 1 {
                report.chain_id = Some(request.body.request_id.as_str().to_string());
                report.exporter = Some(request.body.exporter.name.clone());
                report.goods = request.body.goods.clone();
                first = Some(request.clone());
            }
        }
        let response = match pair.get(1) {
            None => None,
            Some(v) => match open_response(v.to_string().as_bytes()) {
                Ok(opened) => Some(opened),
                Err(e) => {
                    problems.push(ChainProblem::Response(e.to_string()));
                    None
                }
            },
        };
        if let (Some(request), Some(response)) = (&request, &response) {
            let check = check_opened_response_with(request, response.clone(), &context.trust);
            problems.extend(check.problems.into_iter().map(ChainProblem::Answer));
            let customer = &response.body.customer;
            let verdict = signature_verdict(
                &response.report.signature,
                &context.trust,
                Some((customer.name.as_str(), Some(customer.country))),
            );
            if let Verdict::Untrusted {
                fingerprint,
                standing,
                ..
            } = &verdict
                && standing.key_changed()
            {
                problems.push(ChainProblem::KeyChanged {
                    fingerprint: fingerprint.clone(),
                });
            }
            if let Some(block) = &response.signature {
                let name = normal_name(&customer.name);
                match signed_for
                    .iter()
                    .find(|(key, _, _)| *key == block.public_key)
                {
                    Some((_, earlier, party)) if normal_name(party) != name => {
                        problems.push(ChainProblem::SameKeyTwoParties {
                            hop: *earlier,
                            party: party.clone(),
                        });
                    }
                    Some(_) => {}
                    None => signed_for.push((block.public_key.clone(), hop, customer.name.clone())),
                }
            }
            hop_report.signature = Some(verdict);
            let expected_previous = request.body.forwarded.as_ref().map(|f| f.previous_response);
            if response.body.previous_response != expected_previous {
                problems.push(ChainProblem::PreviousNotEchoed);
            }
            hop_report.response_digest = Some(response.digest);
            hop_report.declared = Some(declared(&request.body, response));
        }
        if let Some(at) = broken_at {
            problems.push(ChainProblem::AfterBreak { hop: at });
        }
        problems.sort_by_key(|p| !p.breaks_chain());
        let breaks = problems.iter().any(ChainProblem::breaks_chain);
        hop_report.state = if breaks {
            LinkState::Broken
        } else if !problems.is_empty() {
            LinkState::Flagged
        } else {
            match &response {
                None => LinkState::Awaiting,
                Some(_)
                    if hop_report
                        .signature
                        .as_ref()
                        .is_some_and(Verdict::is_trusted) =>
                {
                    LinkState::Signed
                }
                Some(_) => LinkState::Declared,
            }
        };
        if breaks && broken_at.is_none() {
            broken_at = Some(hop);
        }
        hop_report.problems = problems;
        report.hops.push(hop_report);
        previous = response;
    }
    report
}

/// Checks that a forwarded request was signed by the key that signed the
/// response it forwards. An unsigned previous response authenticates nobody,
/// so there is nothing to compare (the hop shows as declared, not signed).
fn forwarded_by_declarant(
    request: &Opened<DeclarationRequest>,
    previous: Option<&Opened<DeclarationResponse>>,
    problems: &mut Vec<ChainProblem>,
) {
    let Some(expected) = previous.and_then(|p| p.signature.as_ref()) else {
        return;
    };
    match &request.signature {
        None => problems.push(ChainProblem::ForwardUnsigned),
        Some(found) if found.public_key != expected.public_key => {
            problems.push(ChainProblem::ForwardedByOtherKey {
                found: found.fingerprint.clone(),
                expected: expected.fingerprint.clone(),
            });
        }
        Some(_) => {}
    }
}

/// Checks that `request` continues the chain where the previous hop left it.
fn continuity(
    hop: u32,
    request: &Opened<DeclarationRequest>,
    first: Option<&Opened<DeclarationRequest>>,
    previous: Option<&Opened<DeclarationResponse>>,
    problems: &mut Vec<ChainProblem>,
) {
    let body = &request.body;
    let Some(forwarding) = &body.forwarded else {
        if hop > 1 {
            problems.push(ChainProblem::NotForwarded);
        }
        return;
    };
    if hop == 1 {
        problems.push(ChainProblem::FirstIsForwarded);
        return;
    }
    if forwarding.hop != hop {
        problems.push(ChainProblem::HopNumber {
            found: forwarding.hop,
        });
    }
    if let Some(first) = first {
        if forwarding.chain_id != first.body.request_id {
            problems.push(ChainProblem::OtherChain);
        }
        if body.exporter != first.body.exporter {
            problems.push(ChainProblem::ExporterDiffers);
        }
    }
    let Some(previous) = previous else {
        // The previous hop has no usable response: nothing to continue.
        problems.push(ChainProblem::ContinuesAnotherResponse);
        return;
    };
    if forwarding.previous_response != previous.digest {
        problems.push(ChainProblem::ContinuesAnotherResponse);
    }
    let items = &previous.body.items;
    if items.len() != body.goods.len() {
        problems.push(ChainProblem::GoodsLinesDiffer {
            previous: items.len(),
            now: body.goods.len(),
        });
        return;
    }
    for (line, (item, goods)) in items.iter().zip(&body.goods).enumerate() {
        if item.hs_code.is_some() && goods.hs_code != item.hs_code {
            problems.push(ChainProblem::HsCodeChanged { line });
        }
        let (Some(before), Some(now)) = (
            decimal(&item.quantity),
            goods.quantity.as_ref().and_then(decimal),
        ) else {
            continue;
        };
        if now > before {
            problems.push(ChainProblem::QuantityGrew { line });
        } else if now < before {
            problems.push(ChainProblem::QuantityShrank { line });
        }
    }
}

fn declared(request: &DeclarationRequest, response: &Opened<DeclarationResponse>) -> DeclaredHop {
    let body = &response.body;
    let mut quantities = vec![None; request.goods.len()];
    for item in &body.items {
        if let Some(slot) = usize::try_from(item.line)
            .ok()
            .and_then(|i| quantities.get_mut(i))
        {
            *slot = decimal(&item.quantity);
        }
    }
    DeclaredHop {
        party: body.customer.name.clone(),
        country: body.customer.country,
        role: role_of(body.disposition),
        end_user: body.end_user.name.clone(),
        end_user_country: body.end_user.country,
        end_use_country: body.end_use.country,
        quantities,
        documents: body.documents.clone().unwrap_or_default(),
        signer: response.signer().map(str::to_string),
    }
}

/// The party a forwarded request is addressed to.
#[derive(Debug, Clone)]
pub struct NextParty {
    /// A fresh id for the new request.
    pub request_id: Id,
    /// The next party as the forwarder names it.
    pub party: NamedParty,
    /// Language the form opens in.
    pub language: Lang,
    /// When the request is made.
    pub created: CreatedAt,
}

/// The request a declarant forwards to the next party: the goods it declared
/// (with the quantities it passes on: `quantities[line]`, or what it
/// confirmed when `None`), tied to its own response by digest.
pub fn forward_request(
    request: &Opened<DeclarationRequest>,
    response: &Opened<DeclarationResponse>,
    next: NextParty,
    quantities: Option<&[Decimal]>,
) -> DeclarationRequest {
    let chain_id = request
        .body
        .forwarded
        .as_ref()
        .map_or_else(|| request.body.request_id.clone(), |f| f.chain_id.clone());
    // Read hops are at most `v1::MAX_HOP`; saturating keeps a hand-built one
    // from wrapping (the sealed request would then be refused, not renumbered).
    let hop = request
        .body
        .forwarded
        .as_ref()
        .map_or(2, |f| f.hop.saturating_add(1));
    let goods = request
        .body
        .goods
        .iter()
        .enumerate()
        .map(|(line, g)| {
            let confirmed = response
                .body
                .items
                .iter()
                .find(|i| usize::try_from(i.line).ok() == Some(line))
                .map(|i| i.quantity.clone());
            let passed_on = quantities.and_then(|q| q.get(line)).cloned();
            GoodsLine {
                quantity: passed_on.or(confirmed).or_else(|| g.quantity.clone()),
                // Prices are between the exporter and its buyer.
                value: None,
                currency: None,
                ..g.clone()
            }
        })
        .collect();
    DeclarationRequest {
        request_id: next.request_id,
        exporter: request.body.exporter.clone(),
        goods,
        parties: vec![RequestParty::Named(next.party)],
        language: next.language,
        created: next.created,
        forwarded: Some(Forwarding {
            chain_id,
            hop,
            previous_response: response.digest,
            forwarded_by: response.body.customer.name.clone(),
        }),
    }
}

//! Importing a counterparty's response: does it answer *this* request, is it
//! intact, is it complete, and what evidence status does it give the engine.
//!
//! The mapping into [`DeclarationStatus`] is conservative: a response that
//! fails verification, answers another request, leaves a commitment unticked
//! or contradicts the request counts as `Mismatching` — a document we cannot
//! rely on must never look like reassurance. A signature counts (status
//! `ReceivedMatchingSigned`) only when its key is trusted ([`crate::trust`]):
//! a response signed by an unknown key is attributed to nobody and counts as
//! unsigned, and [`ResponseCheck::signature`] says so.

use std::fmt;

use crate::model::DeclarationStatus;
use crate::trust::Trust;

use super::envelope::{DocumentKind, SealError, Sealed, seal};
use super::open::{OpenError, Opened, open_response};
use super::signing::SecretKey;
use super::v1::{self, Decimal, DeclarationRequest, DeclarationResponse, EmbeddedResponse};
use super::verdict::{Verdict, signature_verdict};

/// One reason a response cannot be relied on. Lines are 0-based here and
/// counted from 1 in the messages people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseProblem {
    /// The file failed verification or is not a response.
    Unreadable(String),
    /// `request_digest` names another request (or an edited copy of this one).
    AnswersAnotherRequest,
    /// `request_id` differs from the request's.
    RequestIdDiffers,
    /// An undertaking was left unticked.
    CommitmentMissing(&'static str),
    /// An item names a line the request does not have.
    UnknownLine(u32),
    /// A request line appears twice.
    DuplicateLine(u32),
    /// A request line is not confirmed.
    LineNotConfirmed(u32),
    /// The HS code of a line differs from the request's.
    HsCodeDiffers(u32),
    /// The confirmed quantity differs from the requested one.
    QuantityDiffers(u32),
    /// The customer declares Russia or Belarus as the place of end use or as
    /// the end user's country.
    RussiaOrBelarus,
}

impl fmt::Display for ResponseProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseProblem::Unreadable(why) => write!(f, "the response cannot be used: {why}"),
            ResponseProblem::AnswersAnotherRequest => {
                f.write_str("the response answers a different request (request digest differs)")
            }
            ResponseProblem::RequestIdDiffers => f.write_str("the response's request id differs"),
            ResponseProblem::CommitmentMissing(name) => {
                write!(f, "commitment \"{name}\" was not ticked")
            }
            ResponseProblem::UnknownLine(line) => {
                write!(
                    f,
                    "item refers to goods line {}, which the request does not have",
                    u64::from(*line) + 1
                )
            }
            ResponseProblem::DuplicateLine(line) => {
                write!(f, "goods line {} is confirmed twice", u64::from(*line) + 1)
            }
            ResponseProblem::LineNotConfirmed(line) => {
                write!(f, "goods line {} is not confirmed", u64::from(*line) + 1)
            }
            ResponseProblem::HsCodeDiffers(line) => {
                write!(
                    f,
                    "goods line {}: the HS code differs from the request",
                    u64::from(*line) + 1
                )
            }
            ResponseProblem::QuantityDiffers(line) => {
                write!(
                    f,
                    "goods line {}: the quantity differs from the request",
                    u64::from(*line) + 1
                )
            }
            ResponseProblem::RussiaOrBelarus => {
                f.write_str("the declared end use or end user is in Russia or Belarus")
            }
        }
    }
}

/// The result of importing a response against its request.
#[derive(Debug, Clone)]
pub struct ResponseCheck {
    /// Evidence status for the engine.
    pub status: DeclarationStatus,
    /// Everything wrong with the response; empty when it matches.
    pub problems: Vec<ResponseProblem>,
    /// The response, when it could be read.
    pub response: Option<Opened<DeclarationResponse>>,
    /// Who signed it, judged against the trusted keys (`Unsigned` when not
    /// signed or unreadable).
    pub signature: Verdict,
}

impl ResponseCheck {
    /// Whether the response was signed by a valid key that is not trusted,
    /// so it counts as unsigned (the UI and CLI say so).
    pub fn counted_as_unsigned(&self) -> bool {
        matches!(self.signature, Verdict::Untrusted { .. })
    }
}

impl ResponseCheck {
    /// The response ready to embed in a record, when it could be read.
    pub fn embedded(&self) -> Option<EmbeddedResponse> {
        self.response.as_ref().map(|opened| EmbeddedResponse {
            body: opened.body.clone(),
            digest: opened.digest,
            signature: opened.signature.clone(),
        })
    }
}

/// Checks a response file against the request it should answer, with no
/// trusted key: a signature is attributed to nobody, so the response counts
/// as unsigned. Use [`check_response_with`] to judge it against the key book.
pub fn check_response(request: &Opened<DeclarationRequest>, response: &[u8]) -> ResponseCheck {
    let book = crate::keybook::KeyBook::new();
    check_response_with(request, response, &Trust::new(&book, None))
}

/// Checks a response file against the request it should answer, judging
/// its signature against `trust`.
pub fn check_response_with(
    request: &Opened<DeclarationRequest>,
    response: &[u8],
    trust: &Trust<'_>,
) -> ResponseCheck {
    match open_response(response) {
        Ok(opened) => check_opened_response_with(request, opened, trust),
        Err(e) => unreadable(e),
    }
}

/// Checks an already-opened response against its request, with no trusted
/// key (see [`check_response`]).
pub fn check_opened_response(
    request: &Opened<DeclarationRequest>,
    response: Opened<DeclarationResponse>,
) -> ResponseCheck {
    let book = crate::keybook::KeyBook::new();
    check_opened_response_with(request, response, &Trust::new(&book, None))
}

/// Checks an already-opened response against its request, judging its
/// signature against `trust`.
pub fn check_opened_response_with(
    request: &Opened<DeclarationRequest>,
    response: Opened<DeclarationResponse>,
    trust: &Trust<'_>,
) -> ResponseCheck {
    let problems = compare(request, &response);
    let customer = &response.body.customer;
    let signature = signature_verdict(
        &response.report.signature,
        trust,
        Some((customer.name.as_str(), Some(customer.country))),
    );
    let status = if !problems.is_empty() {
        DeclarationStatus::Mismatching
    } else if signature.is_trusted() {
        DeclarationStatus::ReceivedMatchingSigned
    } else {
        DeclarationStatus::ReceivedMatchingUnsigned
    };
    ResponseCheck {
        status,
        problems,
        response: Some(response),
        signature,
    }
}

fn unreadable(error: OpenError) -> ResponseCheck {
    ResponseCheck {
        status: DeclarationStatus::Mismatching,
        problems: vec![ResponseProblem::Unreadable(error.to_string())],
        response: None,
        signature: Verdict::Unsigned,
    }
}

fn compare(
    request: &Opened<DeclarationRequest>,
    response: &Opened<DeclarationResponse>,
) -> Vec<ResponseProblem> {
    let (req, resp) = (&request.body, &response.body);
    let mut problems = Vec::new();
    if resp.request_digest != request.digest {
        problems.push(ResponseProblem::AnswersAnotherRequest);
    }
    if resp.request_id != req.request_id {
        problems.push(ResponseProblem::RequestIdDiffers);
    }
    problems.extend(
        resp.commitments
            .missing()
            .into_iter()
            .map(ResponseProblem::CommitmentMissing),
    );
    let mut confirmed = vec![false; req.goods.len()];
    for item in &resp.items {
        let index = usize::try_from(item.line).ok();
        let Some(line) = index.and_then(|i| req.goods.get(i)) else {
            problems.push(ResponseProblem::UnknownLine(item.line));
            continue;
        };
        if let Some(seen) = index.and_then(|i| confirmed.get_mut(i)) {
            if *seen {
                problems.push(ResponseProblem::DuplicateLine(item.line));
            }
            *seen = true;
        }
        if line.hs_code.is_some() && line.hs_code != item.hs_code {
            problems.push(ResponseProblem::HsCodeDiffers(item.line));
        }
        if let Some(quantity) = &line.quantity
            && !same_decimal(quantity, &item.quantity)
        {
            problems.push(ResponseProblem::QuantityDiffers(item.line));
        }
    }
    for (index, seen) in confirmed.iter().enumerate() {
        if !seen {
            problems.push(ResponseProblem::LineNotConfirmed(
                u32::try_from(index).unwrap_or(u32::MAX),
            ));
        }
    }
    let sanctioned = |code: &str| matches!(code, "RU" | "BY");
    if sanctioned(resp.end_use.country.code()) || sanctioned(resp.end_user.country.code()) {
        problems.push(ResponseProblem::RussiaOrBelarus);
    }
    problems
}

/// `10`, `10.0` and `10.000` are the same quantity.
fn same_decimal(a: &Decimal, b: &Decimal) -> bool {
    fn normal(text: &str) -> &str {
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            text
        }
    }
    normal(a.as_str()) == normal(b.as_str())
}

/// What a "matching" response was not compared against, because the
/// request did not ask: a match says only what was compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unasked {
    /// The request named no end user: any end user the response names
    /// "matches".
    EndUser,
    /// Goods line (0-based) had no HS code in the request.
    HsCode(u32),
    /// Goods line (0-based) had no quantity in the request.
    Quantity(u32),
}

/// What a response to `request` cannot be checked against. A match always
/// compares the request's digest and id, every goods line's presence, the
/// HS codes and quantities the request gives, the four commitments and the
/// Russia/Belarus destination; this lists what is left out.
pub fn unasked(request: &DeclarationRequest) -> Vec<Unasked> {
    let mut out = Vec::new();
    let names_end_user = request
        .parties
        .iter()
        .any(|p| p.role() == super::v1::PartyRole::EndUser && !p.named().name.trim().is_empty());
    if !names_end_user {
        out.push(Unasked::EndUser);
    }
    for (index, line) in request.goods.iter().enumerate() {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        if line.hs_code.is_none() {
            out.push(Unasked::HsCode(index));
        }
        if line.quantity.is_none() {
            out.push(Unasked::Quantity(index));
        }
    }
    out
}

/// Seals a request, signing it when `key` is given.
pub fn seal_request(
    request: &DeclarationRequest,
    key: Option<&SecretKey>,
) -> Result<Sealed, SealError> {
    seal(DocumentKind::DeclarationRequest, request, key)
}

/// Seals a response, signing it when `key` is given.
pub fn seal_response(
    response: &DeclarationResponse,
    key: Option<&SecretKey>,
) -> Result<Sealed, SealError> {
    seal(DocumentKind::DeclarationResponse, response, key)
}

/// Seals a record, signing it when `key` is given.
pub fn seal_record(record: &v1::Record, key: Option<&SecretKey>) -> Result<Sealed, SealError> {
    seal(DocumentKind::Record, record, key)
}

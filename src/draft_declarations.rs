//! A draft's declaration documents: the requests the exporter made for it
//! and the counterparties' responses, kept with the draft so that a reload,
//! another step or a later record download finds them all.
//!
//! Three decisions follow from "nothing lost, nothing trusted":
//! - the documents are kept as the sealed JSON they arrived as, and every
//!   read re-verifies them ([`DraftDeclarations::open`]); the store never
//!   says a response is signed or matching;
//! - a new request never replaces an earlier one: a response to any of the
//!   draft's requests is matched to the one it answers (by request digest);
//! - a response is refused, with the reason, when it answers no request of
//!   this draft or is already kept; one that would replace the response
//!   already kept for its request is an [`Offer`] the user must accept.

use serde::{Deserialize, Serialize};

use crate::keybook::KeyBook;
use crate::model::DeclarationStatus;
use crate::record::declaration::check_opened_response_with;
use crate::record::v1::{DeclarationRequest, DeclarationResponse};
use crate::record::{
    ChainReport, Digest, OpenError, Opened, ResponseCheck, open_request, open_response,
};
use crate::trust::Trust;

/// At most this many requests and responses each per draft: a draft lives in
/// `localStorage` (about 5 MiB for the whole site).
pub const MAX_DOCUMENTS: usize = 16;

/// The documents as the draft stores them (sealed JSON texts, oldest first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DraftDeclarations {
    /// Requests made for this draft.
    pub requests: Vec<String>,
    /// Responses imported into it (at most one per request).
    pub responses: Vec<String>,
}

/// A stored document that no longer verifies (edited in storage, or written
/// by a newer format): shown, never used as evidence, never dropped silently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    /// `true` for a request, `false` for a response.
    pub is_request: bool,
    /// Position in its list.
    pub index: usize,
    /// Why it cannot be used.
    pub reason: String,
}

/// One kept response, re-verified and checked against the request it answers.
#[derive(Debug, Clone)]
pub struct KeptResponse {
    /// Index of the request it answers in [`Opened::requests`].
    pub request: usize,
    /// The check against that request.
    pub check: ResponseCheck,
}

/// The draft's documents after verification.
#[derive(Debug, Clone, Default)]
pub struct OpenedDeclarations {
    /// Intact requests, oldest first.
    pub requests: Vec<Opened<DeclarationRequest>>,
    /// Intact responses matched to their requests.
    pub responses: Vec<KeptResponse>,
    /// Stored documents that could not be used.
    pub unusable: Vec<Unusable>,
}

/// Why a response is not taken into the draft.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// It is not an intact declaration response.
    #[error("{0}")]
    Unreadable(#[from] OpenError),
    /// The draft has no request yet.
    #[error("this draft has no declaration request yet")]
    NoRequest,
    /// It answers a request that is not this draft's.
    #[error("it answers request {request_id}, which is not one of this draft's requests")]
    AnotherDraft {
        /// The request id it names.
        request_id: String,
    },
    /// The very same response is already kept.
    #[error("this response is already kept in the draft")]
    Duplicate,
    /// The draft keeps no more.
    #[error("the draft already keeps {MAX_DOCUMENTS} documents of this kind")]
    Full,
    /// Not text.
    #[error("the document is not UTF-8 text")]
    NotText,
}

/// A response that may be kept: the user sees the check (and, when it
/// replaces one, which) before [`DraftDeclarations::accept`].
#[derive(Debug, Clone)]
pub struct Offer {
    /// The response's sealed JSON.
    pub json: String,
    /// Index of the request it answers.
    pub request: usize,
    /// The request's id, for the message.
    pub request_id: String,
    /// The check against that request.
    pub check: ResponseCheck,
    /// Index in `responses` of the response it would replace, if any.
    pub replaces: Option<usize>,
}

impl DraftDeclarations {
    /// Nothing kept.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty() && self.responses.is_empty()
    }

    /// Re-verifies every kept document and matches each response to its
    /// request, with no trusted key: every signed response counts as
    /// unsigned (see [`DraftDeclarations::open_with`]).
    pub fn open(&self) -> OpenedDeclarations {
        let book = KeyBook::new();
        self.open_with(&Trust::new(&book, None))
    }

    /// Re-verifies every kept document, matches each response to its request
    /// and judges each signature against `trust` (the user's key book and the
    /// host's registry): a response counts as signed for the engine only
    /// when its key is trusted. Trust is never stored with the draft, so a
    /// key removed from the book stops counting at the next read.
    pub fn open_with(&self, trust: &Trust<'_>) -> OpenedDeclarations {
        let mut out = OpenedDeclarations::default();
        // Keep the index of each stored request in `out.requests` (or none).
        let mut request_at = Vec::with_capacity(self.requests.len());
        for (index, json) in self.requests.iter().enumerate() {
            match open_request(json.as_bytes()) {
                Ok(opened) => {
                    request_at.push(Some(out.requests.len()));
                    out.requests.push(opened);
                }
                Err(e) => {
                    request_at.push(None);
                    out.unusable.push(Unusable {
                        is_request: true,
                        index,
                        reason: e.to_string(),
                    });
                }
            }
        }
        for (index, json) in self.responses.iter().enumerate() {
            let unusable = |reason: String| Unusable {
                is_request: false,
                index,
                reason,
            };
            match open_response(json.as_bytes()) {
                Ok(opened) => match answered(&out.requests, &opened) {
                    Some(request) => {
                        let check =
                            check_opened_response_with(&out.requests[request], opened, trust);
                        out.responses.push(KeptResponse { request, check });
                    }
                    None => out.unusable.push(unusable(format!(
                        "it answers request {}, which is no longer kept in this draft",
                        opened.body.request_id
                    ))),
                },
                Err(e) => out.unusable.push(unusable(e.to_string())),
            }
        }
        out
    }

    /// Keeps a new request (earlier ones stay).
    pub fn add_request(&mut self, sealed_json: &str) -> Result<(), Refusal> {
        if self.requests.len() >= MAX_DOCUMENTS {
            return Err(Refusal::Full);
        }
        open_request(sealed_json.as_bytes())?;
        self.requests.push(sealed_json.to_string());
        Ok(())
    }

    /// Checks a response against the draft's requests without keeping it,
    /// with no trusted key (see [`DraftDeclarations::offer_response_with`]).
    pub fn offer_response(&self, bytes: &[u8]) -> Result<Offer, Refusal> {
        let book = KeyBook::new();
        self.offer_response_with(bytes, &Trust::new(&book, None))
    }

    /// Checks a response against the draft's requests without keeping it,
    /// judging its signature against `trust`.
    pub fn offer_response_with(&self, bytes: &[u8], trust: &Trust<'_>) -> Result<Offer, Refusal> {
        let text = std::str::from_utf8(bytes).map_err(|_| Refusal::NotText)?;
        let response = open_response(bytes)?;
        let opened = self.open_with(trust);
        if opened.requests.is_empty() {
            return Err(Refusal::NoRequest);
        }
        // The digest covers the body only: the same body signed is a new
        // document (it replaces the unsigned one), not a duplicate.
        let same = |r: &Opened<DeclarationResponse>| {
            r.digest == response.digest && r.signer() == response.signer()
        };
        if opened
            .responses
            .iter()
            .any(|kept| kept.check.response.as_ref().is_some_and(same))
        {
            return Err(Refusal::Duplicate);
        }
        let Some(request) = answered(&opened.requests, &response) else {
            return Err(Refusal::AnotherDraft {
                request_id: response.body.request_id.to_string(),
            });
        };
        let request_digest = opened.requests[request].digest;
        let replaces = self.responses.iter().position(|json| {
            open_response(json.as_bytes())
                .ok()
                .and_then(|r| answered(&opened.requests, &r))
                .is_some_and(|i| opened.requests[i].digest == request_digest)
        });
        if replaces.is_none() && self.responses.len() >= MAX_DOCUMENTS {
            return Err(Refusal::Full);
        }
        let request_id = opened.requests[request].body.request_id.to_string();
        let check = check_opened_response_with(&opened.requests[request], response, trust);
        Ok(Offer {
            json: text.to_string(),
            request,
            request_id,
            check,
            replaces,
        })
    }

    /// Keeps an offered response (replacing the one it names, if any).
    pub fn accept(&mut self, offer: &Offer) {
        match offer.replaces {
            Some(index) if index < self.responses.len() => {
                self.responses[index] = offer.json.clone();
            }
            _ => self.responses.push(offer.json.clone()),
        }
    }

    /// Removes a kept response (the user's choice).
    pub fn remove_response(&mut self, index: usize) -> bool {
        if index < self.responses.len() {
            self.responses.remove(index);
            true
        } else {
            false
        }
    }
}

impl OpenedDeclarations {
    /// The declaration evidence for the engine: the response to the latest
    /// request that has one; `Requested` when requests are out but none is
    /// answered; `None` (unknown) when nothing was requested.
    pub fn status(&self) -> Option<DeclarationStatus> {
        match self.responses.iter().max_by_key(|kept| kept.request) {
            Some(kept) => Some(kept.check.status),
            None if !self.requests.is_empty() => Some(DeclarationStatus::Requested),
            None => None,
        }
    }

    /// The response kept for request `index`, if any.
    pub fn response_to(&self, index: usize) -> Option<&KeptResponse> {
        self.responses.iter().find(|kept| kept.request == index)
    }

    /// The request a verified chain's first hop answers, if it is one of
    /// this draft's: a chain that does not start at this draft's request is
    /// not evidence about this draft.
    pub fn chain_request(&self, report: &ChainReport) -> Option<usize> {
        let digest = report.hops.first().and_then(|hop| hop.request_digest)?;
        self.requests.iter().position(|r| r.digest == digest)
    }
}

/// The request a response answers: the one its `request_digest` names, else
/// one with its `request_id` (an edited copy; the check then says so).
fn answered(
    requests: &[Opened<DeclarationRequest>],
    response: &Opened<DeclarationResponse>,
) -> Option<usize> {
    let digest: Digest = response.body.request_digest;
    requests
        .iter()
        .position(|r| r.digest == digest)
        .or_else(|| {
            requests
                .iter()
                .position(|r| r.body.request_id == response.body.request_id)
        })
}

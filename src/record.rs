//! Attestation records, counterparty declarations, and their verification.
//!
//! Every document (record, declaration request, declaration response) is a
//! versioned JSON envelope around a body written in the frozen [`v1`] schema,
//! with a SHA-256 digest over the body's canonical form, a per-leaf hash map
//! that lets verification name changed fields, and an optional Ed25519
//! signature. The format is specified in `docs/record-format.md`.
//!
//! Typical flows:
//!
//! * make a record: build a [`v1::Record`] (see [`convert`]), then
//!   [`seal_record`] with an optional [`SecretKey`];
//! * ask a counterparty: [`seal_request`], share `Sealed::json` or
//!   [`encode_fragment`];
//! * receive the answer: [`open_request`] + [`check_response`] → a
//!   [`crate::model::DeclarationStatus`] for the engine;
//! * follow the goods on: the declarant [`forward_request`]s to the next
//!   party inside a [`DeclarationChain`]; the exporter [`verify_chain`]s it;
//! * audit: [`verify`] any document's bytes, then [`judge`] it against the
//!   trusted keys ([`crate::trust`]) to say *who* signed;
//! * check the conclusion: [`recompute`](recompute::recompute) an intact
//!   record's answers ([`reconstruct`] rebuilds them) under its ruleset and
//!   compare with the rating and findings it states.

pub mod canonical;
pub mod chain;
pub mod convert;
pub mod declaration;
pub mod digest;
pub mod envelope;
pub mod fragment;
pub mod leaves;
pub mod limits;
pub mod open;
pub mod recompute;
pub mod reconstruct;
pub mod signing;
pub mod v1;
pub mod verdict;
pub mod verify;

pub use chain::{
    ChainContext, ChainError, ChainProblem, ChainReport, DeclarationChain, HopReport, LinkState,
    NextParty, forward_request, verify_chain, verify_chain_with,
};
pub use declaration::{
    ResponseCheck, ResponseProblem, Unasked, check_opened_response, check_opened_response_with,
    check_response, check_response_with, seal_record, seal_request, seal_response, unasked,
};
pub use digest::Digest;
pub use envelope::{DocumentKind, SealError, Sealed, seal};
pub use fragment::{FragmentError, decode_fragment, encode_fragment};
pub use open::{
    OpenError, Opened, open_record, open_request, open_request_fragment, open_response,
    open_response_fragment,
};
pub use signing::{Fingerprint, KeyError, PublicKey, SecretKey};
pub use verdict::{DocumentVerdict, Verdict, judge};
pub use verify::{SignatureState, VerifyReport, VerifyState, verify};

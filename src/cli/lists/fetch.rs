//! One bounded HTTP GET: the only code in End-Use Check that talks to
//! another server. It runs in the native CLI only; the web app never
//! fetches from another origin (its Content-Security-Policy forbids it).
//!
//! Every download is treated as hostile until the parser has accepted it:
//! its size is capped (refused early on `Content-Length`, and again while
//! reading, because a server may lie or send no length at all), every phase
//! has a timeout (connect, each read, the whole download), `https://` URLs
//! may only be redirected to `https://`, and nothing is written to disk
//! here — the caller decides what to keep.

use std::fmt;
use std::io::Read;
use std::time::Duration;

use enduse::config::SourceUrl;

/// How a download is bounded.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Time to resolve the name and open the connection (TLS included).
    pub connect: Duration,
    /// Longest silence: waiting for the response head, and between two reads of the body.
    pub read: Duration,
    /// The whole download, however the server paces it.
    pub total: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// The `User-Agent` sent: names the tool and, when the host gave one, a contact.
    pub user_agent: String,
}

/// Why a download was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with a status other than 200.
    Status(u16),
    /// The declared or actual size is over the limit.
    TooLarge {
        /// What `Content-Length` declared, when the refusal came from it.
        declared: Option<u64>,
        /// The limit applied.
        limit: u64,
    },
    /// A phase took longer than its limit.
    Timeout(String),
    /// The connection failed or broke (DNS, TLS, reset, a body cut short).
    Network(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Status(code) => write!(
                f,
                "the server answered HTTP {code}{}",
                match code {
                    403 =>
                        " (forbidden: the publisher may require a User-Agent, a token or a login)",
                    404 => " (not found: the file has moved; check the URL)",
                    429 => " (too many requests: try again later)",
                    300..=399 => " (a redirect that was not followed)",
                    _ => "",
                }
            ),
            FetchError::TooLarge {
                declared: Some(n),
                limit,
            } => write!(
                f,
                "the server declares {n} bytes (Content-Length), more than the {limit} a list file may have; nothing was downloaded"
            ),
            FetchError::TooLarge {
                declared: None,
                limit,
            } => write!(
                f,
                "the body is longer than the {limit} bytes a list file may have; the download was stopped"
            ),
            FetchError::Timeout(what) => write!(f, "timed out: {what}"),
            FetchError::Network(what) => write!(f, "download failed: {what}"),
        }
    }
}

/// Downloads `url` with `headers`, within `limits`.
pub fn get(
    url: &SourceUrl,
    headers: &[(String, String)],
    limits: &Limits,
) -> Result<Vec<u8>, FetchError> {
    let https = url.is_https();
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        // An https source may only be redirected to https; a loopback test
        // server is never redirected at all.
        .https_only(https)
        .max_redirects(if https { 5 } else { 0 })
        .timeout_resolve(Some(limits.connect))
        .timeout_connect(Some(limits.connect))
        .timeout_recv_response(Some(limits.read))
        .timeout_per_read(Some(limits.read))
        .timeout_global(Some(limits.total))
        .user_agent(limits.user_agent.as_str())
        // Identity: Content-Length is then the size that is read and capped.
        .accept_encoding("identity");
    // A proxy from the environment serves real downloads; a loopback URL
    // (the tests' server) must be reached directly.
    let config = if https { config } else { config.proxy(None) };
    let agent = ureq::Agent::new_with_config(config.build());
    let mut request = agent.get(url.as_str());
    for (name, value) in headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let response = request.call().map_err(classify)?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(FetchError::Status(status));
    }
    let body = response.into_body();
    if let Some(declared) = body.content_length()
        && declared > limits.max_bytes
    {
        return Err(FetchError::TooLarge {
            declared: Some(declared),
            limit: limits.max_bytes,
        });
    }
    let capacity = body
        .content_length()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(1 << 20);
    let mut bytes = Vec::with_capacity(capacity);
    // One byte past the limit tells "exactly at the limit" from "over it".
    let mut reader = body.into_reader().take(limits.max_bytes.saturating_add(1));
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| classify_io(&e))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(FetchError::TooLarge {
            declared: None,
            limit: limits.max_bytes,
        });
    }
    Ok(bytes)
}

fn classify(e: ureq::Error) -> FetchError {
    match e {
        ureq::Error::Timeout(phase) => FetchError::Timeout(phase_text(phase)),
        ureq::Error::Io(io) => classify_io(&io),
        ureq::Error::RequireHttpsOnly(url) => FetchError::Network(format!(
            "redirected to a non-https address ({url}); refused"
        )),
        ureq::Error::TooManyRedirects => FetchError::Network("too many redirects".into()),
        ureq::Error::HostNotFound => FetchError::Network("host not found (DNS)".into()),
        other => FetchError::Network(other.to_string()),
    }
}

/// What a timeout means in terms of the command's options.
fn phase_text(phase: ureq::Timeout) -> String {
    match phase {
        ureq::Timeout::Resolve | ureq::Timeout::Connect => {
            "connecting took longer than --connect-timeout".into()
        }
        ureq::Timeout::PerRead | ureq::Timeout::RecvResponse => {
            "the server was silent for longer than --read-timeout".into()
        }
        ureq::Timeout::Global | ureq::Timeout::PerCall | ureq::Timeout::RecvBody => {
            "the download took longer than --max-time".into()
        }
        other => format!("{other}"),
    }
}

/// Body read errors arrive as `io::Error`, a ureq error inside when ureq
/// raised it (a timeout, a connection cut short).
fn classify_io(e: &std::io::Error) -> FetchError {
    if let Some(inner) = e.get_ref().and_then(|i| i.downcast_ref::<ureq::Error>()) {
        return match inner {
            ureq::Error::Timeout(phase) => FetchError::Timeout(phase_text(*phase)),
            other => FetchError::Network(other.to_string()),
        };
    }
    match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => FetchError::Timeout(
            format!("the server was silent for longer than --read-timeout ({e})"),
        ),
        std::io::ErrorKind::UnexpectedEof => FetchError::Network(format!(
            "the connection closed before the whole file arrived ({e})"
        )),
        _ => FetchError::Network(e.to_string()),
    }
}

//! `enduse lists update` end to end: the real binary downloading from a
//! small HTTP server on 127.0.0.1 written here (never the internet), serving
//! the project's sample lists and, when present, the real published files in
//! ../shared/data/.
//!
//! The server answers each path with a scripted reply: a file, a status, an
//! HTML page with 200, a lying Content-Length, an endless body or a stall.
//! Every loop it runs is bounded in bytes and time, and the client's
//! timeouts are set to fractions of a second, so the suite stays fast.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use enduse::config::{ListIndex, SanctionsListFile};
use enduse::screening::{SanctionsList, Sha256Digest};

// ---------------------------------------------------------------- server

/// How the server answers one path.
#[derive(Clone)]
enum Reply {
    /// 200 with the bytes and their true length.
    File(Vec<u8>),
    /// An empty answer with this status.
    Status(u16),
    /// Declares the full length, sends `sent` bytes of `body`, then closes.
    CutShort { body: Vec<u8>, sent: usize },
    /// Declares `declared` bytes and sends none.
    Declares(u64),
    /// Declares `declared` bytes, then sends more than that (up to a bound).
    MoreThanDeclared(u64),
    /// No Content-Length, `Connection: close`, bytes until the client leaves
    /// (at most 64 MiB, so a broken client cannot keep it going).
    Endless,
    /// Sends the head and a few bytes, then stays silent for `for_ms`.
    Stall { for_ms: u64 },
}

struct Server {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    /// Every request: path and the request head.
    requests: Arc<Mutex<Vec<(String, String)>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().expect("addr").port();
        let routes: Arc<Mutex<HashMap<String, Reply>>> = Arc::default();
        let requests: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
        let (r, q) = (routes.clone(), requests.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, q) = (r.clone(), q.clone());
                thread::spawn(move || serve(stream, &r, &q));
            }
        });
        Server {
            port,
            routes,
            requests,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }

    fn route(&self, path: &str, reply: Reply) {
        self.routes
            .lock()
            .expect("routes")
            .insert(format!("/{path}"), reply);
    }

    fn requested(&self) -> Vec<String> {
        self.requests
            .lock()
            .expect("requests")
            .iter()
            .map(|(p, _)| p.clone())
            .collect()
    }

    fn heads(&self) -> Vec<String> {
        self.requests
            .lock()
            .expect("requests")
            .iter()
            .map(|(_, h)| h.clone())
            .collect()
    }
}

fn serve(
    mut stream: TcpStream,
    routes: &Mutex<HashMap<String, Reply>>,
    requests: &Mutex<Vec<(String, String)>>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap_or("/")
        .to_string();
    requests
        .lock()
        .expect("requests")
        .push((path.clone(), head.clone()));
    let reply = routes.lock().expect("routes").get(&path).cloned();
    let ok_head = |len: Option<u64>| match len {
        Some(n) => format!("HTTP/1.1 200 OK\r\nContent-Length: {n}\r\nConnection: close\r\n\r\n"),
        None => "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_string(),
    };
    let _ = match reply {
        None | Some(Reply::Status(404)) => stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
        ),
        Some(Reply::Status(code)) => stream.write_all(
            format!("HTTP/1.1 {code} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        ),
        Some(Reply::File(bytes)) => stream
            .write_all(ok_head(Some(bytes.len() as u64)).as_bytes())
            .and_then(|()| stream.write_all(&bytes)),
        Some(Reply::CutShort { body, sent }) => stream
            .write_all(ok_head(Some(body.len() as u64)).as_bytes())
            .and_then(|()| stream.write_all(&body[..sent.min(body.len())])),
        Some(Reply::Declares(n)) => stream.write_all(ok_head(Some(n)).as_bytes()),
        Some(Reply::MoreThanDeclared(n)) => stream
            .write_all(ok_head(Some(n)).as_bytes())
            .and_then(|()| pour(&mut stream, 8 * 1024 * 1024)),
        Some(Reply::Endless) => stream
            .write_all(ok_head(None).as_bytes())
            .and_then(|()| pour(&mut stream, 64 * 1024 * 1024)),
        Some(Reply::Stall { for_ms }) => stream
            .write_all(ok_head(Some(1_000_000)).as_bytes())
            .and_then(|()| stream.write_all(b"\"Name\"\t"))
            .and_then(|()| stream.flush())
            .map(|()| thread::sleep(Duration::from_millis(for_ms))),
    };
}

/// Writes CSV-looking rows until the client leaves or `limit` bytes are out.
fn pour(stream: &mut TcpStream, limit: usize) -> std::io::Result<()> {
    let row = b"1,\"FILLER\",\"entity\",\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\r\n".repeat(512);
    let mut sent = 0;
    while sent < limit {
        stream.write_all(&row)?;
        sent += row.len();
    }
    Ok(())
}

// ---------------------------------------------------------------- helpers

fn sample(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public/lists")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fresh folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "enduse-lists-update-{}-{name}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Fast limits for every run: a slow or silent server fails in well under a second.
const FAST: [&str; 6] = [
    "--connect-timeout",
    "2",
    "--read-timeout",
    "0.5",
    "--max-time",
    "10",
];

fn update(sources: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_enduse"))
        .args(["lists", "update", "--out"])
        .arg(out)
        .arg("--sources")
        .arg(sources)
        .args(FAST)
        .args(extra)
        .output()
        .expect("the enduse binary runs")
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn write_sources(dir: &Path, sources: serde_json::Value) -> PathBuf {
    let path = dir.join("sources.json");
    let doc = serde_json::json!({ "contact": "lists@example.org", "sources": sources });
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).expect("json")).expect("write sources");
    path
}

fn source(id: &str, format: &str, url: &str, file: &str) -> serde_json::Value {
    serde_json::json!({ "id": id, "label": format!("Test {id}"), "format": format, "url": url, "file": file })
}

fn read_index(out: &Path) -> ListIndex {
    let text = std::fs::read_to_string(out.join("index.json")).expect("index.json written");
    ListIndex::from_json(&text).unwrap_or_else(|e| panic!("index.json is valid: {e}\n{text}"))
}

fn entry<'a>(index: &'a ListIndex, file: &str) -> &'a SanctionsListFile {
    index
        .lists
        .iter()
        .find(|l| l.file.as_str() == file)
        .unwrap_or_else(|| panic!("{file} in the index: {index:?}"))
}

fn no_temp_files(out: &Path) {
    for e in std::fs::read_dir(out).expect("read out").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(!name.contains(".partial-"), "temporary file left: {name}");
    }
}

/// The sample files of every format, served under their own names, and a
/// sources file naming them (written without the `sample-` prefix).
fn all_samples(server: &Server, dir: &Path) -> PathBuf {
    let formats = [
        ("un", "un-xml", "sample-un.xml", "un.xml"),
        ("eu", "eu-xml", "sample-eu.xml", "eu.xml"),
        ("eu-csv", "eu-csv", "sample-eu.csv", "eu.csv"),
        ("uk", "uk-xml", "sample-uk.xml", "uk.xml"),
        ("csl", "us-csl-json", "sample-csl.json", "csl.json"),
        ("csl-csv", "us-csl-csv", "sample-csl.csv", "csl.csv"),
        ("dpl", "bis-dpl-txt", "sample-dpl.txt", "dpl.txt"),
        (
            "os",
            "open-sanctions-csv",
            "sample-opensanctions.csv",
            "opensanctions.csv",
        ),
    ];
    for name in ["sample-sdn.csv", "sample-alt.csv", "sample-add.csv"] {
        server.route(name, Reply::File(sample(name)));
    }
    let mut sdn = source(
        "sdn",
        "ofac-sdn-csv",
        &server.url("sample-sdn.csv"),
        "sdn.csv",
    );
    sdn["companions"] = serde_json::json!([
        { "format": "ofac-alt-csv", "url": server.url("sample-alt.csv"), "file": "alt.csv" },
        { "format": "ofac-add-csv", "url": server.url("sample-add.csv"), "file": "add.csv" }
    ]);
    sdn["headers"] = serde_json::json!({ "Accept": "text/csv" });
    let mut all = vec![sdn];
    for (id, format, served, file) in formats {
        server.route(served, Reply::File(sample(served)));
        all.push(source(id, format, &server.url(served), file));
    }
    write_sources(dir, serde_json::Value::Array(all))
}

// ---------------------------------------------------------------- tests

#[test]
fn a_good_run_writes_every_file_and_an_index_with_digests_dates_and_counts() {
    let server = Server::start();
    let dir = temp_dir("good");
    let out = dir.join("lists");
    let sources = all_samples(&server, &dir);
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let o = update(&sources, &out, &[]);
    let after = chrono::Utc::now() + chrono::Duration::seconds(1);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("ok      un: un.xml"),
        "{}",
        text(&o)
    );
    let index = read_index(&out);
    assert_eq!(index.lists.len(), 9);
    for (file, served) in [
        ("sdn.csv", "sample-sdn.csv"),
        ("un.xml", "sample-un.xml"),
        ("eu.xml", "sample-eu.xml"),
        ("eu.csv", "sample-eu.csv"),
        ("uk.xml", "sample-uk.xml"),
        ("csl.json", "sample-csl.json"),
        ("csl.csv", "sample-csl.csv"),
        ("dpl.txt", "sample-dpl.txt"),
        ("opensanctions.csv", "sample-opensanctions.csv"),
    ] {
        let bytes = sample(served);
        assert_eq!(
            std::fs::read(out.join(file)).expect("written"),
            bytes,
            "{file}"
        );
        let parsed = SanctionsList::parse(&bytes, file).expect("sample parses");
        let e = entry(&index, file);
        assert_eq!(e.sha256, Some(Sha256Digest::of(&bytes)), "{file}");
        assert_eq!(e.entries, Some(parsed.meta.entry_count as u64), "{file}");
        assert_eq!(
            e.published, parsed.meta.published,
            "{file}: published comes from the file"
        );
        let retrieved = e.retrieved.expect("retrieved");
        assert!(
            before <= retrieved && retrieved <= after,
            "{file}: {retrieved}"
        );
        assert_eq!(
            e.source_url.as_ref().map(|u| u.as_str().to_string()),
            Some(server.url(served))
        );
        assert!(!e.sample, "{file} is not a sample");
    }
    // Files that carry a date have it; OFAC legacy CSV carries none.
    assert!(entry(&index, "un.xml").published.is_some());
    assert!(entry(&index, "eu.xml").published.is_some());
    assert_eq!(entry(&index, "sdn.csv").published, None);
    // The companions are attached, listed and digested.
    let sdn = entry(&index, "sdn.csv");
    let companions: Vec<&str> = sdn.companions.iter().map(|c| c.as_str()).collect();
    assert_eq!(companions, ["alt.csv", "add.csv"]);
    for (c, served) in sdn
        .companion_files
        .iter()
        .zip(["sample-alt.csv", "sample-add.csv"])
    {
        assert_eq!(c.sha256, Some(Sha256Digest::of(&sample(served))));
        assert_eq!(
            std::fs::read(out.join(c.file.as_str())).expect("companion"),
            sample(served)
        );
        assert!(c.rows.is_some_and(|r| r > 0));
    }
    assert_eq!(sdn.label.as_deref(), Some("Test sdn"));
    // Publishers were told who is asking, and the source's own headers were sent.
    let heads = server.heads();
    assert!(
        heads
            .iter()
            .all(|h| h.contains("End-Use-Check/") && h.contains("contact: lists@example.org")),
        "{heads:#?}"
    );
    assert!(
        heads
            .iter()
            .any(|h| h.to_ascii_lowercase().contains("accept: text/csv")),
        "{heads:#?}"
    );
    no_temp_files(&out);
}

#[test]
fn a_missing_file_fails_with_its_id_url_and_status_and_the_others_are_written() {
    let server = Server::start();
    let dir = temp_dir("404");
    let out = dir.join("lists");
    server.route("sample-un.xml", Reply::File(sample("sample-un.xml")));
    let sources = write_sources(
        &dir,
        serde_json::json!([
            source("un", "un-xml", &server.url("sample-un.xml"), "un.xml"),
            source("uk", "uk-xml", &server.url("gone.xml"), "uk.xml"),
        ]),
    );
    let o = update(&sources, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let report = text(&o);
    assert!(report.contains("FAILED  uk:"), "{report}");
    assert!(report.contains(&server.url("gone.xml")), "{report}");
    assert!(report.contains("HTTP 404"), "{report}");
    assert!(report.contains("1 of 2 source(s) failed"), "{report}");
    let index = read_index(&out);
    assert_eq!(index.lists.len(), 1);
    entry(&index, "un.xml");
    assert!(!out.join("uk.xml").exists());
}

/// One source, one bad reply: the run fails and names why.
fn refused(name: &str, format: &str, reply: Reply, extra: &[&str]) -> (String, Duration, PathBuf) {
    let server = Server::start();
    let dir = temp_dir(name);
    let out = dir.join("lists");
    server.route("list", reply);
    let sources = write_sources(
        &dir,
        serde_json::json!([source("x", format, &server.url("list"), "x.dat")]),
    );
    let started = Instant::now();
    let o = update(&sources, &out, extra);
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let report = text(&o);
    assert!(report.contains("FAILED  x:"), "{report}");
    assert!(report.contains(&server.url("list")), "{report}");
    assert!(
        !out.join("x.dat").exists(),
        "a refused file is never written"
    );
    no_temp_files(&out);
    (report, took, out)
}

#[test]
fn a_body_cut_short_is_refused() {
    let body = sample("sample-un.xml");
    let sent = body.len() / 2;
    let (report, _, _) = refused("cut", "un-xml", Reply::CutShort { body, sent }, &[]);
    assert!(report.contains("download failed"), "{report}");
}

#[test]
fn a_truncated_file_is_refused_by_the_parser_with_its_line() {
    // Cut at a line end, between two elements: the parser names the element
    // the file ends inside.
    let body = sample("sample-un.xml");
    let cut = body[..body.len() / 2]
        .iter()
        .rposition(|&b| b == b'\n')
        .expect("a line end");
    let (report, _, _) = refused(
        "trunc-xml",
        "un-xml",
        Reply::File(body[..cut].to_vec()),
        &[],
    );
    assert!(report.contains("truncated"), "{report}");
    assert!(report.contains("x.dat line"), "{report}");
    // Cut inside a tag: a syntax error, with its line.
    let half = body[..body.len() / 2].to_vec();
    let (report, _, _) = refused("trunc-tag", "un-xml", Reply::File(half), &[]);
    assert!(report.contains("x.dat line"), "{report}");
    // CSV cut inside the last row's quoted remarks: the CSV reader would take
    // it, the download check does not.
    let sdn = sample("sample-sdn.csv");
    let cut = sdn[..sdn.len() - 40].to_vec();
    let (report, _, _) = refused("trunc-csv", "ofac-sdn-csv", Reply::File(cut), &[]);
    assert!(
        report.contains("ends inside a quoted field: it is truncated"),
        "{report}"
    );
    // Cut at a row boundary: a smaller valid list, but without OFAC's end mark.
    let rows = sdn.len() / 2;
    let at = sdn[..rows]
        .windows(2)
        .rposition(|w| w == b"\r\n")
        .expect("a row end")
        + 2;
    let (report, _, _) = refused(
        "trunc-row",
        "ofac-sdn-csv",
        Reply::File(sdn[..at].to_vec()),
        &[],
    );
    assert!(report.contains("end-of-file mark (0x1A)"), "{report}");
    // The same for a companion: the list is refused as a whole.
    let server = Server::start();
    let dir = temp_dir("trunc-companion");
    let out = dir.join("lists");
    server.route("sdn", Reply::File(sdn.clone()));
    let alt = sample("sample-alt.csv");
    server.route("alt", Reply::File(alt[..alt.len() - 1].to_vec()));
    let mut s = source("sdn", "ofac-sdn-csv", &server.url("sdn"), "sdn.csv");
    s["companions"] = serde_json::json!([{ "format": "ofac-alt-csv", "url": server.url("alt"), "file": "alt.csv" }]);
    let o = update(&write_sources(&dir, serde_json::json!([s])), &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("alt.csv: the file does not end with"),
        "{}",
        text(&o)
    );
    assert!(!out.join("sdn.csv").exists() && !out.join("alt.csv").exists());
}

#[test]
fn a_file_of_another_format_than_declared_is_refused() {
    let (report, _, _) = refused(
        "format",
        "un-xml",
        Reply::File(sample("sample-eu.xml")),
        &[],
    );
    assert!(
        report.contains("not UN Security Council Consolidated List"),
        "{report}"
    );
    assert!(report.contains("the file is EU consolidated"), "{report}");
}

#[test]
fn an_html_error_page_served_with_200_is_refused() {
    let page =
        b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>EU Login</body></html>\n";
    let (report, _, _) = refused("html", "eu-xml", Reply::File(page.to_vec()), &[]);
    assert!(report.contains("HTML page"), "{report}");
}

#[test]
fn an_empty_or_entry_less_file_is_refused() {
    let (report, _, _) = refused("empty", "un-xml", Reply::File(Vec::new()), &[]);
    assert!(report.contains("empty"), "{report}");
    let header_only = b"\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\r\n";
    let (report, _, _) = refused(
        "no-entries",
        "bis-dpl-txt",
        Reply::File(header_only.to_vec()),
        &[],
    );
    assert!(report.contains("no entries"), "{report}");
}

#[test]
fn an_over_size_content_length_is_refused_before_reading() {
    let (report, took, _) = refused("huge", "ofac-sdn-csv", Reply::Declares(2 << 30), &[]);
    assert!(report.contains("declares 2147483648 bytes"), "{report}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    let (report, _, _) = refused(
        "huge-own-limit",
        "ofac-sdn-csv",
        Reply::Declares(2_000_001),
        &["--max-bytes", "2000000"],
    );
    assert!(report.contains("more than the 2000000"), "{report}");
}

#[test]
fn an_endless_body_stops_at_the_cap_in_bounded_time() {
    let (report, took, _) = refused(
        "endless",
        "ofac-sdn-csv",
        Reply::Endless,
        &["--max-bytes", "1000000"],
    );
    assert!(report.contains("longer than the 1000000 bytes"), "{report}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_body_longer_than_declared_is_read_only_to_its_length() {
    // The client reads what was declared and no more; the cut-off rows are
    // then refused as truncated instead of filling memory.
    let (report, took, _) = refused(
        "more",
        "ofac-sdn-csv",
        Reply::MoreThanDeclared(100_000),
        &[],
    );
    assert!(report.contains("truncated"), "{report}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn a_silent_server_times_out_quickly() {
    let (report, took, _) = refused("stall", "bis-dpl-txt", Reply::Stall { for_ms: 4000 }, &[]);
    assert!(report.contains("timed out"), "{report}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[test]
fn a_failed_download_keeps_the_previous_good_file() {
    let server = Server::start();
    let dir = temp_dir("keep");
    let out = dir.join("lists");
    let sources = all_samples(&server, &dir);
    let o = update(&sources, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let first = read_index(&out);
    let sdn_before = std::fs::read(out.join("sdn.csv")).expect("sdn");
    // Now the publisher answers with an error page for the SDN and 500 for the UN list.
    server.route(
        "sample-sdn.csv",
        Reply::File(b"<html><body>Service unavailable</body></html>".to_vec()),
    );
    server.route("sample-un.xml", Reply::Status(500));
    let o = update(&sources, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let report = text(&o);
    assert!(
        report.contains("kept    sdn: the previous sdn.csv stays"),
        "{report}"
    );
    assert!(report.contains("kept    un:"), "{report}");
    assert!(report.contains("HTTP 500"), "{report}");
    assert!(report.contains("2 kept their previous file"), "{report}");
    assert_eq!(std::fs::read(out.join("sdn.csv")).expect("sdn"), sdn_before);
    let second = read_index(&out);
    assert_eq!(entry(&second, "sdn.csv"), entry(&first, "sdn.csv"));
    assert_eq!(entry(&second, "un.xml"), entry(&first, "un.xml"));
    assert_eq!(second.lists.len(), first.lists.len());
    no_temp_files(&out);
    // A previous file altered on disk is not vouched for again.
    std::fs::write(out.join("un.xml"), b"tampered").expect("tamper");
    let o = update(&sources, &out, &["--only", "un"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("no longer has the SHA-256"),
        "{}",
        text(&o)
    );
    let third = read_index(&out);
    assert!(third.lists.iter().all(|l| l.file.as_str() != "un.xml"));
}

#[test]
fn only_updates_the_named_sources_and_keeps_the_rest_of_the_index() {
    let server = Server::start();
    let dir = temp_dir("only");
    let out = dir.join("lists");
    let sources = all_samples(&server, &dir);
    assert_eq!(update(&sources, &out, &[]).status.code(), Some(0));
    let first = read_index(&out);
    // Hand-added entries (here: the project's sample) survive an --only run.
    let mut with_extra = first.clone();
    let mut extra = SanctionsListFile::new(
        enduse::config::SitePath::parse("sample-eu.xml").expect("path"),
        enduse::config::SanctionsListFormat::EuXml,
    );
    extra.sample = true;
    with_extra.lists.push(extra.clone());
    std::fs::write(out.join("index.json"), with_extra.to_json()).expect("index");
    let seen = server.requested().len();
    let o = update(&sources, &out, &["--only", "un,dpl"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let fetched: Vec<String> = server.requested()[seen..].to_vec();
    assert_eq!(fetched, ["/sample-un.xml", "/sample-dpl.txt"]);
    let second = read_index(&out);
    assert_eq!(second.lists.len(), first.lists.len() + 1);
    for l in &first.lists {
        if !matches!(l.file.as_str(), "un.xml" | "dpl.txt") {
            assert_eq!(entry(&second, l.file.as_str()), l, "{} untouched", l.file);
        }
    }
    assert_eq!(entry(&second, "sample-eu.xml"), &extra);
    // An unknown id is refused before anything is fetched.
    let seen = server.requested().len();
    let o = update(&sources, &out, &["--only", "nope"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("--only nope: no such source"),
        "{}",
        text(&o)
    );
    assert_eq!(server.requested().len(), seen);
}

#[test]
fn an_invalid_sources_file_is_refused_with_every_problem_and_nothing_is_fetched() {
    let server = Server::start();
    let dir = temp_dir("bad-sources");
    let out = dir.join("lists");
    let path = dir.join("sources.json");
    std::fs::write(
        &path,
        serde_json::to_vec(&serde_json::json!({
            "sources": [
                { "id": "a", "format": "un-xml", "url": server.url("a.xml"), "mirror": "x" },
                { "id": "b", "format": "un-xml", "url": "http://example.org/b.xml" },
                { "id": "c", "format": "ofac-xml", "url": "https://example.org/c.xml" }
            ]
        }))
        .expect("json"),
    )
    .expect("write");
    let o = update(&path, &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let report = text(&o);
    for needle in [
        "sources[0].mirror: unknown field",
        "sources[1].url: \"http://example.org/b.xml\" is plain http",
        "sources[2].format: \"ofac-xml\" is not a known format",
        "nothing was downloaded",
    ] {
        assert!(report.contains(needle), "{needle} in {report}");
    }
    assert!(server.requested().is_empty());
    assert!(!out.join("index.json").exists());
    std::fs::write(&path, b"{ \"sources\": [ ").expect("write");
    let o = update(&path, &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn the_built_in_sources_print_and_validate() {
    let o = Command::new(env!("CARGO_BIN_EXE_enduse"))
        .args(["lists", "sources"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let sources = printed["sources"].as_array().expect("sources");
    assert!(
        sources
            .iter()
            .all(|s| s["url"].as_str().is_some_and(|u| u.starts_with("https://")))
    );
    // The printed file is accepted as --sources (an unknown --only id stops
    // the run after validation, before any download).
    let dir = temp_dir("printed");
    let path = dir.join("sources.json");
    std::fs::write(&path, &o.stdout).expect("write");
    let o = update(&path, &dir.join("lists"), &["--only", "none"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("no such source; the sources are: ofac-sdn"),
        "{}",
        text(&o)
    );
}

/// The real published files in ../shared/data/, when this machine has them.
fn shared(path: &str) -> Option<Vec<u8>> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data")
            .join(path),
    )
    .ok()
}

#[test]
fn the_real_published_files_are_accepted() {
    let files = [
        ("sdn", "ofac-sdn-2024-05-03/sdn.csv"),
        ("alt", "ofac-alt-add-2026-06/alt.csv"),
        ("add", "ofac-alt-add-2026-06/add.csv"),
        ("cons", "ofac-consolidated-2025-12/cons_prim.csv"),
        ("cons-alt", "ofac-consolidated-2025-12/cons_alt.csv"),
        ("cons-add", "ofac-consolidated-2025-12/cons_add.csv"),
        ("un", "un-consolidated-2026-02-27/consolidated.xml"),
        ("dpl", "bis-dpl-2022-09/dpl.txt"),
        ("csl", "us-csl-samples/consolidated-2025-06.csv"),
    ];
    let mut bytes = HashMap::new();
    for (name, path) in files {
        match shared(path) {
            Some(b) => bytes.insert(name, b),
            None => return, // not on this machine: nothing to try
        };
    }
    let server = Server::start();
    let dir = temp_dir("real");
    let out = dir.join("lists");
    for (name, b) in &bytes {
        server.route(name, Reply::File(b.clone()));
    }
    let mut sdn = source("ofac-sdn", "ofac-sdn-csv", &server.url("sdn"), "sdn.csv");
    sdn["companions"] = serde_json::json!([
        { "format": "ofac-alt-csv", "url": server.url("alt"), "file": "alt.csv" },
        { "format": "ofac-add-csv", "url": server.url("add"), "file": "add.csv" }
    ]);
    let mut cons = source(
        "ofac-cons",
        "ofac-sdn-csv",
        &server.url("cons"),
        "cons_prim.csv",
    );
    cons["companions"] = serde_json::json!([
        { "format": "ofac-alt-csv", "url": server.url("cons-alt"), "file": "cons_alt.csv" },
        { "format": "ofac-add-csv", "url": server.url("cons-add"), "file": "cons_add.csv" }
    ]);
    let sources = write_sources(
        &dir,
        serde_json::json!([
            sdn,
            cons,
            source("un", "un-xml", &server.url("un"), "un-consolidated.xml"),
            source("dpl", "bis-dpl-txt", &server.url("dpl"), "dpl.txt"),
            source("csl", "us-csl-csv", &server.url("csl"), "csl.csv"),
        ]),
    );
    let o = update(&sources, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // The 2026 alt/add name entries the 2024 sdn.csv lacks: accepted, and said.
    assert!(
        text(&o).contains("note: alt.csv:") && text(&o).contains("not in sdn.csv"),
        "{}",
        text(&o)
    );
    let index = read_index(&out);
    assert_eq!(entry(&index, "sdn.csv").entries, Some(14_965));
    assert_eq!(entry(&index, "cons_prim.csv").entries, Some(442));
    assert_eq!(entry(&index, "un-consolidated.xml").entries, Some(1_003));
    assert_eq!(
        entry(&index, "un-consolidated.xml").published,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 27)
    );
    assert!(entry(&index, "dpl.txt").entries.is_some_and(|n| n > 100));
    for (file, name) in [
        ("sdn.csv", "sdn"),
        ("un-consolidated.xml", "un"),
        ("dpl.txt", "dpl"),
    ] {
        assert_eq!(
            entry(&index, file).sha256,
            Some(Sha256Digest::of(&bytes[name]))
        );
    }
}

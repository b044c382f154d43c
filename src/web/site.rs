//! Requests to the app's own site: the only network use the app has.
//!
//! The CSP (`connect-src 'self'`) already forbids other origins; keeping every
//! request in this one place makes that easy to see in the code too.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the app's files live: the site root (Trunk's `public_url`).
pub const BASE: &str = "/";

/// GETs `path` (relative to the site root) and returns the response, whatever
/// its status; the error names the path and reads as a sentence.
pub async fn get(path: &str) -> Result<web_sys::Response, String> {
    let url = format!("{BASE}{path}");
    let window = web_sys::window().ok_or("no browser window")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{path}: could not be fetched ({})", describe(&e)))?;
    response
        .dyn_into()
        .map_err(|_| format!("{path}: the browser returned no response"))
}

/// GETs a same-origin file; `Ok(None)` on 404, `Err` with a readable reason otherwise.
pub async fn get_text(path: &str) -> Result<Option<String>, String> {
    let response = get(path).await?;
    if response.status() == 404 {
        return Ok(None);
    }
    check_ok(path, &response)?;
    // Hosts with a single-page-app fallback (Netlify `/* /index.html 200`,
    // CloudFront error pages) answer a missing file with index.html: that is a
    // missing file, not a broken one.
    let content_type = response.headers().get("content-type").ok().flatten();
    if content_type.is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html")) {
        return Ok(None);
    }
    read_body(path, response.text())
        .await?
        .as_string()
        .map(Some)
        .ok_or_else(|| format!("{path}: is not text"))
}

/// Refuses a response whose status is not 2xx; the error names the path.
pub fn check_ok(path: &str, response: &web_sys::Response) -> Result<(), String> {
    if response.ok() {
        Ok(())
    } else {
        Err(format!(
            "{path}: the server answered HTTP {}",
            response.status()
        ))
    }
}

/// Awaits a response body (`text()`, `array_buffer()`); the error names the path.
pub async fn read_body(
    path: &str,
    body: Result<js_sys::Promise, JsValue>,
) -> Result<JsValue, String> {
    let body = body.map_err(|e| format!("{path}: could not be read ({})", describe(&e)))?;
    JsFuture::from(body)
        .await
        .map_err(|e| format!("{path}: could not be read ({})", describe(&e)))
}

/// A readable reason from a JavaScript error value.
pub fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "network error".into())
}

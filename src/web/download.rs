//! Saving a document the app made, without a server.
//!
//! The text becomes a `Blob`, the blob an object URL, and a transient
//! `<a download>` is clicked: the browser saves the file, nothing leaves the
//! machine. The URL is revoked shortly after, once the download has started.

use std::time::Duration;

use wasm_bindgen::JsCast;

/// Saves `contents` as a file called `file_name` with media type `mime`.
///
/// Fails (with a sentence for the user) only when the browser refuses one of
/// the steps, e.g. blob URLs disabled by policy.
pub fn download_text(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser does not allow saving generated files".to_string())?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("the browser could not prepare the download link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// A file name from free text: letters, digits, `-` and `_` kept, the rest
/// turned into `-`, so a transaction reference never becomes a path.
pub fn safe_file_stem(text: &str) -> String {
    let stem: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let trimmed = stem.trim_matches('-');
    if trimmed.is_empty() {
        "document".to_string()
    } else {
        trimmed.to_string()
    }
}

//! Reading a file the user picked or dropped, locally, with a size limit.
//!
//! The size is checked from the file's metadata *before* any byte is read, so
//! a huge file is refused at once instead of freezing the tab. Nothing is
//! uploaded: `Blob.arrayBuffer()` reads from the user's disk into memory.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the limit; nothing was read.
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: usize,
    },
    /// The browser failed to read it (file moved, permission withdrawn...).
    Unreadable,
}

/// The first file chosen in an `<input type=file>`, from its change event.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    ev.target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

/// Clears a file input, so that picking the same file again fires `change`.
pub fn reset_input(ev: &web_sys::Event) {
    if let Some(input) = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// The first file dropped on an element.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()
        .and_then(|transfer| transfer.files())
        .and_then(|files| files.get(0))
}

/// Reads the whole file, refusing anything over `limit` bytes before reading.
pub async fn read_bytes(file: &web_sys::File, limit: usize) -> Result<Vec<u8>, ReadError> {
    let size = file.size();
    // `size` is a whole number of bytes held in an f64; anything that does not
    // fit a u64 is certainly over the limit.
    let size_bytes = if size.is_finite() && size >= 0.0 && size < u64::MAX as f64 {
        size as u64
    } else {
        u64::MAX
    };
    if size_bytes > limit as u64 {
        return Err(ReadError::TooLarge {
            size: size_bytes,
            limit,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // The file may have grown between the check and the read.
    if bytes.len() > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

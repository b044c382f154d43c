//! `localStorage` access that reports failures instead of hiding them.
//!
//! Storage can be missing (private mode, disabled cookies) or full; the callers
//! show the message and keep the in-memory state, so nothing typed is lost.

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageError(pub String);

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or_else(|| StorageError("no browser window".into()))?
        .local_storage()
        .map_err(|_| StorageError("this browser does not allow local storage".into()))?
        .ok_or_else(|| StorageError("local storage is not available".into()))
}

/// Reads a key; `Ok(None)` when nothing is stored.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError(format!("could not read {key}")))
}

/// Removes a key (nothing stored is not an error).
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError(format!("could not remove {key}")))
}

/// Writes a key.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|_| {
        StorageError("the browser refused to save (storage may be full or disabled)".into())
    })
}

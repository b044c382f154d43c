//! The user's own Ed25519 signing key: create, keep, export, import, forget.
//!
//! The key is made from 32 bytes of the browser's CSPRNG
//! (`crypto.getRandomValues`), kept in `localStorage` under
//! [`STORAGE_KEY`] in the core's one-line text form, and never sent anywhere:
//! signing happens in this tab. People compare the *fingerprint*, so it is
//! shown wherever the key is.

use enduse::record::SecretKey;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::download::download_text;
use crate::file_input::{self, ReadError};
use crate::i18n::{t, t_string, use_i18n};
use crate::storage;

/// Where the key lives in `localStorage`.
pub const STORAGE_KEY: &str = "enduse.signing-key";

/// A key file is one line of ~90 characters; anything much larger is not one.
const MAX_KEY_FILE_BYTES: usize = 4096;

/// The saved key, if any. A corrupted entry reads as "no key" plus a message,
/// never as a panic.
pub fn load() -> (Option<SecretKey>, Option<String>) {
    match storage::get(STORAGE_KEY) {
        // "Forget" writes an empty value: the shell's storage has no delete.
        Ok(Some(text)) if text.trim().is_empty() => (None, None),
        Ok(Some(text)) => match SecretKey::from_text(text.trim()) {
            Ok(key) => (Some(key), None),
            Err(e) => (None, Some(e.to_string())),
        },
        Ok(None) => (None, None),
        Err(e) => (None, Some(e.to_string())),
    }
}

/// `n` bytes from the browser's cryptographic random generator.
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    // All zeros from a working CSPRNG is astronomically unlikely; it means the
    // call silently did nothing.
    bytes.iter().any(|b| *b != 0).then_some(bytes)
}

/// What happened last, for the status line.
#[derive(Clone, PartialEq, Eq)]
enum Notice {
    Created,
    Imported,
    Exported,
    Forgotten,
    NotSaved(String),
    NoRandom,
    BadFile(String),
    FileTooLarge,
    DownloadFailed(String),
}

/// The key panel: fingerprint, create / export / import / forget.
///
/// `key` is shared with the caller, which signs with it when the user asks.
#[component]
pub fn SigningKeyPanel(
    /// The current key (shared with the signing code).
    key: RwSignal<Option<SecretKey>>,
    /// Prefix for element ids, so that two panels can share a page.
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let notice = RwSignal::new(None::<Notice>);
    let store = move |secret: &SecretKey| match storage::set(STORAGE_KEY, &secret.to_text()) {
        Ok(()) => None,
        Err(e) => Some(Notice::NotSaved(e.to_string())),
    };
    let create = move |_| match random_bytes::<32>() {
        Some(seed) => {
            let secret = SecretKey::from_seed(seed);
            let failed = store(&secret);
            key.set(Some(secret));
            notice.set(Some(failed.unwrap_or(Notice::Created)));
        }
        None => notice.set(Some(Notice::NoRandom)),
    };
    let export = move |_| {
        let Some(text) = key.with(|k| k.as_ref().map(|k| k.to_text() + "\n")) else {
            return;
        };
        let outcome = download_text("enduse-signing-key.txt", "text/plain", &text);
        notice.set(Some(match outcome {
            Ok(()) => Notice::Exported,
            Err(e) => Notice::DownloadFailed(e),
        }));
    };
    let forget = move |_| {
        let _ = storage::set(STORAGE_KEY, "");
        key.set(None);
        notice.set(Some(Notice::Forgotten));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = file_input::picked_file(&ev) else {
            return;
        };
        file_input::reset_input(&ev);
        spawn_local(async move {
            let result = match file_input::read_bytes(&file, MAX_KEY_FILE_BYTES).await {
                Err(ReadError::TooLarge { .. }) => Err(Notice::FileTooLarge),
                Err(ReadError::Unreadable) => Err(Notice::BadFile(String::new())),
                Ok(bytes) => String::from_utf8(bytes)
                    .map_err(|_| Notice::BadFile(String::new()))
                    .and_then(|text| {
                        SecretKey::from_text(text.trim())
                            .map_err(|e| Notice::BadFile(e.to_string()))
                    }),
            };
            match result {
                Ok(secret) => {
                    let failed = store(&secret);
                    key.set(Some(secret));
                    notice.set(Some(failed.unwrap_or(Notice::Imported)));
                }
                Err(problem) => notice.set(Some(problem)),
            }
        });
    };
    let fingerprint = move || {
        key.with(|k| {
            k.as_ref()
                .map(|k| k.public_key().fingerprint().as_str().to_string())
        })
    };
    let notice_text = move || {
        notice.get().map(|n| match n {
            Notice::Created => t_string!(i18n, records.key_created).to_string(),
            Notice::Imported => t_string!(i18n, records.key_imported).to_string(),
            Notice::Exported => t_string!(i18n, records.key_exported).to_string(),
            Notice::Forgotten => t_string!(i18n, records.key_forgotten).to_string(),
            Notice::NotSaved(reason) => {
                t_string!(i18n, records.key_not_saved, reason = reason).to_string()
            }
            Notice::NoRandom => t_string!(i18n, records.key_no_random).to_string(),
            Notice::BadFile(reason) => {
                format!("{} {reason}", t_string!(i18n, records.key_bad_file))
            }
            Notice::FileTooLarge => t_string!(i18n, records.key_bad_file).to_string(),
            Notice::DownloadFailed(reason) => {
                t_string!(i18n, records.download_failed, reason = reason).to_string()
            }
        })
    };
    let import_id = format!("{id}-key-import");
    view! {
        <div class="signing-key">
            <h3>{t!(i18n, records.key_heading)}</h3>
            <p class="hint">{t!(i18n, records.key_note)}</p>
            {move || match fingerprint() {
                Some(fp) => view! {
                    <p>
                        {t!(i18n, records.key_fingerprint)} " "
                        <code class="fingerprint" data-fingerprint=fp.clone()>{fp.clone()}</code>
                    </p>
                }.into_any(),
                None => view! { <p>{t!(i18n, records.key_none)}</p> }.into_any(),
            }}
            <div class="record-buttons">
                {move || {
                    if key.with(Option::is_some) {
                        view! {
                            <button type="button" class="button" on:click=export>{t!(i18n, records.key_export)}</button>
                            <button type="button" class="button" on:click=forget>{t!(i18n, records.key_forget)}</button>
                        }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button" id=format!("{id}-key-create") on:click=create>
                                {t!(i18n, records.key_create)}
                            </button>
                        }.into_any()
                    }
                }}
                <span class="file-pick">
                    <label for=import_id.clone()>{t!(i18n, records.key_import)}</label>
                    <input id=import_id type="file" accept=".txt,text/plain" on:change=import />
                </span>
            </div>
            <p class="record-notice" role="status">{notice_text}</p>
        </div>
    }
}

//! The key book on screen: the verdict on a signature in words, "Add this
//! key" for a signature the user has confirmed with its signer, and the
//! book itself (list, remove, export, import, and the host's registry shown
//! read-only).
//!
//! Every decision is the core's: who is trusted and whether a key changed
//! (`enduse::trust`, `Verdict`), whether a key may be added
//! (`Verdict::offers_trust`, `KeyBook::confirm_signer`), and an import is
//! all-or-nothing with the refused line named (`KeyBook::from_json`,
//! `KeyBook::merge`), so nothing already trusted is lost.

use chrono::Utc;
use enduse::country::Country;
use enduse::keybook::{Confirmation, KeyBook, KeyEntry, MAX_KEY_BOOK_BYTES};
use enduse::record::PublicKey;
use enduse::record::verdict::Verdict;
use enduse::trust::KeyStanding;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::download::download_text;
use crate::i18n::{t, t_string, use_i18n};
use crate::pages::verify::I18n;
use crate::{file_input, host_config, key_book};

/// A confirmation method in words.
pub fn confirmation_text(i18n: I18n, how: Confirmation) -> String {
    match how {
        Confirmation::Phone => t_string!(i18n, keys.how_phone),
        Confirmation::InPerson => t_string!(i18n, keys.how_in_person),
        Confirmation::HostRegistry => t_string!(i18n, keys.how_host_registry),
        Confirmation::FirstUse => t_string!(i18n, keys.how_first_use),
    }
    .to_string()
}

fn organisation_text(entry: &KeyEntry) -> String {
    match entry.country {
        Some(c) => format!("{}, {}", entry.organisation, c.code()),
        None => entry.organisation.clone(),
    }
}

/// A judged signature in words: who holds the key and how that is known,
/// or why it is not trusted and what to do.
pub fn verdict_text(i18n: I18n, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Trusted {
            standing: KeyStanding::Trusted(entry),
            ..
        } => t_string!(
            i18n,
            keys.verdict_trusted,
            organisation = organisation_text(entry),
            how = confirmation_text(i18n, entry.confirmed),
            date = entry.date.format("%Y-%m-%d").to_string()
        )
        .to_string(),
        Verdict::Trusted { fingerprint, .. } => t_string!(
            i18n,
            keys.verdict_trusted,
            organisation = fingerprint.clone(),
            how = "",
            date = ""
        )
        .to_string(),
        Verdict::Untrusted {
            fingerprint,
            legacy,
            standing,
        } => {
            let why = match standing {
                KeyStanding::Revoked(rev) => t_string!(
                    i18n,
                    keys.verdict_revoked,
                    date = rev.date.format("%Y-%m-%d").to_string(),
                    reason = rev.reason.clone()
                )
                .to_string(),
                KeyStanding::FirstUse(entry) => t_string!(
                    i18n,
                    keys.verdict_first_use,
                    date = entry.date.format("%Y-%m-%d").to_string(),
                    organisation = entry.organisation.clone()
                )
                .to_string(),
                KeyStanding::OtherParty(entry) => t_string!(
                    i18n,
                    keys.verdict_other_party,
                    organisation = organisation_text(entry)
                )
                .to_string(),
                KeyStanding::Unknown { party_keys } if !party_keys.is_empty() => {
                    let known = party_keys
                        .iter()
                        .map(|e| e.fingerprint().to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    t_string!(i18n, keys.verdict_key_changed, known = known).to_string()
                }
                _ => String::new(),
            };
            let legacy = if *legacy {
                t_string!(i18n, keys.verdict_legacy).to_string()
            } else {
                String::new()
            };
            let head = t_string!(
                i18n,
                keys.verdict_untrusted,
                fingerprint = fingerprint.clone()
            )
            .to_string();
            [why, head, legacy]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        }
        Verdict::Unsigned => t_string!(i18n, keys.verdict_unsigned).to_string(),
        Verdict::Altered { .. } | Verdict::LocatorDamaged { .. } => {
            t_string!(i18n, keys.verdict_altered).to_string()
        }
        Verdict::Unsupported { version } => {
            t_string!(i18n, records.state_unsupported, version = version.clone()).to_string()
        }
        Verdict::Malformed { .. } | Verdict::Refused { .. } => {
            t_string!(i18n, keys.verdict_malformed).to_string()
        }
    }
}

/// The verdict as a paragraph the tests and stylesheets can find:
/// `data-verdict` is the core's name for it, and a changed key is an alert.
pub fn verdict_line(i18n: I18n, verdict: &Verdict, class: &'static str) -> AnyView {
    let changed = verdict.key_changed();
    let text = verdict_text(i18n, verdict);
    view! {
        <p
            class=format!("signer-verdict verdict-{} {class}", verdict.as_str())
            class:alert=changed
            class:key-changed=changed
            role=changed.then_some("alert")
            data-verdict=verdict.as_str()
            data-key-changed=changed.then_some("true")
        >
            {text}
        </p>
    }
    .into_any()
}

/// "Add this key to my key book": binds a validly signing key to an
/// organisation, recording how the user confirmed it.
#[component]
pub fn TrustKeyForm(
    /// The signing key, 64 hex digits.
    public_key: String,
    /// The organisation the document names (prefilled, editable).
    organisation: String,
    /// Its country, when the document says.
    country: Option<Country>,
    /// Id prefix, unique on the page.
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(organisation);
    let method = RwSignal::new(Confirmation::USER_CHOICES[1]);
    let notice = RwSignal::new(None::<String>);
    let add = move |_| {
        let outcome = key_book::load_for_change().and_then(|mut book| {
            book.confirm_signer(
                &public_key,
                &name.get_untracked(),
                country,
                method.get_untracked(),
                Utc::now().date_naive(),
            )
            .map_err(|e| e.to_string())?;
            key_book::save(&book)
        });
        notice.set(Some(match outcome {
            Ok(()) => t_string!(i18n, keys.trusted_added).to_string(),
            Err(reason) => t_string!(i18n, keys.not_saved, reason = reason).to_string(),
        }));
    };
    let options = Confirmation::USER_CHOICES
        .into_iter()
        .map(|how| {
            view! {
                <option value=how.as_str() selected=how == method.get_untracked()>
                    {move || confirmation_text(i18n, how)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="trust-key no-print">
            <p class="hint">{t!(i18n, keys.trust_hint)}</p>
            <div class="field">
                <label for=format!("{id}-trust-org")>{t!(i18n, keys.organisation)}</label>
                <input id=format!("{id}-trust-org") type="text"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=format!("{id}-trust-how")>{t!(i18n, keys.confirmed_how)}</label>
                <select id=format!("{id}-trust-how") on:change=move |ev| {
                    if let Some(how) = Confirmation::parse(&event_target_value(&ev)) {
                        method.set(how);
                    }
                }>
                    {options}
                </select>
            </div>
            <p>
                <button type="button" class="button" id=format!("{id}-trust") on:click=add>
                    {t!(i18n, keys.trust_button)}
                </button>
            </p>
            <p class="record-notice" role="status">{move || notice.get()}</p>
        </div>
    }
}

/// One key book row.
fn entry_row(i18n: I18n, entry: &KeyEntry, remove: Option<Callback<PublicKey>>) -> AnyView {
    let key = entry.public_key;
    let fingerprint = entry.fingerprint().to_string();
    let shown = fingerprint.clone();
    let how = entry.confirmed;
    let remove_button = remove.map(|remove| {
        view! {
            <button type="button" class="button key-remove" on:click=move |_| remove.run(key)>
                {t!(i18n, keys.remove)}
            </button>
        }
    });
    view! {
        <tr data-fingerprint=fingerprint.clone() data-confirmed=how.as_str()>
            <td class="key-organisation">{entry.organisation.clone()}</td>
            <td>{entry.country.map(|c| c.code())}</td>
            <td>{move || confirmation_text(i18n, how)}</td>
            <td>{entry.date.format("%Y-%m-%d").to_string()}</td>
            <td><code class="fingerprint">{shown}</code></td>
            <td>{remove_button}</td>
        </tr>
    }
    .into_any()
}

fn key_table(i18n: I18n, class: &'static str, rows: AnyView) -> AnyView {
    view! {
        <div class="table-scroll">
            <table class=format!("key-book-table {class}")>
                <thead><tr>
                    <th scope="col">{t!(i18n, keys.organisation)}</th>
                    <th scope="col">{t!(i18n, keys.country)}</th>
                    <th scope="col">{t!(i18n, keys.confirmed_how)}</th>
                    <th scope="col">{t!(i18n, keys.date)}</th>
                    <th scope="col">{t!(i18n, keys.fingerprint)}</th>
                    <th scope="col"><span class="visually-hidden">{t!(i18n, keys.remove)}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The user's key book: list, remove, export, import; then the host's
/// registry, read-only.
#[component]
pub fn KeyBookPanel() -> impl IntoView {
    let i18n = use_i18n();
    let notice = RwSignal::new(None::<String>);
    let book = Memo::new(move |_| key_book::load());
    let export = move |_| {
        let text = book.with_untracked(|(b, _)| b.to_json());
        if let Err(e) = download_text("enduse-key-book.json", "application/json", &text) {
            notice.set(Some(
                t_string!(i18n, keys.not_saved, reason = e).to_string(),
            ));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = file_input::picked_file(&ev) else {
            return;
        };
        file_input::reset_input(&ev);
        spawn_local(async move {
            let text = match file_input::read_bytes(&file, MAX_KEY_BOOK_BYTES).await {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(_) => {
                        notice.set(Some(t_string!(i18n, records.file_unreadable).to_string()));
                        return;
                    }
                },
                Err(e) => {
                    notice.set(Some(crate::pages::verify::read_error_text(i18n, &e)));
                    return;
                }
            };
            let outcome = KeyBook::from_json(&text)
                .map_err(|e| e.to_string())
                .and_then(|incoming| {
                    let mut current = key_book::load_for_change()?;
                    let added = current.merge(&incoming).map_err(|e| e.to_string())?;
                    key_book::save(&current).map(|()| added)
                });
            notice.set(Some(match outcome {
                Ok(added) => t_string!(i18n, keys.imported, n = added).to_string(),
                Err(reason) => t_string!(i18n, keys.import_refused, reason = reason).to_string(),
            }));
        });
    };
    let remove = Callback::new(move |key: PublicKey| {
        let outcome = key_book::load_for_change().and_then(|mut current| {
            current.remove(&key);
            key_book::save(&current)
        });
        notice.set(Some(match outcome {
            Ok(()) => t_string!(
                i18n,
                keys.removed,
                fingerprint = key.fingerprint().to_string()
            )
            .to_string(),
            Err(reason) => t_string!(i18n, keys.not_saved, reason = reason).to_string(),
        }));
    });
    let clear = move |_| {
        if let Err(reason) = key_book::clear_unreadable() {
            notice.set(Some(
                t_string!(i18n, keys.not_saved, reason = reason).to_string(),
            ));
        }
    };
    let own = move || {
        book.with(|(b, problem)| {
            let problem = problem.clone().map(|p| {
                view! {
                    <div class="alert key-book-unreadable" role="alert">
                        <p>{t_string!(i18n, keys.unreadable, reason = p).to_string()}</p>
                        <button type="button" class="button" id="key-book-clear" on:click=clear>
                            {t!(i18n, keys.clear_broken)}
                        </button>
                    </div>
                }
            });
            let list = if b.is_empty() {
                view! { <p class="key-book-empty">{t!(i18n, keys.empty)}</p> }.into_any()
            } else {
                let rows = b
                    .entries()
                    .map(|e| entry_row(i18n, e, Some(remove)))
                    .collect_view()
                    .into_any();
                key_table(i18n, "own-keys", rows)
            };
            view! { {problem} {list} }
        })
    };
    let registry = host_config::current().config.key_registry.clone();
    let registry_view = registry.map(|r| {
        let members = (!r.members.is_empty()).then(|| {
            let rows = r
                .members
                .iter()
                .map(|e| entry_row(i18n, e, None))
                .collect_view()
                .into_any();
            key_table(i18n, "registry-keys", rows)
        });
        let revoked = (!r.revoked.is_empty()).then(|| {
            let items = r
                .revoked
                .iter()
                .map(|rev| {
                    view! {
                        <li data-fingerprint=rev.fingerprint.to_string()>
                            <code class="fingerprint">{rev.fingerprint.to_string()}</code>
                            " · " {rev.date.format("%Y-%m-%d").to_string()}
                            " · " {t!(i18n, keys.revoked_reason)} ": " {rev.reason.clone()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{t!(i18n, keys.revoked_heading)}</h3>
                <ul class="revoked-keys">{items}</ul>
            }
        });
        view! {
            <section class="key-registry" aria-labelledby="key-registry-heading">
                <h2 id="key-registry-heading">{t!(i18n, keys.registry_heading)}</h2>
                <p class="hint">{t!(i18n, keys.registry_intro)}</p>
                {members}
                {revoked}
            </section>
        }
    });
    view! {
        <section class="key-book" id="key-book" aria-labelledby="key-book-heading">
            <h2 id="key-book-heading">{t!(i18n, keys.heading)}</h2>
            <p class="hint">{t!(i18n, keys.intro)}</p>
            {own}
            <div class="record-buttons no-print">
                <button type="button" class="button" id="key-book-export" on:click=export>
                    {t!(i18n, keys.export)}
                </button>
                <span class="file-load">
                    <label for="key-book-import">{t!(i18n, keys.import)}</label>
                    <input id="key-book-import" type="file" accept=".json,application/json" on:change=import />
                </span>
            </div>
            <p class="record-notice" role="status">{move || notice.get()}</p>
        </section>
        {registry_view}
    }
}

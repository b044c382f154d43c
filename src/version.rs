//! Version facts shown in the footer, written into records and printed by `enduse --version`.

/// The application version, from `Cargo.toml`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The application name as shown to users.
pub const APP_NAME: &str = "End-Use Check";

//! One module per route, plus the shared error and not-found views.
pub mod assess;
pub mod declare;
pub mod error;
pub mod home;
pub mod keys;
pub mod not_found;
pub mod screening;
pub mod sources;
pub mod verify;

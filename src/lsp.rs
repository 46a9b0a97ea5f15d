//! `alinea lsp`: a language server over standard input and output, for editors.
//!
//! - `server`: the main loop (lsp-server's connection, no async runtime): buffers in,
//!   one run of the check per burst of edits, diagnostics and answers out.
//! - `workspace`: the repository, the open buffers (read by the check instead of the disk,
//!   through the load cache's overlay) and the last run; its `check` is the one call into the
//!   check.
//! - `diagnostics`: findings (and rule-file problems) as diagnostics.
//! - `handlers`: hover, definition, references, completion, symbols, from the run's graph.
//! - `rules`: rule files: hover and completion of fields, from the one field table.
//! - `actions`: code actions: the fixes, and "add a waiver for this finding".
//! - `convert`: byte spans to and from positions (UTF-16 columns), paths to and from URIs.

mod actions;
mod convert;
mod diagnostics;
mod handlers;
mod rules;
mod server;
mod workspace;

use crate::i18n::Lang;

/// Serves the protocol on standard input and output until the client exits; `lang` is
/// `--lang` (the client's `lang` initialization option overrides it).
///
/// # Errors
/// When the connection breaks or the client breaks the protocol: the message.
pub fn serve(lang: Option<Lang>) -> Result<(), String> {
    server::serve(lang).map_err(|error| error.to_string())
}

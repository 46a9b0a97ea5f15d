//! Stage 8: the interactive browser (`alinea browse`). Being built: until it lands,
//! `alinea browse` says so and exits 2.

/// How the browser should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TuiStyle {
    /// Use colours (false for `NO_COLOR` / `--color never`).
    pub color: bool,
}

/// Runs the browser over the plans of `options` until the user quits.
///
/// # Errors
/// When the terminal cannot be used.
pub fn run(options: &crate::CheckOptions, style: TuiStyle) -> std::io::Result<()> {
    let _ = (options, style);
    Err(std::io::Error::other(
        "the browser is not available in this build yet",
    ))
}

//! Building the command that opens an editor at a line: pure, so it is unit-tested.
//!
//! The editor comes from `VISUAL`, then `EDITOR`, then `vi`, split into words the way
//! a POSIX shell would (quotes and backslashes) but never run through a shell. The
//! location goes in the form the editor wants, chosen by the program's base name:
//! `+LINE FILE` for vi, vim, nvim, nano, emacs, micro, kak and unknown editors,
//! `FILE:LINE:COL` for hx, subl and zed, `--goto FILE:LINE:COL` for code. The file is
//! passed as an absolute path, so a file named `-x` can never read as an option.

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

/// A program and its arguments, ready for `std::process::Command`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorCommand {
    /// The program (first word of the editor setting).
    pub program: String,
    /// Its arguments: the setting's other words, then the location.
    pub args: Vec<String>,
}

/// An editor setting that cannot be split into words: a quote in it is not closed (the
/// setting as written; the browser says so in the run's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnclosedQuote(pub String);

/// How an editor takes a line number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `+LINE FILE` (vi, vim, nvim, nano, emacs, micro, kak; the default).
    PlusLine,
    /// `FILE:LINE:COL` (hx, subl, zed).
    FileLineCol,
    /// `--goto FILE:LINE:COL` (code).
    Goto,
}

/// The editor family of a program, by its base name.
#[must_use]
pub fn family(program: &str) -> Family {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    match name {
        "hx" | "helix" | "subl" | "sublime_text" | "zed" | "zeditor" => Family::FileLineCol,
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" => Family::Goto,
        _ => Family::PlusLine,
    }
}

/// The editor setting's words: `visual` if set and not blank, else `editor`, else `vi`.
///
/// # Errors
/// When the chosen setting has an unclosed quote.
pub fn words(visual: Option<&str>, editor: Option<&str>) -> Result<Vec<String>, UnclosedQuote> {
    let chosen = [visual, editor]
        .into_iter()
        .flatten()
        .find(|value| !value.trim().is_empty());
    match chosen {
        Some(value) => {
            let words = split_words(value)?;
            if words.is_empty() {
                Ok(vec!["vi".to_owned()])
            } else {
                Ok(words)
            }
        }
        None => Ok(vec!["vi".to_owned()]),
    }
}

/// The command that opens `file` at `line` and `column` (both 1-based) with the
/// editor named by `words` (see [`words`]). `file` should be absolute (see [`absolute`]).
#[must_use]
pub fn command(words: &[String], file: &Path, line: usize, column: usize) -> EditorCommand {
    let (program, rest) = match words.split_first() {
        Some((program, rest)) => (program.clone(), rest.to_vec()),
        None => ("vi".to_owned(), Vec::new()),
    };
    let file = file.to_string_lossy().into_owned();
    let line = line.max(1);
    let column = column.max(1);
    let mut args = rest;
    match family(&program) {
        Family::PlusLine => {
            args.push(format!("+{line}"));
            args.push(file);
        }
        Family::FileLineCol => args.push(format!("{file}:{line}:{column}")),
        Family::Goto => {
            args.push("--goto".to_owned());
            args.push(format!("{file}:{line}:{column}"));
        }
    }
    EditorCommand { program, args }
}

/// `path` made absolute against `cwd` (left as it is when already absolute).
#[must_use]
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    }
}

/// Splits a command line into words like a POSIX shell, without expanding anything:
/// whitespace separates words, single quotes keep everything, double quotes keep
/// everything but `\"` and `\\`, and a backslash outside quotes escapes the next character.
///
/// # Errors
/// When a quote is not closed.
pub fn split_words(text: &str) -> Result<Vec<String>, UnclosedQuote> {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Single,
        Double,
    }
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut state = State::Plain;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match state {
            State::Plain => match c {
                '\'' => {
                    state = State::Single;
                    in_word = true;
                }
                '"' => {
                    state = State::Double;
                    in_word = true;
                }
                '\\' => {
                    if let Some(next) = chars.next() {
                        current.push(next);
                    }
                    in_word = true;
                }
                c if c.is_whitespace() => {
                    if in_word {
                        words.push(std::mem::take(&mut current));
                        in_word = false;
                    }
                }
                c => {
                    current.push(c);
                    in_word = true;
                }
            },
            State::Single => match c {
                '\'' => state = State::Plain,
                c => current.push(c),
            },
            State::Double => match c {
                '"' => state = State::Plain,
                '\\' => match chars.next() {
                    Some(next @ ('"' | '\\' | '$' | '`')) => current.push(next),
                    Some(next) => {
                        current.push('\\');
                        current.push(next);
                    }
                    None => current.push('\\'),
                },
                c => current.push(c),
            },
        }
    }
    if state != State::Plain {
        return Err(UnclosedQuote(text.to_owned()));
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

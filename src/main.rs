//! The `alinea` binary: everything happens in [`alinea::cli`].

fn main() -> std::process::ExitCode {
    alinea::cli::main()
}

//! The `alinea` binary: everything happens in [`alinea::cli`].

/// jemalloc: a national check allocates and frees millions of small values on every thread;
/// jemalloc does it faster than the system's allocator, with less memory held
/// (`cargo bench --bench national` measures both).
#[cfg(unix)]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    alinea::cli::main()
}

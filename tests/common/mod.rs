//! Helpers shared by the integration tests: the `../shared` folder, the binary, reports.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` (or `$CLAIMGRAPH_SHARED`), the evaluation material beside the checkout.
///
/// When it is absent the caller skips with a loud message, except under CI (`CI=true`), where
/// its absence is a failure: CI always has it, so a silent pass there would hide a broken setup.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("CLAIMGRAPH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    if dir.join("seed").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "../shared is missing at {} (set CLAIMGRAPH_SHARED): CI must have it",
            dir.display()
        );
    }
    eprintln!(
        "SKIPPED: {} not found; this test needs the shared evaluation material (set CLAIMGRAPH_SHARED)",
        dir.display()
    );
    None
}

/// Runs the `claimgraph` binary with `args`, standard input empty.
pub fn claimgraph(args: &[&str]) -> Output {
    claimgraph_with_stdin(args, b"")
}

pub fn claimgraph_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimgraph runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("stdin written");
    child.wait_with_output().expect("claimgraph finishes")
}

/// Parses a report strictly: an unknown field anywhere is an error.
pub fn parse_report(bytes: &[u8]) -> claimgraph::Report {
    serde_json::from_slice(bytes).expect("the output is a v1 report with no unknown fields")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Runs the binary with `args`; asserts success and returns standard output.
pub fn run_ok(args: &[&str]) -> String {
    let out = claimgraph(args);
    assert!(
        out.status.success(),
        "claimgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A fresh directory for one test's files, under the system's temporary directory, removed with
/// everything in it when dropped: when the test ends, returns early (a tool missing) or fails.
/// Named by the tag, the process and a count, so tests running at once in one process, or in
/// several (nextest runs each test in its own), never share one.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static MADE: AtomicUsize = AtomicUsize::new(0);
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("claimgraph-{tag}-{}-{n}", std::process::id()));
        // Left by an earlier process of the same id that was killed.
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `body` to the file `name` in the directory; returns its path.
    pub fn write(&self, name: &str, body: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, body).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

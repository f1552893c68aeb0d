//! The command line: inputs of every form, errors that name the file and line, exit codes.

mod common;

use common::{claimgraph, claimgraph_with_stdin, parse_report};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The tests' temporary directories go when they end, also when a test fails: they left 32 MB
/// (the adversarial inputs) or a few files each in the system's temporary directory a run.
#[test]
fn temporary_directories_are_removed_when_done() {
    let kept = {
        let dir = common::TempDir::new("tempdir");
        dir.write("a.txt", "x");
        assert!(dir.path().join("a.txt").is_file());
        dir.path().to_path_buf()
    };
    assert!(!kept.exists(), "{} is left", kept.display());
    let failed = std::panic::catch_unwind(|| {
        let dir = common::TempDir::new("tempdir");
        dir.write("b.txt", "y");
        std::panic::panic_any(dir.path().to_path_buf());
    });
    let left = failed
        .unwrap_err()
        .downcast::<std::path::PathBuf>()
        .unwrap();
    assert!(!left.exists(), "{} is left after a failure", left.display());
    let (a, b) = (
        common::TempDir::new("tempdir"),
        common::TempDir::new("tempdir"),
    );
    assert_ne!(a.path(), b.path(), "two at once do not share a directory");
}

#[test]
fn help_teaches_the_inputs_and_exit_codes() {
    let out = claimgraph(&["analyze", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in ["JSONL", "date YYYY-MM-DD", "Exit status", "--output"] {
        assert!(help.contains(needle), "analyze --help lacks {needle:?}");
    }
    let out = claimgraph(&["eval", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("score_quotes.py"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(claimgraph(&["analyze"]).status.code(), Some(2));
    assert_eq!(
        claimgraph(&["analyze", "x.txt", "--format", "pdf"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(claimgraph(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_directory_is_walked_in_sorted_order() {
    let out = claimgraph(&["analyze", "corpus", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = parse_report(&out.stdout);
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert!(ids
        .iter()
        .all(|id| id.ends_with(".txt") || id.ends_with(".md")));
    assert_eq!(report.documents[0].date.as_deref(), Some("2022-01-04"));
}

#[test]
fn jsonl_articles_keep_their_metadata() {
    let out = claimgraph(&["analyze", "corpus/articles.jsonl", "-q"]);
    assert!(out.status.success());
    let report = parse_report(&out.stdout);
    let d = &report.documents[0];
    assert_eq!(d.id, "01-kz-fuel-protests");
    assert!(d.outlet.is_some() && d.date.is_some() && d.title.is_some());
    assert_eq!(d.path.as_deref(), Some("corpus/articles.jsonl"));
}

#[test]
fn standard_input_as_text_and_as_jsonl() {
    let out = claimgraph_with_stdin(
        &["analyze", "-", "-q"],
        "“We stay,” the mayor said.\n".as_bytes(),
    );
    assert!(out.status.success());
    let r = parse_report(&out.stdout);
    assert_eq!(r.documents[0].id, "-");
    assert_eq!(r.claims[0].speaker.as_ref().unwrap().text, "the mayor");
    let out = claimgraph_with_stdin(
        &["analyze", "-", "-q"],
        br#"{"id": "a1", "text": "\u201cWe stay,\u201d she said."}"#,
    );
    let r = parse_report(&out.stdout);
    assert_eq!(r.documents[0].id, "a1");
    assert_eq!(r.claims.len(), 1);
}

#[test]
fn bad_inputs_are_reported_and_the_good_ones_kept() {
    let tmp = common::TempDir::new("cli");
    let dir = tmp.path();
    let good = dir.join("good.txt");
    std::fs::write(&good, "“We stay,” the mayor said.\n").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"ok line\nCaf\xe9 said so.\n").unwrap();
    let jsonl = dir.join("batch.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"j1\", \"text\": \"\\u201cYes,\\u201d he said.\"}\n{broken\n{\"id\": \"j3\"}\n",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let args = [
        "analyze",
        good.to_str().unwrap(),
        latin1.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        missing.to_str().unwrap(),
        "-q",
    ];
    let out = claimgraph(&args);
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1");
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt:2: not valid UTF-8 at byte offset 11"),
        "{err}"
    );
    assert!(err.contains("batch.jsonl:2: not valid JSON"), "{err}");
    assert!(
        err.contains("batch.jsonl:3: article \"j3\" has no `text`")
            || err.contains("batch.jsonl:3:"),
        "{err}"
    );
    assert!(
        err.contains("missing.txt: no such file or directory"),
        "{err}"
    );
    let report = parse_report(&out.stdout);
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"j1"));
    assert_eq!(
        report.claims.len(),
        2,
        "both good documents' claims are in the report"
    );
    assert_eq!(report.errors.len(), 4);
    let lines: Vec<Option<u64>> = report.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(2), Some(2), Some(3), None]);
}

#[test]
fn output_file_is_written_whole() {
    let tmp = common::TempDir::new("out");
    let dir = tmp.path();
    let target = dir.join("report.json");
    let out = claimgraph(&[
        "analyze",
        "corpus/05-us-kentucky-tornado.txt",
        "-o",
        target.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let report = parse_report(&std::fs::read(&target).unwrap());
    assert_eq!(report.documents.len(), 1);
    let leftovers = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn eval_scores_the_corpus_gold() {
    let out = claimgraph(&["eval", "corpus/gold.jsonl", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let gold_docs = common::read(&common::root().join("corpus/gold.jsonl"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(v["documents"], gold_docs);
    assert!(v["overlap"]["f1"].as_f64().unwrap() > 0.0);
    let out = claimgraph(&["eval", "corpus/gold.jsonl"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().last().unwrap().starts_with("score: quote_f1="));
}

#[test]
fn eval_on_a_missing_gold_file_names_it() {
    let out = claimgraph(&["eval", "no/such/gold.jsonl"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("no/such/gold.jsonl"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn documents_over_the_limit_are_reported_with_their_line() {
    let out = claimgraph(&[
        "analyze",
        "corpus/05-us-kentucky-tornado.txt",
        "corpus/articles.jsonl",
        "--max-document-bytes",
        "3000",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = parse_report(&out.stdout);
    assert!(!report.documents.is_empty());
    let e = report
        .errors
        .iter()
        .find(|e| e.input == "corpus/articles.jsonl")
        .expect("a document of the JSONL file is over the limit");
    assert!(
        e.line.is_some() && e.message.contains("--max-document-bytes"),
        "{e:?}"
    );
    let big = claimgraph(&[
        "analyze",
        "corpus/05-us-kentucky-tornado.txt",
        "--max-document-bytes",
        "100",
        "-q",
    ]);
    assert!(String::from_utf8_lossy(&big.stderr).contains("05-us-kentucky-tornado.txt: file is"));
}

#[test]
fn figures_and_conflicts_tables() {
    let out = claimgraph(&["figures", "corpus", "--measure", "arrested", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().starts_with("MEASURE"));
    assert!(lines.all(|l| l.starts_with("arrested")), "{table}");
    assert!(table.contains("5,135"));

    let out = claimgraph(&["figures", "corpus", "--format", "csv", "-q"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with(
        "measure,group,value,interval,qualifier,source,source_kind,via,document,date,evidence\n"
    ));

    let out = claimgraph(&["conflicts", "corpus", "--format", "json", "-q"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rows
        .iter()
        .any(|r| r["link"] == "conflict" && r["measure"] == "arrested"));
    assert!(rows.iter().any(|r| r["link"] == "update"));
    // A count's timeline reads top to bottom.
    let dates: Vec<&str> = rows
        .iter()
        .filter(|r| r["link"] == "update" && r["measure"] == "arrested")
        .map(|r| r["first_date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

/// `figures` and `conflicts` take `--measure` as `analyze` does: an unknown measure is a usage
/// error (it printed an empty table, exit 0), and several are given repeated or comma-separated
/// (`killed,injured` matched no figure and printed an empty table).
#[test]
fn tables_check_their_measures_and_take_several() {
    for cmd in ["figures", "conflicts"] {
        let out = claimgraph(&[cmd, "corpus", "--measure", "bogus", "-q"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("--measure \"bogus\": not a measure; one of killed, injured"),
            "{cmd}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{cmd}: nothing printed");
    }
    let measures = |args: &[&str]| -> Vec<String> {
        let out = claimgraph(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let mut m: Vec<String> = rows
            .iter()
            .map(|r| r["measure"].as_str().unwrap().to_string())
            .collect();
        m.dedup();
        m
    };
    let both = ["figures", "corpus", "--format", "json", "-q", "--measure"];
    let listed = measures(&[&both[..], &["killed,injured"]].concat());
    assert_eq!(
        listed,
        ["injured", "killed"],
        "rows of both measures, by measure"
    );
    let repeated = measures(&[&both[..], &["killed", "--measure", "injured"]].concat());
    assert_eq!(repeated, listed);
    let arrested = measures(&[
        "conflicts",
        "corpus",
        "--format",
        "json",
        "-q",
        "--measure",
        "arrested",
    ]);
    assert_eq!(arrested, ["arrested"]);
}

#[test]
fn lossy_reads_latin1_with_replacement_characters_and_says_so() {
    let tmp = common::TempDir::new("lossy");
    let dir = tmp.path();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(
        &latin1,
        b"Monday.\n\n\"The caf\xe9 stays open,\" the mayor said.\n",
    )
    .unwrap();
    let name = latin1.to_str().unwrap();

    // Without --lossy: refused, exit 1, the message as before.
    let out = claimgraph(&["analyze", name, "-q"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "claimgraph: error: {name}:3: not valid UTF-8 at byte offset 17"
        )),
        "{err}"
    );
    assert!(!err.contains("warning"), "{err}");
    let report = parse_report(&out.stdout);
    assert!(report.documents.is_empty());
    assert_eq!(report.errors.len(), 1);

    // With --lossy: analyzed, exit 0, the warning on stderr even with -q, no report error.
    let out = claimgraph(&["analyze", name, "--lossy", "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        err,
        format!(
            "claimgraph: warning: {name}:3: not valid UTF-8 at byte offset 17: 1 invalid sequence replaced with U+FFFD (--lossy)\n"
        )
    );
    let report = parse_report(&out.stdout);
    assert_eq!(report.documents.len(), 1);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.claims.len(), 1);
    let claim = &report.claims[0];
    assert_eq!(claim.text, "The caf\u{fffd} stays open,");
    assert_eq!(claim.speaker.as_ref().unwrap().text, "the mayor");

    // `extract` the same: the warning, no error line, exit 0.
    let out = claimgraph(&["extract", name, "--lossy", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).starts_with(&format!("claimgraph: warning: {name}:3: ")));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1);
    let line = parse_report(lines[0].as_bytes());
    assert!(line.errors.is_empty() && line.claims.len() == 1);
}

/// Ctrl-C in the middle of a run leaves neither the output file nor its temporary file.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_partial_file() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let tmp = common::TempDir::new("int");
    let dir = tmp.path();
    let target = dir.join("parts.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["extract", "-", "-q", "-o"])
        .arg(&target)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // One article, and standard input left open: the run waits for more.
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"id\": \"a\", \"text\": \"\\u201cWe stay,\\u201d the mayor said.\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    let started = std::time::Instant::now();
    while std::fs::read_dir(dir).unwrap().count() == 0 {
        assert!(
            started.elapsed().as_secs() < 20,
            "the temporary file never appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(out.status.code(), Some(130), "interrupted: exit 130");
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(
        left.is_empty(),
        "no partial or temporary file is left: {left:?}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
}

/// A directory of good and bad inputs: every bad one named with its line and byte offset, the
/// good ones all analyzed, exit 1.
#[test]
fn a_directory_of_good_and_bad_inputs() {
    let tmp = common::TempDir::new("dir");
    let dir = tmp.path();
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(dir.join("a-good.txt"), "“We stay,” the mayor said.\n").unwrap();
    std::fs::write(
        dir.join("b-latin1.txt"),
        b"First line.\nCaf\xe9 owners said so.\n",
    )
    .unwrap();
    std::fs::write(dir.join("c-binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(dir.join("d-notes.csv"), "not,an,article\n").unwrap();
    std::fs::write(
        sub.join("e-good.md"),
        "Police said 12 people were detained, according to a statement.\n",
    )
    .unwrap();
    let out = claimgraph(&["analyze", dir.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1");
    let err = stderr(&out);
    assert!(
        err.contains("b-latin1.txt:2: not valid UTF-8 at byte offset 15"),
        "{err}"
    );
    assert!(
        err.contains("c-binary.txt:1: binary file (NUL byte at byte offset 4"),
        "{err}"
    );
    let report = parse_report(&out.stdout);
    let docs: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert!(docs[0].ends_with("a-good.txt") && docs[1].ends_with("e-good.md"));
    for d in &docs {
        assert!(
            report.claims.iter().any(|c| &c.doc == d),
            "the claims of {d} are in the report"
        );
    }
    assert_eq!(report.errors.len(), 2);
}

/// Neither a carriage return nor an escape sequence: no progress display was drawn.
fn undrawn(stderr: &str) -> bool {
    !stderr.contains('\r') && !stderr.contains('\x1b')
}

#[test]
fn no_progress_display_in_a_pipe() {
    for args in [
        &["extract", "corpus/articles.jsonl"][..],
        &["analyze", "corpus", "--format", "dot"],
        &["figures", "corpus/articles.jsonl"],
        &["conflicts", "corpus"],
    ] {
        let out = claimgraph(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(undrawn(&err), "{args:?}: {err:?}");
        assert!(
            err.lines().all(|l| l.starts_with("claimgraph: ")),
            "{args:?}: only messages: {err:?}"
        );
    }
    let extracted = claimgraph(&["extract", "corpus/articles.jsonl", "-q"]);
    let out = claimgraph_with_stdin(&["merge", "-", "--no-progress"], &extracted.stdout);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(undrawn(&stderr(&out)));
}

/// `claimgraph ARGS` on a pseudo-terminal (util-linux `script`), output to a file: what the
/// terminal showed (stdout and stderr). `None`, with a note, where `script` is missing.
fn on_a_terminal(args: &str) -> Option<String> {
    use std::process::{Command, Stdio};
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("SKIPPED: util-linux `script` is not on the PATH; no terminal to test on");
        return None;
    }
    let out = Command::new("script")
        .args(["-qec"])
        .arg(format!("'{}' {args}", env!("CARGO_BIN_EXE_claimgraph")))
        .arg("/dev/null")
        .current_dir(common::root())
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    assert!(out.status.success(), "{args}: {out:?}");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn on_a_terminal_the_display_is_cleared_before_the_summary() {
    let tmp = common::TempDir::new("progress");
    let dir = tmp.path();
    let out = dir.join("out.jsonl");
    let out = out.display();
    let Some(shown) = on_a_terminal(&format!("extract corpus/articles.jsonl -o {out}")) else {
        return;
    };
    // Whatever was drawn (a short run may end before the first frame) was cleared: the
    // summary stands alone on the last line.
    let last = shown.rsplit("\x1b[2K").next().unwrap().trim_end();
    let summary = last
        .strip_prefix("claimgraph: extracted 12 document(s), ")
        .and_then(|rest| rest.strip_suffix(" claim(s)"));
    assert!(
        summary.is_some_and(|n| n.parse::<usize>().is_ok()),
        "{shown:?}"
    );
    for quiet in ["-q", "--no-progress"] {
        let shown = on_a_terminal(&format!("extract corpus/articles.jsonl -o {out} {quiet}"))
            .expect("script was there a moment ago");
        assert!(!shown.contains('\x1b'), "{quiet}: {shown:?}");
    }
}

/// `-o` naming a device or a pipe (`-o /dev/null`, a FIFO) writes into it: the temporary file
/// renamed into place, right for a regular file, would replace the device itself (as root,
/// `-o /dev/null` once turned /dev/null into a regular file holding the output).
#[test]
#[cfg(unix)]
fn output_to_a_pipe_or_device_is_written_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = common::TempDir::new("fifo");
    let dir = tmp.path();
    let fifo = dir.join("out.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    let (send, got) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        std::thread::spawn(move || send.send(std::fs::read(fifo).unwrap()));
    }
    let out = claimgraph(&[
        "extract",
        "corpus/articles.jsonl",
        "-q",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    // Were the FIFO replaced, its reader would wait for ever: give up after a while.
    let read = got
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the pipe's reader got the output");
    assert!(read.starts_with(b"{"), "the pipe's reader got the output");
    let kind = std::fs::metadata(&fifo).unwrap().file_type();
    assert!(
        kind.is_fifo(),
        "the FIFO is still a FIFO, not a file renamed over it"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file left beside it: {leftovers:?}"
    );
}

/// Runs the binary with `args` from the project root, standard input from `stdin`, and kills it
/// after 60 s: a run that waits for ever fails the test instead of hanging it. Its output goes
/// through hidden files in `tmp` (a walk of `tmp` skips hidden files).
fn run_bounded(
    tmp: &common::TempDir,
    args: &[&str],
    stdin: std::process::Stdio,
) -> std::process::Output {
    let out = tmp.path().join(".stdout");
    let err = tmp.path().join(".stderr");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(common::root())
        .stdin(stdin)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("claimgraph runs");
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().ok();
            child.wait().ok();
            panic!("claimgraph {args:?} still runs after 60 s: it waits for ever");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read(&err).unwrap(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) -> bool {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return false;
    }
    true
}

/// A named pipe in a directory was opened and waited on for ever (found by a black-box
/// review): a walk skips what is not a regular file, with a warning naming it. A pipe named on
/// the command line is read, as a file of its name is.
#[test]
#[cfg(unix)]
fn a_named_pipe_in_a_directory_is_not_waited_on() {
    let tmp = common::TempDir::new("fifodir");
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "Police said 12 people were killed.").unwrap();
    if !mkfifo(&dir.join("x.txt")) {
        return;
    }
    let d = dir.to_str().unwrap();
    let out = run_bounded(&tmp, &["analyze", d, "-q"], std::process::Stdio::null());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!(
            "claimgraph: warning: {d}/x.txt: not a regular file (a named pipe): not read"
        )),
        "{err}"
    );
    assert_eq!(parse_report(&out.stdout).documents.len(), 1);

    // Named, it is read as standard input is: what its writer writes.
    let fifo = dir.join("x.txt");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "Police said 3 people died.").unwrap())
    };
    let out = run_bounded(
        &tmp,
        &["analyze", fifo.to_str().unwrap(), "-q"],
        std::process::Stdio::null(),
    );
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(parse_report(&out.stdout).documents[0].bytes, 26);
}

/// `loop/sub/up -> ..` made a walk read the same files ~40 times under new ids, then fail with
/// "Too many levels of symbolic links" (found by a black-box review): a directory is walked
/// once, a link back to one already walked is named in one warning. Links to files and to
/// directories elsewhere are still followed.
#[test]
#[cfg(unix)]
fn a_symbolic_link_loop_is_walked_once() {
    use std::os::unix::fs::symlink;
    let tmp = common::TempDir::new("loop");
    let root = tmp.path().join("loop");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(tmp.path().join("elsewhere")).unwrap();
    std::fs::write(root.join("a.txt"), "Police said 12 people were killed.").unwrap();
    std::fs::write(root.join("sub/b.txt"), "Police said 13 people were killed.").unwrap();
    std::fs::write(tmp.path().join("elsewhere/c.txt"), "Police said 3.").unwrap();
    std::fs::write(tmp.path().join("d.txt"), "Police said 4.").unwrap();
    symlink("..", root.join("sub/up")).unwrap();
    symlink("../elsewhere", root.join("other")).unwrap();
    symlink("../d.txt", root.join("d.txt")).unwrap();
    let r = root.to_str().unwrap();
    let out = run_bounded(&tmp, &["analyze", r, "-q"], std::process::Stdio::null());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let ids: Vec<String> = parse_report(&out.stdout)
        .documents
        .iter()
        .map(|d| d.id.strip_prefix(r).unwrap().to_string())
        .collect();
    assert_eq!(ids, ["/a.txt", "/d.txt", "/other/c.txt", "/sub/b.txt"]);
    assert_eq!(
        err,
        format!("claimgraph: warning: {r}/sub/up: a link to the directory {r}, already walked: not walked again\n")
    );
}

/// `analyze inp.txt -o inp.txt` replaced the input with the report, and so did every command
/// given its own input as `-o`, also through standard input (found by a black-box review): it
/// is a usage error before anything is read, and the input is left as it was.
#[test]
#[cfg(unix)]
fn an_output_that_is_an_input_is_refused() {
    let tmp = common::TempDir::new("outin");
    let text = "Police said 12 people were killed.";
    let inp = tmp.write("inp.txt", text);
    let jsonl = tmp.write(
        "in.jsonl",
        "{\"id\": \"a\", \"text\": \"Police said 3.\"}\n",
    );
    let (i, j) = (inp.to_str().unwrap(), jsonl.to_str().unwrap());
    let parts = common::run_ok(&["extract", j, "-q"]);
    let p = tmp.write("p.jsonl", &parts);
    let p = p.to_str().unwrap();
    let link = tmp.path().join("link.txt");
    std::os::unix::fs::symlink(&inp, &link).unwrap();
    let cases: [Vec<&str>; 6] = [
        vec!["analyze", i, "-o", i],
        vec!["analyze", i, "-o", link.to_str().unwrap()],
        vec!["extract", j, "-o", j],
        vec!["merge", p, "-o", p],
        vec!["figures", j, "-o", j],
        vec!["conflicts", i, j, "-o", j],
    ];
    for args in cases {
        let out = run_bounded(&tmp, &args, std::process::Stdio::null());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("is also an input"), "{args:?}: {err}");
        assert!(!err.contains("document(s)"), "nothing read: {err}");
    }
    assert_eq!(common::read(&inp), text);
    assert_eq!(
        common::read(&jsonl),
        "{\"id\": \"a\", \"text\": \"Police said 3.\"}\n"
    );
    assert_eq!(common::read(std::path::Path::new(p)), parts);

    // Standard input redirected from the output file.
    let stdin = std::fs::File::open(&jsonl).unwrap();
    let out = run_bounded(&tmp, &["analyze", "-", "-o", j], stdin.into());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("-o {j} is also an input (-)")),
        "{}",
        stderr(&out)
    );

    // A directory holding the output: the output is not read as an article.
    let dir = tmp.path().join("dir");
    std::fs::create_dir(&dir).unwrap();
    let old = dir.join("out.txt");
    std::fs::write(&old, "an old report").unwrap();
    let args = [
        "analyze",
        dir.to_str().unwrap(),
        "-o",
        old.to_str().unwrap(),
    ];
    let out = run_bounded(&tmp, &args, std::process::Stdio::null());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(common::read(&old), "an old report");
    // An output that would not be read is fine.
    let report = dir.join("report.json");
    std::fs::write(&report, "{}").unwrap();
    let args = [
        "analyze",
        i,
        dir.to_str().unwrap(),
        "-q",
        "-o",
        report.to_str().unwrap(),
    ];
    let out = run_bounded(&tmp, &args, std::process::Stdio::null());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// `.ndjson`, `.JSONL` files were read as one prose article each, and `.json` too (a report
/// given to `figures` gave thousands of "claims" in JSON syntax); a JSONL file or standard
/// input starting with a BOM was one article, or an error on line 1 (found by a black-box
/// review).
#[test]
fn jsonl_by_any_name_and_with_a_bom() {
    let tmp = common::TempDir::new("ext");
    let line = "{\"id\": \"a\", \"text\": \"Police said 12 people were killed.\"}\n";
    let ids = |args: &[&str], stdin: &[u8]| {
        let out = claimgraph_with_stdin(args, stdin);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
        parse_report(&out.stdout)
            .documents
            .iter()
            .map(|d| d.id.clone())
            .collect::<Vec<_>>()
    };
    for name in ["x.ndjson", "x.JSONL", "x.NdJson", "noext", "x.data"] {
        let p = tmp.write(name, line);
        assert_eq!(
            ids(&["analyze", p.to_str().unwrap(), "-q"], b""),
            ["a"],
            "{name}"
        );
    }
    let bom = format!("\u{feff}{line}");
    let p = tmp.write("bom.jsonl", &bom);
    assert_eq!(ids(&["analyze", p.to_str().unwrap(), "-q"], b""), ["a"]);
    assert_eq!(ids(&["analyze", "-", "-q"], bom.as_bytes()), ["a"]);
    let p = tmp.write("bom", format!("\u{feff} \n{line}"));
    assert_eq!(ids(&["analyze", p.to_str().unwrap(), "-q"], b""), ["a"]);
    // Text with a BOM stays text, the BOM in it, as a .txt file's.
    let out = claimgraph_with_stdin(&["analyze", "-", "-q"], "\u{feff}Police said 3.".as_bytes());
    assert_eq!(parse_report(&out.stdout).documents[0].bytes, 17);
    let p = tmp.write("prose", "Police said 12 people were killed.");
    let p = p.to_str().unwrap();
    assert_eq!(ids(&["analyze", p, "-q"], b""), [p]);

    let json = tmp.write(
        "r.json",
        common::run_ok(&["analyze", "corpus/01-kz-fuel-protests.txt", "-q"]),
    );
    let json = json.to_str().unwrap();
    let out = claimgraph(&["figures", json, "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("claimgraph: error: {json}: a JSON file, not read: give articles as JSONL (one object a line) or text; a claimgraph report goes to `claimgraph merge`\n")
    );
}

/// Dates that are no calendar dates were kept as given, which silently left the document out
/// of figure linking (found by a black-box review): each is a warning naming file and line, and
/// the document is read without a date.
#[test]
fn a_date_that_is_not_a_calendar_date_is_a_warning() {
    let tmp = common::TempDir::new("dates");
    let doc = |id: &str, date: &str| {
        format!(
            "{{\"id\": \"{id}\", \"text\": \"Police said 3 people died.\", \"date\": {date}}}\n"
        )
    };
    let body = [
        doc("ok", "\"2024-02-29\""),
        doc("month", "\"2022-13-45\""),
        doc("word", "\"yesterday\""),
        doc("short", "\"2022-1-6\""),
        doc("leap", "\"2023-02-29\""),
        doc("time", "\"2022-01-06T10:00:00Z\""),
        doc("number", "20220106"),
        doc("null", "null"),
    ]
    .concat();
    let p = tmp.write("d.jsonl", body);
    let t = tmp.write("d.txt", "date 2022-13-45\nPolice said 3 people died.");
    let (p, t) = (p.to_str().unwrap(), t.to_str().unwrap());
    let out = claimgraph(&["analyze", p, t, "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let warn = |at: &str, date: &str| {
        format!("claimgraph: warning: {at}: not a date YYYY-MM-DD: {date}; the document is read without a date\n")
    };
    let want = [
        warn(&format!("{p}:2"), "\"2022-13-45\""),
        warn(&format!("{p}:3"), "\"yesterday\""),
        warn(&format!("{p}:4"), "\"2022-1-6\""),
        warn(&format!("{p}:5"), "\"2023-02-29\""),
        warn(&format!("{p}:6"), "\"2022-01-06T10:00:00Z\""),
        warn(&format!("{p}:7"), "20220106"),
        warn(&format!("{t}:1"), "\"2022-13-45\""),
    ]
    .concat();
    assert_eq!(err, want);
    let report = parse_report(&out.stdout);
    let dates: Vec<Option<&str>> = report.documents.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2024-02-29"),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None
        ]
    );
    // The header line is still the header, not text: its figures are not the article's.
    assert_eq!(report.documents[8].bytes, 42);
    assert!(report.claims.iter().all(|c| c.span[0] >= 16 || c.doc != t));
}

/// A JSONL line whose `text` was a number said "not a JSON object: invalid type: integer `42`,
/// expected a string" (found by a black-box review): the line is an object; the field is named.
#[test]
fn a_jsonl_field_of_the_wrong_type_is_named() {
    let tmp = common::TempDir::new("types");
    let body = "{\"id\": \"a\", \"text\": 42}\n\
        {\"id\": \"b\", \"text\": \"Fine.\", \"outlet\": 5}\n\
        {\"id\": \"c\", \"text\": \"Fine.\", \"title\": [\"T\"]}\n\
        {\"id\": \"d\", \"text\": \"Fine.\", \"url\": {\"u\": 1}}\n\
        {\"id\": \"e\", \"text\": true}\n\
        {\"id\": \"f\", \"text\": \"Fine.\", \"outlet\": null}\n\
        {\"id\": \"g\", \"text\": 1.5, \"text\": \"twice\"}\n";
    let p = tmp.write("t.jsonl", body);
    let p = p.to_str().unwrap();
    let out = claimgraph(&["analyze", p, "-q"]);
    assert_eq!(out.status.code(), Some(1));
    let e = |line: u32, what: &str| format!("claimgraph: error: {p}:{line}: {what}\n");
    assert_eq!(
        stderr(&out),
        [
            e(1, "`text` must be a string, not an integer (42)"),
            e(2, "`outlet` must be a string or null, not an integer (5)"),
            e(3, "`title` must be a string or null, not an array"),
            e(4, "`url` must be a string or null, not an object"),
            e(5, "`text` must be a string, not a boolean (true)"),
            e(7, "not a JSON object: duplicate field `text`"),
        ]
        .concat()
        .replace("`text`\n", "`text` at line 1 column 31\n")
    );
    let ids: Vec<String> = parse_report(&out.stdout)
        .documents
        .iter()
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(ids, ["f"]);
}

/// `-o` into a directory that does not exist was found only after the whole run (its summary
/// printed), naming an internal temporary file; `-o /dev/full` did not name the file (found by
/// a black-box review).
#[test]
fn an_output_that_cannot_be_written_is_named_before_reading() {
    for args in [
        ["analyze", "corpus", "-o", "/nonexistent-dir/x.json"],
        ["extract", "corpus", "-o", "/nonexistent-dir/x.json"],
        ["figures", "corpus", "-o", "/nonexistent-dir/x.json"],
        [
            "merge",
            "corpus/articles.jsonl",
            "-o",
            "/nonexistent-dir/x.json",
        ],
    ] {
        let out = claimgraph(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        // One line, naming the path given; the system's words for the cause are Linux's here.
        let expected = "claimgraph: error: cannot write /nonexistent-dir/x.json: ";
        assert!(
            err.starts_with(expected) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        if cfg!(target_os = "linux") {
            assert_eq!(
                err,
                format!("{expected}No such file or directory (os error 2)\n"),
                "{args:?}"
            );
        }
    }
    if std::path::Path::new("/dev/full").exists() {
        let out = claimgraph(&[
            "analyze",
            "corpus/01-kz-fuel-protests.txt",
            "-q",
            "-o",
            "/dev/full",
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).starts_with("claimgraph: error: cannot write /dev/full: "),
            "{}",
            stderr(&out)
        );
    }
}

/// The unknown-lexicon error listed four of the seven lexicons; a lexicon file not in UTF-8 was
/// "stream did not contain valid UTF-8", naming neither file nor line (found by a black-box
/// review).
#[test]
fn lexicon_errors_list_every_lexicon_and_name_the_line() {
    let tmp = common::TempDir::new("lex");
    let random = tmp.write("random.tsv", "x\ty\n");
    let out = claimgraph(&["analyze", "corpus", "--lexicon", random.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for name in [
        "cues.tsv",
        "source_kinds.tsv",
        "capitals.tsv",
        "demonyms.tsv",
        "numbers.tsv",
        "measures.tsv",
        "groups.tsv",
    ] {
        assert!(err.contains(name), "{name}: {err}");
    }
    let latin = tmp.write("my_cues.tsv", b"# cues\ncaf\xe9\tsaid\n");
    let l = latin.to_str().unwrap();
    let out = claimgraph(&["analyze", "corpus", "--lexicon", l]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("claimgraph: error: {l}:2: not valid UTF-8 at byte offset 10\n")
    );
}

/// The note on skipped files named a file also named on the command line, and read (found by a
/// black-box review); it says how many of each kind were skipped, on one line.
#[test]
fn the_skipped_note_counts_what_was_not_read() {
    let out = claimgraph(&["analyze", "corpus"]);
    let err = stderr(&out);
    let note: Vec<&str> = err.lines().filter(|l| l.contains("note")).collect();
    assert_eq!(
        note,
        ["claimgraph: note: skipped 11 file(s) that are not .txt or .md (9 .json, 2 .jsonl; name a JSONL file to read it), e.g. corpus/01-kz-fuel-protests.expected.json"]
    );
    let out = claimgraph(&["analyze", "corpus", "corpus/articles.jsonl"]);
    let err = stderr(&out);
    assert!(
        err.contains("skipped 10 file(s) that are not .txt or .md (9 .json, 1 .jsonl;"),
        "{err}"
    );
    assert!(!err.contains("corpus/articles.jsonl"), "{err}");
}

/// An empty directory or JSONL file gave a summary of 0 documents and nothing more (found by a
/// black-box review): a warning says no document was read; the exit status stays 0, as
/// nothing failed.
#[test]
fn no_documents_read_is_a_warning() {
    let tmp = common::TempDir::new("empty");
    let dir = tmp.path().join("none");
    std::fs::create_dir(&dir).unwrap();
    let empty = tmp.write("e.jsonl", "");
    for input in [dir.to_str().unwrap(), empty.to_str().unwrap()] {
        for command in ["analyze", "extract", "figures"] {
            let out = claimgraph(&[command, input, "-q"]);
            assert_eq!(out.status.code(), Some(0), "{command} {input}");
            assert_eq!(
                stderr(&out),
                "claimgraph: warning: no documents read\n",
                "{command} {input}"
            );
        }
    }
}

/// A line of `claimgraph extract`'s output given where articles are read (`figures
/// parts.jsonl`) said "missing `id`" on every line: it says what the line is and what reads it.
#[test]
fn an_extract_line_read_as_an_article_says_to_merge_it() {
    let tmp = common::TempDir::new("extract-as-input");
    let lines = common::run_ok(&["extract", "-q", "corpus/01-kz-fuel-protests.txt"]);
    let parts = tmp.write("parts.jsonl", &lines);
    let out = claimgraph(&["figures", parts.to_str().unwrap(), "-q"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "parts.jsonl:1: a claimgraph report (extract's output), not an article: \
             `claimgraph merge` reads it"
        ),
        "{}",
        stderr(&out)
    );
}

/// A walk reads `.TXT` and `.MD` too, and its note on the files it skips stays one short line
/// however many kinds of names the directory holds (it listed every kind, counted by a search
/// of a list: quadratic, one line of a megabyte for a mail directory's unique names).
#[test]
fn a_walk_reads_any_case_and_sums_up_what_it_skips() {
    let tmp = common::TempDir::new("walk-kinds");
    tmp.write("A.TXT", "“We stay,” the mayor said.\n");
    tmp.write("B.Md", "“We go,” the governor said.\n");
    for i in 0..40 {
        tmp.write(&format!("m{i}.host{i}"), "x");
    }
    let out = claimgraph(&["analyze", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = parse_report(&out.stdout);
    assert_eq!(report.documents.len(), 2, "A.TXT and B.Md are read");
    let err = stderr(&out);
    let note = err
        .lines()
        .find(|l| l.contains("note: skipped"))
        .expect("the note");
    assert!(note.contains("skipped 40 file(s)"), "{note}");
    assert!(note.contains("35 of other kinds"), "{note}");
    assert!(note.len() < 300, "{note}");
}

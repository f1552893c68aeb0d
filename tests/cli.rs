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
    assert!(err.contains("batch.jsonl:2: not a JSON object"), "{err}");
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

//! `claimgraph eval` on odd gold files and options: the scores stay the referee's (stdout
//! unchanged), and what the referee scores silently is said on stderr as a warning.

mod common;

use common::claimgraph;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOLD: &str = concat!(
    r#"{"id": "a", "text": "\"We will win,\" the mayor said.", "quotes": [{"text": "We will win,", "kind": "direct", "speaker": "the mayor"}]}"#,
    "\n",
    r#"{"id": "b", "text": "Nothing was said."}"#,
    "\n",
    r#"{"id": "c", "quotes": [{"text": "Hi", "kind": "mixed", "speaker": "he"}]}"#,
    "\n",
    r#"{"id": "a", "text": "\"We will lose,\" the mayor said.", "quotes": [{"text": "We will lose,", "speaker": "the mayor"}]}"#,
    "\n",
);

/// Each case the referee scores silently gets a warning naming the gold file (and line); the
/// exit status and the scores on stdout are what they were.
#[test]
fn eval_warns_of_what_the_referee_scores_silently() {
    let tmp = common::TempDir::new("eval");
    let gold = tmp.write("gold.jsonl", GOLD);
    let g = gold.to_str().unwrap();
    let out = claimgraph(&["eval", g, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["documents"], 3,
        "a repeated id counts once, as the referee does"
    );
    let err = stderr(&out);
    for needle in [
        "gold.jsonl:2: document \"b\" has no \"quotes\"",
        "gold.jsonl:3: document \"c\" has no \"text\"",
        "gold.jsonl:4: document id \"a\" again (first on line 1): line 4's record counts",
    ] {
        assert!(err.contains(needle), "{needle:?} not in {err}");
    }
    assert!(
        !err.contains("--gold-kinds") && !err.contains("--pred-kinds"),
        "{err}"
    );

    // Kinds that can match nothing.
    let out = claimgraph(&[
        "eval",
        g,
        "--gold-kinds",
        "foo,direct",
        "--pred-kinds",
        "mixed",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("--gold-kinds: no gold quote in ") && err.contains("is of kind \"foo\""),
        "{err}"
    );
    assert!(!err.contains("kind \"direct\""), "direct occurs: {err}");
    assert!(
        err.contains("--pred-kinds: claimgraph finds no claim of kind \"mixed\""),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("gold quotes 1, predicted 0"));

    // An empty gold file.
    let empty = tmp.write("empty.jsonl", "\n");
    let out = claimgraph(&["eval", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("empty.jsonl has no documents: every score is 0"),
        "{err}"
    );
}

/// The corpus gold is clean: no warning.
#[test]
fn eval_on_a_clean_gold_says_nothing_on_stderr() {
    let out = claimgraph(&["eval", "corpus/gold.jsonl"]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
}

/// `--report` naming the gold file (by another path, or a hard link to it) is a usage error:
/// it overwrote the gold with the report.
#[test]
fn eval_refuses_to_write_the_report_over_the_gold() {
    let tmp = common::TempDir::new("eval");
    let gold = tmp.write("gold.jsonl", GOLD);
    std::fs::create_dir(tmp.path().join("sub")).unwrap();
    let g = gold.to_str().unwrap();
    let other = tmp.path().join("sub/../gold.jsonl");
    #[allow(unused_mut)]
    let mut reports = vec![g.to_string(), other.display().to_string()];
    // A hard link is told by its device and inode, on Unix.
    #[cfg(unix)]
    {
        let link = tmp.path().join("link.jsonl");
        std::fs::hard_link(&gold, &link).unwrap();
        reports.push(link.display().to_string());
    }
    for report in reports.iter().map(String::as_str) {
        let out = claimgraph(&["eval", g, "--report", report]);
        assert_eq!(out.status.code(), Some(2), "{report}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("--report names the gold file"),
            "{}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty());
        assert_eq!(common::read(&gold), GOLD, "the gold is untouched");
    }
    // Another file is written.
    let report = tmp.path().join("report.json");
    let out = claimgraph(&["eval", g, "--report", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    common::parse_report(&std::fs::read(&report).unwrap());
}

/// `eval -` reads the gold from standard input, as the other commands read `-`, and scores
/// it as the same file.
#[test]
fn eval_reads_the_gold_from_standard_input() {
    let tmp = common::TempDir::new("eval");
    let gold = tmp.write("gold.jsonl", GOLD);
    for json in [false, true] {
        let mut args = vec!["eval", gold.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let from_file = claimgraph(&args);
        args[1] = "-";
        let from_stdin = common::claimgraph_with_stdin(&args, GOLD.as_bytes());
        assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
        assert_eq!(from_stdin.stdout, from_file.stdout);
        assert!(stderr(&from_stdin).contains("-:4: document id \"a\" again"));
    }
    let out = common::claimgraph_with_stdin(&["eval", "-"], b"{oops\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("-:1: "), "{}", stderr(&out));
}

#[test]
fn eval_help_has_its_exit_status() {
    let out = claimgraph(&["eval", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Exit status: 0 when"), "{help}");
    assert!(help.contains("standard input"), "{help}");
}

/// `eval - --report FILE < FILE`: the gold read from standard input is the file the report
/// would overwrite (it was overwritten, exit 0; reviewer).
#[test]
#[cfg(unix)]
fn eval_from_standard_input_refuses_a_report_over_the_file_it_reads() {
    let tmp = common::TempDir::new("eval");
    let gold = tmp.write("gold.jsonl", GOLD);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["eval", "-", "--report", gold.to_str().unwrap()])
        .stdin(std::fs::File::open(&gold).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--report names the gold file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(common::read(&gold), GOLD, "the gold is untouched");
}

/// `--report` naming a directory is refused before the gold is analyzed (it failed at the
/// end, at the rename).
#[test]
fn eval_report_into_a_directory_is_refused_first() {
    let tmp = common::TempDir::new("eval");
    let gold = tmp.write("gold.jsonl", "{oops\n");
    let out = claimgraph(&[
        "eval",
        gold.to_str().unwrap(),
        "--report",
        tmp.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // The report's failure is found before the gold's bad line is.
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}

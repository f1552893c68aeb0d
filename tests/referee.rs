//! Checks against the referee scorer (`../shared/tools/score_quotes.py`, needs python3):
//! `claimgraph eval` prints exactly what the referee prints for the same report, and the
//! PolNeAR dev scores stay above the foundation's bar. Ignored by default (they need
//! python3 and ../shared); `.ci/run` runs them with `--ignored`.

mod common;

use common::{claimgraph, root};
use std::path::Path;
use std::process::Command;

fn referee(shared: &Path, gold: &Path, report: &Path, extra: &[&str]) -> String {
    let out = Command::new("python3")
        .arg(shared.join("tools/score_quotes.py"))
        .arg(gold)
        .arg(report)
        .args(extra)
        .output()
        .expect("python3 runs the referee scorer");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `claimgraph eval` and the referee agree byte for byte, text and JSON, for these kinds.
fn agree(shared: &Path, gold: &Path, kinds: &[&str]) {
    let report = std::env::temp_dir().join(format!(
        "claimgraph-referee-{}-{}.json",
        std::process::id(),
        gold.file_stem().unwrap().to_string_lossy()
    ));
    let g = gold.to_str().unwrap();
    let r = report.to_str().unwrap();
    for json in [false, true] {
        let mut args = vec!["eval", g, "--report", r];
        args.extend_from_slice(kinds);
        let mut extra: Vec<&str> = kinds.to_vec();
        if json {
            args.push("--json");
            extra.push("--json");
        } else {
            args.extend(["--errors", "40"]);
            extra.extend(["--errors", "40"]);
        }
        let out = claimgraph(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ours = String::from_utf8(out.stdout).unwrap();
        let theirs = referee(shared, gold, &report, &extra);
        assert_eq!(
            ours, theirs,
            "claimgraph eval and score_quotes.py differ ({kinds:?}, json {json})"
        );
        if !json {
            println!("{}: {}", gold.display(), ours.lines().last().unwrap_or(""));
        }
    }
    std::fs::remove_file(&report).ok();
}

#[test]
#[ignore = "needs python3 and ../shared; run by .ci/run"]
fn eval_agrees_with_the_referee_on_polnear_dev() {
    let shared = common::shared().expect("../shared is needed");
    let gold = shared.join("datasets/polnear/dev.jsonl");
    agree(&shared, &gold, &[]);
    agree(
        &shared,
        &gold,
        &[
            "--gold-kinds",
            "direct,mixed,indirect",
            "--pred-kinds",
            "direct,partial,indirect",
        ],
    );
}

#[test]
#[ignore = "needs python3 and ../shared; run by .ci/run"]
fn eval_agrees_with_the_referee_on_the_corpus_gold() {
    let shared = common::shared().expect("../shared is needed");
    agree(&shared, &root().join("corpus/gold.jsonl"), &[]);
}

#[test]
#[ignore = "needs python3 and ../shared; run by .ci/run"]
fn polnear_dev_direct_quotes_meet_the_bar() {
    let shared = common::shared().expect("../shared is needed");
    let gold = shared.join("datasets/polnear/dev.jsonl");
    let out = claimgraph(&["eval", gold.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = v["overlap"]["f1"].as_f64().unwrap();
    let attribution = v["attribution_accuracy"].as_f64().unwrap();
    println!("PolNeAR dev, direct: quote overlap F1 {f1:.3}, attribution {attribution:.3}");
    assert!(f1 >= 0.90, "quote overlap F1 {f1:.3} < 0.90");
    assert!(
        attribution >= 0.90,
        "attribution accuracy {attribution:.3} < 0.90"
    );
}

/// Ratchets at this session's level, so a change that loses ground shows (issue #4: every
/// attribution, end to end; direct quotes no lower than before).
#[test]
#[ignore = "needs python3 and ../shared; run by .ci/run"]
fn polnear_dev_end_to_end_keeps_its_level() {
    let shared = common::shared().expect("../shared is needed");
    let gold = shared.join("datasets/polnear/dev.jsonl");
    let e2e = |extra: &[&str]| {
        let mut args = vec!["eval", gold.to_str().unwrap(), "--json"];
        args.extend_from_slice(extra);
        let out = claimgraph(&args);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["end_to_end"]["f1"].as_f64().unwrap()
    };
    let direct = e2e(&[]);
    let every = e2e(&[
        "--gold-kinds",
        "direct,mixed,indirect",
        "--pred-kinds",
        "direct,partial,indirect,mixed",
    ]);
    println!("PolNeAR dev end-to-end F1: direct {direct:.3}, every attribution {every:.3}");
    assert!(direct >= 0.900, "direct end-to-end F1 {direct:.3} < 0.900");
    assert!(
        every >= 0.583,
        "every-attribution end-to-end F1 {every:.3} < 0.583"
    );
}

#[test]
#[ignore = "needs python3 and ../shared; run by .ci/run"]
fn reference_article_passes_check_expected() {
    let shared = common::shared().expect("../shared is needed");
    let seed = shared.join("seed/kazakhstan-2022-01-06.txt");
    let report = std::env::temp_dir().join(format!("claimgraph-seed-{}.json", std::process::id()));
    let out = claimgraph(&[
        "analyze",
        seed.to_str().unwrap(),
        "-q",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let out = Command::new("python3")
        .arg(shared.join("tools/check_expected.py"))
        .arg(shared.join("seed/kazakhstan-2022-01-06.expected.json"))
        .arg(&report)
        .arg("--stretch")
        .output()
        .expect("python3 runs check_expected.py");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}");
    // Every claim and figure, required and stretch: kind, speaker, source kind, country,
    // relays; measure, group, interval, qualifier; and nothing reported that is not a figure.
    let failed: Vec<&str> = text.lines().filter(|l| l.starts_with("FAIL")).collect();
    assert!(
        failed.is_empty(),
        "failing check_expected.py:\n{}",
        failed.join("\n")
    );
    assert!(text.lines().filter(|l| l.starts_with("PASS claim")).count() >= 13);
    assert!(
        text.lines()
            .filter(|l| l.starts_with("PASS figure"))
            .count()
            >= 10
    );
    assert!(out.status.success(), "check_expected.py exits non-zero");
    std::fs::remove_file(&report).ok();
}

#[test]
#[ignore = "needs python3 and ../shared; run by .ci/run"]
fn corpus_articles_against_their_expected_files() {
    let shared = common::shared().expect("../shared is needed");
    let mut files: Vec<_> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    let (mut passed, mut listed, mut hard) = (0, 0, Vec::new());
    for expected in files {
        let name = expected
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expected.json", "");
        let article = format!("corpus/{name}.txt");
        let report =
            std::env::temp_dir().join(format!("claimgraph-{name}-{}.json", std::process::id()));
        let out = claimgraph(&["analyze", &article, "-q", "-o", report.to_str().unwrap()]);
        assert!(out.status.success());
        let out = Command::new("python3")
            .arg(shared.join("tools/check_expected.py"))
            .arg(&expected)
            .arg(&report)
            .output()
            .expect("python3 runs check_expected.py");
        let text = String::from_utf8_lossy(&out.stdout);
        let last = text.lines().last().unwrap_or("").to_string();
        println!("{name}: {last}");
        for l in text
            .lines()
            .filter(|l| l.starts_with("FAIL claim [required]"))
        {
            hard.push(format!("{name}: {l}"));
        }
        let nums: Vec<usize> = last
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        if let [p, f] = nums[..] {
            passed += p;
            listed += p + f;
        }
        std::fs::remove_file(&report).ok();
    }
    println!("corpus expected files: {passed} of {listed} checks pass");
    println!("required claims failing:\n{}", hard.join("\n"));
    // A ratchet: raise it as the stages learn more; never lower it.
    assert!(passed >= 89, "{passed} of {listed} checks pass");
}

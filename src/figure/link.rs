//! Figures of a run -> conflicts and updates between them.
//!
//! Articles recount earlier figures ("Sunday's 5,135"), so a figure's date is its document's
//! moved by the time words of its sentence nearest it ([`figure_date`]); figures said to be
//! past, withdrawn or a part of another are not linked.
//!
//! Figures are linked only within one *count*: the same event, measure, group and place. The
//! event of a document is the country its title and lead are about (names, capitals and
//! nationality words; `data/capitals.tsv`, `data/demonyms.tsv`), and documents further apart
//! than [`WINDOW_DAYS`] are not linked. A figure given for a named place ("12 killed in
//! Almaty") is a count of its own, apart from the country's. Within a count, sorted by date:
//! - two figures of the same date from different sources whose intervals cannot both hold are
//!   a **conflict** ("... same day");
//! - a figure on a later date whose interval lies above the last one is an **update** (the
//!   timeline of a count), dated from the first telling of the number it rises from; one that
//!   lies below it, on a cumulative count (killed, injured,
//!   arrested, ...) is a **conflict** ("falls ... with no retraction"). A figure told on its
//!   own day also rises from the last date told on its own day when only recounts lie between
//!   (the news as it came: 3,811 on the 7th -> 5,135 on the 9th, the 8th's 4,404 told later).
//!
//! Figures whose intervals overlap, from different sources the same day, **agree**. Counts are
//! found by hashing, and a statement repeated by many documents (same source, interval and
//! day) is linked once, by its first telling, so the work and the links grow with the number
//! of distinct statements, not with the copies.

use std::borrow::Cow;
use std::collections::HashMap;

/// Documents whose dates are further apart than this are different events.
pub const WINDOW_DAYS: i64 = 31;

/// What linking needs to know of one figure: its text fields borrowed from the report or the
/// analysis it is read from. (Owned, they took up to 8 allocations and as many frees a figure:
/// 0.5 M instructions and 58k mispredicts more of `analyze` on dev1, whose 352 figures are
/// linked twice, per document and merged; the keys of [`link`]'s counts borrow them too.)
#[derive(Debug, Clone)]
pub struct LinkFigure<'a> {
    /// The document it is in, and its sentence there.
    pub doc: Cow<'a, str>,
    pub sentence: usize,
    /// False for figures given as past ("earlier ... had reported") or withdrawn: not linked.
    pub linkable: bool,
    pub event: Option<Cow<'a, str>>,
    pub date: Option<Cow<'a, str>>,
    pub source: Option<Cow<'a, str>>,
    pub source_name: Option<Cow<'a, str>>,
    pub measure: &'static str,
    pub group: Option<Cow<'a, str>>,
    pub scope: Option<Cow<'a, str>>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub text: Cow<'a, str>,
    /// Given on an earlier day than its document's ("Sunday's 5,135" in Tuesday's article).
    pub recounted: bool,
}

/// A link between figures `a` (earlier) and `b`, by index, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub why: String,
}

const CUMULATIVE: &[&str] = &[
    "killed",
    "injured",
    "arrested",
    "hospitalized",
    "missing",
    "displaced",
];

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn days(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The date `YYYY-MM-DD` of a day number.
fn civil(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date a figure was given: its sentence's time words read against the document's date.
pub fn figure_date(doc_date: Option<&str>, when: Option<super::When>) -> Option<String> {
    use super::When;
    let doc = doc_date?;
    let day = days(doc)?;
    let date = match when {
        None | Some(When::Before) => day,
        Some(When::DaysBefore(n)) => day - i64::from(n),
        Some(When::Weekday(w)) => {
            // 1970-01-01 was a Thursday (3 with Monday = 0).
            let today = (day + 3).rem_euclid(7);
            day - (today - i64::from(w)).rem_euclid(7)
        }
        Some(When::Date(m, d)) => days(&format!("{}-{m:02}-{d:02}", &doc[..4]))?,
    };
    Some(civil(date))
}

/// Whether the two intervals cannot both hold.
fn disjoint(a: &LinkFigure, b: &LinkFigure) -> bool {
    below(a, b) || below(b, a)
}

/// Whether all of `a` lies below all of `b`.
fn below(a: &LinkFigure, b: &LinkFigure) -> bool {
    match (a.high, b.low) {
        (Some(h), Some(l)) => h < l,
        _ => false,
    }
}

fn said(f: &LinkFigure<'_>) -> String {
    format!(
        "{}: {}",
        f.source_name.as_deref().unwrap_or("unattributed"),
        f.text
    )
}

/// The links among the figures of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    pub conflicts: Vec<Link>,
    pub updates: Vec<Link>,
    /// Same count, same day, different sources, intervals that overlap.
    pub agreements: Vec<Link>,
}

/// The conflicts, updates and agreements among `figures`.
pub fn link(figures: &[LinkFigure]) -> Links {
    let mut counts: HashMap<(&str, &str, &str, &str), Vec<usize>> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        let Some(event) = f.event.as_deref() else {
            continue;
        };
        if f.measure == "other" || !f.linkable {
            continue;
        }
        // No group said: people, for detentions; other counts without a group are often a
        // part or a different scope of another ("Nineteen of the dead"): left unlinked.
        let group = match (f.group.as_deref(), f.measure) {
            // Reports count police and "security forces" as one body.
            (Some("police"), _) => "security forces",
            // A crowd of people and of protesters (marchers, demonstrators) is one crowd.
            (Some("protesters"), "participants") => "people",
            (Some(g), _) => g,
            (None, "arrested") => "people",
            (None, _) => continue,
        };
        let scope = f.scope.as_deref().unwrap_or_default();
        counts
            .entry((event, f.measure, group, scope))
            .or_default()
            .push(i);
    }
    let mut keys: Vec<_> = counts.keys().cloned().collect();
    keys.sort();
    let (mut conflicts, mut updates, mut agreements) = (Vec::new(), Vec::new(), Vec::new());
    for key in keys {
        let mut members = counts[&key].clone();
        let day = |i: usize| figures[i].date.as_deref().and_then(days);
        members.sort_by_key(|&i| (day(i), i));
        // One statement repeated (the same source, interval and day: an agency figure carried
        // by many outlets) is linked once, by its first telling: links stay linear in the
        // number of distinct statements, not quadratic in copies.
        // The telling of the day itself is preferred to a later article's recount of it.
        let statement = |i: usize| {
            let f = &figures[i];
            (
                day(i),
                f.source.as_deref(),
                f.low.map(f64::to_bits),
                f.high.map(f64::to_bits),
            )
        };
        let mut first: HashMap<_, usize> = HashMap::new();
        for &i in &members {
            let e = first.entry(statement(i)).or_insert(i);
            if figures[*e].recounted && !figures[i].recounted {
                *e = i;
            }
        }
        members.retain(|&i| first[&statement(i)] == i);
        // Same day, different sources.
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                if day(b) != day(a) {
                    break;
                }
                let (fa, fb) = (&figures[a], &figures[b]);
                let different =
                    fa.source.is_some() && fb.source.is_some() && fa.source != fb.source;
                // In one article, only figures given side by side are set against each other.
                let near = fa.doc != fb.doc || fa.sentence.abs_diff(fb.sentence) <= 2;
                if different && near && disjoint(fa, fb) {
                    conflicts.push(Link {
                        a,
                        b,
                        why: format!("{}; {}, same day", said(fa), said(fb)),
                    });
                } else if different && near {
                    agreements.push(Link {
                        a,
                        b,
                        why: format!(
                            "{}; {}, same day: the intervals overlap",
                            said(fa),
                            said(fb)
                        ),
                    });
                }
            }
        }
        // Across dates: a rise from the previous date is an update; a fall below any earlier
        // date of the window, on a cumulative count, is a conflict.
        let mut by_day: Vec<(i64, Vec<usize>)> = Vec::new();
        for &i in &members {
            let Some(d) = day(i) else { continue };
            match by_day.last_mut() {
                Some((last, list)) if *last == d => list.push(i),
                _ => by_day.push((d, vec![i])),
            }
        }
        // A number repeated on later days (by another outlet, another wording of the same
        // source) is the same figure: a rise is dated from its first telling.
        let interval = |i: usize| {
            (
                figures[i].low.map(f64::to_bits),
                figures[i].high.map(f64::to_bits),
            )
        };
        let mut first_told: HashMap<_, usize> = HashMap::new();
        for (_, list) in &by_day {
            for &i in list {
                let e = first_told.entry(interval(i)).or_insert(i);
                // The day's own telling rather than a later article's recount of it.
                if figures[*e].recounted && !figures[i].recounted && day(*e) == day(i) {
                    *e = i;
                }
            }
        }
        // The news as it came: the last earlier date on which the count was told that same
        // day. When the dates between hold only recounts (the 8th's 4,404 told on the 11th), a
        // figure told on its own day (the 9th's 5,135) also rises from that date's (the 7th's
        // 3,811): what a reader of the 9th had last been told.
        let mut last_told = None;
        let told_before: Vec<Option<usize>> = by_day
            .iter()
            .enumerate()
            .map(|(h, (_, list))| {
                let before = last_told;
                if list.iter().any(|&i| !figures[i].recounted) {
                    last_told = Some(h);
                }
                before
            })
            .collect();
        let mut linked = std::collections::HashSet::new();
        for g in 1..by_day.len() {
            let (today, ref later) = by_day[g];
            for h in (0..g).rev() {
                let (then, ref earlier) = by_day[h];
                if today - then > WINDOW_DAYS {
                    break;
                }
                for &b in later {
                    for &a in earlier {
                        let (fa, fb) = (&figures[a], &figures[b]);
                        let (da, db) = (
                            fa.date.as_deref().unwrap_or(""),
                            fb.date.as_deref().unwrap_or(""),
                        );
                        // Higher: all of it above, or a higher floor ("more than 200" -> 2,298).
                        let rises = below(fa, fb)
                            || (!below(fb, fa) && fa.low.zip(fb.low).is_some_and(|(x, y)| y > x));
                        // Both told on their own day, and not a number told on a day before.
                        let as_reported = told_before[g] == Some(h)
                            && !fa.recounted
                            && !fb.recounted
                            && first_told[&interval(a)] == a;
                        if rises && (h == g - 1 || as_reported) {
                            let first = first_told[&interval(a)];
                            let a = match day(first) {
                                Some(d) if today - d <= WINDOW_DAYS => first,
                                _ => a,
                            };
                            if linked.insert((a, b)) {
                                let fa = &figures[a];
                                let da = fa.date.as_deref().unwrap_or("");
                                updates.push(Link {
                                    a,
                                    b,
                                    why: format!("{} on {da} -> {} on {db}", said(fa), said(fb)),
                                });
                            }
                        } else if below(fb, fa) && CUMULATIVE.contains(&fa.measure) {
                            conflicts.push(Link {
                                a,
                                b,
                                why: format!(
                                    "{} on {da}; {} on {db}: a cumulative count that falls, with no retraction",
                                    said(fa),
                                    said(fb)
                                ),
                            });
                        }
                    }
                }
            }
        }
    }
    Links {
        conflicts,
        updates,
        agreements,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig<'a>(
        date: &'a str,
        source: &'a str,
        measure: &'static str,
        low: f64,
        high: Option<f64>,
    ) -> LinkFigure<'a> {
        LinkFigure {
            doc: date.into(),
            sentence: 0,
            linkable: true,
            event: Some("Kazakhstan".into()),
            date: Some(date.into()),
            source: Some(source.into()),
            source_name: Some(source.into()),
            measure,
            group: None,
            scope: None,
            low: Some(low),
            high,
            text: format!("{low}").into(),
            recounted: false,
        }
    }

    #[test]
    fn same_day_disagreement_is_a_conflict() {
        let f = [
            fig("2022-01-09", "s1", "arrested", 5135.0, Some(5135.0)),
            fig("2022-01-09", "s2", "arrested", 5220.0, Some(6381.0)),
        ];
        let Links {
            conflicts: c,
            updates: u,
            ..
        } = link(&f);
        assert_eq!((c.len(), u.len()), (1, 0));
        assert!(c[0].why.ends_with("same day"));
    }

    #[test]
    fn agreeing_figures_agree_and_same_source_ones_are_not_linked() {
        let f = [
            fig("2022-01-09", "s1", "arrested", 5000.0, None),
            fig("2022-01-09", "s2", "arrested", 5135.0, Some(5135.0)),
        ];
        let l = link(&f);
        assert!(l.conflicts.is_empty() && l.updates.is_empty());
        assert_eq!(
            l.agreements.len(),
            1,
            "overlapping figures of two sources agree"
        );
        let f = [
            fig("2022-01-09", "s1", "arrested", 10.0, Some(10.0)),
            fig("2022-01-09", "s1", "arrested", 20.0, Some(20.0)),
        ];
        assert_eq!(link(&f), Links::default());
    }

    #[test]
    fn a_rising_count_is_a_timeline_and_a_falling_one_a_conflict() {
        let f = [
            fig("2022-01-05", "s1", "arrested", 200.0, None),
            fig("2022-01-06", "s1", "arrested", 2298.0, Some(2298.0)),
            fig("2022-01-07", "s1", "arrested", 3811.0, Some(3811.0)),
        ];
        let Links {
            conflicts: c,
            updates: u,
            ..
        } = link(&f);
        assert!(c.is_empty());
        assert_eq!(
            u.iter().map(|l| (l.a, l.b)).collect::<Vec<_>>(),
            [(0, 1), (1, 2)]
        );
        let mut f = [
            fig("2022-01-06", "s1", "killed", 18.0, Some(18.0)),
            fig("2022-01-09", "s1", "killed", 16.0, Some(16.0)),
        ];
        // Without a group, a death count may be a part of another: not linked.
        assert_eq!(link(&f), Links::default());
        for x in &mut f {
            x.group = Some("security forces".into());
        }
        let c = link(&f).conflicts;
        assert_eq!(c.len(), 1);
        assert!(c[0].why.contains("falls"));
    }

    #[test]
    fn a_statement_repeated_by_many_documents_is_linked_once() {
        let one = [
            fig("2022-01-06", "s1", "arrested", 2298.0, Some(2298.0)),
            fig("2022-01-07", "s1", "arrested", 3811.0, Some(3811.0)),
            fig("2022-01-07", "s2", "arrested", 5000.0, Some(5000.0)),
        ];
        let single = link(&one);
        assert_eq!((single.updates.len(), single.conflicts.len()), (2, 1));
        // A thousand copies of each (a wire story carried by a thousand outlets).
        let many: Vec<LinkFigure> = (0..1000).flat_map(|_| one.iter().cloned()).collect();
        let repeated = link(&many);
        assert_eq!(
            (repeated.updates.len(), repeated.conflicts.len()),
            (2, 1),
            "links grow with distinct statements, not copies"
        );
        // The day's own telling is preferred to a later recount of it.
        let mut recount = one[1].clone();
        recount.recounted = true;
        let l = link(&[one[0].clone(), recount, one[1].clone()]);
        assert_eq!(l.updates.iter().map(|u| u.b).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn a_rise_is_dated_from_the_first_telling_of_the_number() {
        // 748 told on the 6th, told again by another outlet on the 7th, then 3,393 on the 15th:
        // the count rose from the 6th's telling.
        let mut f = [
            fig("2022-01-06", "s1", "injured", 748.0, Some(748.0)),
            fig("2022-01-07", "s2", "injured", 748.0, Some(748.0)),
            fig("2022-01-15", "s3", "injured", 3393.0, Some(3393.0)),
        ];
        for x in &mut f {
            x.group = Some("security forces".into());
        }
        let l = link(&f);
        assert_eq!(
            l.updates.iter().map(|u| (u.a, u.b)).collect::<Vec<_>>(),
            [(0, 2)]
        );
    }

    #[test]
    fn unrelated_events_places_and_distant_dates_are_not_linked() {
        let mut a = fig("2022-01-06", "s1", "arrested", 12.0, Some(12.0));
        let mut b = fig("2022-01-06", "s2", "arrested", 40.0, Some(40.0));
        b.event = Some("Belgium".into());
        assert_eq!(link(&[a.clone(), b.clone()]), Links::default());
        b.event = a.event.clone();
        a.scope = Some("Almaty".into());
        assert_eq!(link(&[a.clone(), b.clone()]), Links::default());
        a.scope = None;
        b.date = Some("2022-06-06".into());
        assert_eq!(link(&[a, b]), Links::default());
    }

    #[test]
    fn figure_dates_from_time_words() {
        use crate::figure::When;
        // 2022-01-11 was a Tuesday.
        let on = |when| figure_date(Some("2022-01-11"), Some(when));
        assert_eq!(on(When::Weekday(6)).as_deref(), Some("2022-01-09"));
        assert_eq!(on(When::Weekday(1)).as_deref(), Some("2022-01-11"));
        assert_eq!(on(When::Weekday(3)).as_deref(), Some("2022-01-06"));
        assert_eq!(on(When::Date(1, 10)).as_deref(), Some("2022-01-10"));
        let before = figure_date(Some("2022-03-01"), Some(When::DaysBefore(1)));
        assert_eq!(before.as_deref(), Some("2022-02-28"));
        assert_eq!(figure_date(None, None), None);
    }

    #[test]
    fn dates() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(
            days("2022-01-09")
                .zip(days("2022-01-06"))
                .map(|(a, b)| a - b),
            Some(3)
        );
        assert_eq!(
            days("2022-03-01")
                .zip(days("2022-02-28"))
                .map(|(a, b)| a - b),
            Some(1)
        );
    }

    #[test]
    fn a_rise_is_also_linked_as_it_was_reported() {
        // 3,811 told on the 7th; the 8th's 4,404 told only later (on the 11th); 5,135 told on
        // the 9th: the timeline runs 3,811 -> 4,404 -> 5,135, and the news as it came
        // 3,811 -> 5,135. A number repeated on the 7th (2,298, first told on the 6th) is not
        // that day's news.
        let mut f = [
            fig("2022-01-06", "s1", "arrested", 2298.0, Some(2298.0)),
            fig("2022-01-07", "s1", "arrested", 2298.0, Some(2298.0)),
            fig("2022-01-07", "s1", "arrested", 3811.0, Some(3811.0)),
            fig("2022-01-08", "s1", "arrested", 4404.0, Some(4404.0)),
            fig("2022-01-09", "s2", "arrested", 5135.0, Some(5135.0)),
        ];
        f[3].recounted = true;
        f[3].doc = "2022-01-11".into();
        let l = link(&f);
        let mut u: Vec<_> = l.updates.iter().map(|u| (u.a, u.b)).collect();
        u.sort();
        assert_eq!(u, [(0, 2), (0, 3), (2, 3), (2, 4), (3, 4)]);
        assert!(l.conflicts.is_empty());
        // When the 8th's figure was told on the 8th, the timeline alone.
        f[3].recounted = false;
        let mut u: Vec<_> = link(&f).updates.iter().map(|u| (u.a, u.b)).collect();
        u.sort();
        assert_eq!(u, [(0, 2), (0, 3), (2, 3), (3, 4)]);
    }

    #[test]
    fn a_crowd_of_people_and_of_protesters_is_one_count() {
        let mut f = [
            fig(
                "2023-01-19",
                "ministry",
                "participants",
                1_120_000.0,
                Some(1_120_000.0),
            ),
            fig("2023-01-19", "union", "participants", 2_000_000.0, None),
        ];
        f[0].group = Some("protesters".into());
        f[1].group = Some("people".into());
        f[1].sentence = 1;
        let c = link(&f).conflicts;
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].why.ends_with("same day"));
    }
}

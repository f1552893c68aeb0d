//! The progress display of a run: on stderr when it is a terminal and the run is not quiet,
//! never in a pipe or a file. It shows the time taken, the documents done, the input read and
//! the rate; when the inputs' size is known (files and directories, not standard input), a bar
//! and the time left. indicatif draws it: fitted to the terminal's width, redrawn at most 20
//! times a second, and cleared at the end.

use crate::input::BytesRead;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// Whether a run shows its progress: only on a terminal, and never when quiet.
pub fn enabled(is_tty: bool, quiet: bool) -> bool {
    is_tty && !quiet
}

/// A run's progress display, or none: then every method does nothing (but [`Progress::suspend`]
/// still runs what it is given).
#[derive(Default)]
pub struct Progress {
    shown: Option<Shown>,
}

struct Shown {
    bar: ProgressBar,
    documents: Arc<AtomicU64>,
    read: BytesRead,
}

impl Progress {
    /// No display.
    pub fn hidden() -> Progress {
        Progress::default()
    }

    /// The display of a run reading what `read` counts, on stderr when [`enabled`] (else
    /// hidden). `total` gives the inputs' size when it is known; it is asked only when the
    /// display is shown (it may walk directories).
    pub fn start(quiet: bool, read: &BytesRead, total: impl FnOnce() -> Option<u64>) -> Progress {
        if !enabled(std::io::stderr().is_terminal(), quiet) {
            return Progress::hidden();
        }
        let total = total();
        let documents = Arc::new(AtomicU64::new(0));
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        bar.set_style(style(total.is_some(), documents.clone()));
        // Time and rate move on while a batch is being analyzed.
        bar.enable_steady_tick(Duration::from_millis(250));
        *active() = Some(bar.clone());
        Progress {
            shown: Some(Shown {
                bar,
                documents,
                read: read.clone(),
            }),
        }
    }

    /// `n` more documents done, and the input read so far. Cheap: a redraw is due at most
    /// every 50 ms.
    pub fn documents(&self, n: usize) {
        if let Some(s) = &self.shown {
            s.documents.fetch_add(n as u64, Ordering::Relaxed);
            s.bar.set_position(s.read.get());
        }
    }

    /// Runs `f`, which writes to stderr, with the display out of its way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.shown {
            Some(s) => s.bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the display for good.
    pub fn finish(&mut self) {
        if let Some(s) = self.shown.take() {
            active().take();
            s.bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `{spinner} 00:00:12 [=====>    ] 41.2 MB/100.0 MB 3.4 MB/s 1234 documents, ETA 17s` (`ETA -`
/// until the first batch is read), or
/// without a total, `{spinner} 00:00:12 1234 documents, 41.2 MB read, 3.4 MB/s`.
fn style(with_total: bool, documents: Arc<AtomicU64>) -> ProgressStyle {
    let template = if with_total {
        "{spinner} {elapsed_precise} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} \
         {decimal_bytes_per_sec} {documents} documents, ETA {eta}"
    } else {
        "{spinner} {elapsed_precise} {documents} documents, {decimal_bytes} read, \
         {decimal_bytes_per_sec}"
    };
    ProgressStyle::with_template(template)
        .expect("the template is valid")
        .progress_chars("=> ")
        .with_key(
            "documents",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}", documents.load(Ordering::Relaxed));
            },
        )
        // Not known before the first batch is read: "-", not indicatif's "0s".
        .with_key(
            "eta",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = if state.pos() == 0 {
                    write!(w, "-")
                } else {
                    write!(w, "{:#}", indicatif::HumanDuration(state.eta()))
                };
            },
        )
}

/// The display shown, for [`clear`].
static ACTIVE: Mutex<Option<ProgressBar>> = Mutex::new(None);

fn active() -> MutexGuard<'static, Option<ProgressBar>> {
    ACTIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Clears the display shown, if any: when the run is interrupted.
pub fn clear() {
    if let Some(bar) = active().take() {
        bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_only_on_a_terminal_and_not_quiet() {
        assert!(enabled(true, false));
        assert!(!enabled(true, true));
        assert!(!enabled(false, false));
        assert!(!enabled(false, true));
    }

    #[test]
    fn a_hidden_display_does_nothing_but_run_what_it_suspends_for() {
        let mut p = Progress::hidden();
        p.documents(3);
        assert_eq!(p.suspend(|| 7), 7);
        p.finish();
        assert!(active().is_none());
    }

    /// A terminal 100 columns wide that keeps what is written to it.
    #[derive(Debug, Clone, Default)]
    struct Screen(Arc<Mutex<String>>);

    impl indicatif::TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.write_str(&format!("{s}\n"))
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// What the display shows with 12 documents done and 40 MB read (of 100 MB, if known).
    fn shown(total: Option<u64>) -> String {
        shown_at(total, 40_000_000)
    }

    /// What the display shows with 12 documents done and `read` bytes read.
    fn shown_at(total: Option<u64>, read: u64) -> String {
        let screen = Screen::default();
        let bar = ProgressBar::with_draw_target(
            total,
            ProgressDrawTarget::term_like(Box::new(screen.clone())),
        );
        bar.set_style(style(total.is_some(), Arc::new(AtomicU64::new(12))));
        bar.set_position(read);
        bar.tick();
        let text = screen.0.lock().unwrap().clone();
        text
    }

    #[test]
    fn the_display_shows_documents_bytes_and_rate() {
        let bar = shown(Some(100_000_000));
        for needle in ["12 documents", "40.00 MB/100.00 MB", "/s", "ETA", "[==="] {
            assert!(bar.contains(needle), "{needle:?} not in {bar:?}");
        }
        let spinner = shown(None);
        for needle in ["12 documents", "40.00 MB read", "/s"] {
            assert!(spinner.contains(needle), "{needle:?} not in {spinner:?}");
        }
        assert!(!spinner.contains("ETA"), "{spinner:?}");
    }

    /// Before the first batch is read (the display moves a batch at a time), the time left is
    /// not known: it said "ETA 0s" for seconds at the start of a long run.
    #[test]
    fn no_time_left_is_shown_before_anything_is_read() {
        let bar = shown_at(Some(100_000_000), 0);
        assert!(bar.contains("ETA -"), "{bar:?}");
        assert!(!bar.contains("ETA 0s"), "{bar:?}");
    }
}

//! `jianbao build` of several progress files at once: the months of a
//! folder, or one file per county. The speech, the style and the fonts are
//! loaded once; the briefings are built in parallel, one per core; a bad
//! file is reported and the others still build. Each briefing goes into a
//! folder of its own under `--out`, named after its progress file.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use super::Failure;
use super::build::{Options, Shared, build_one};

/// typst's cached results unused for this many builds are dropped.
const EVICT_AFTER_BUILDS: usize = 2;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The progress files named by `paths`: files as given, folders by their
/// `.yaml`/`.yml` files and workbooks in name order (a workbook beside a
/// YAML file of the same name is the same month converted: the YAML is taken).
pub(super) fn inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = super::files_in(path, crate::progress::is_month_file_name)?;
        let yaml_stems: Vec<_> = found
            .iter()
            .filter(|file| !crate::progress::is_workbook_name(file))
            .map(|file| file.file_stem().map(|s| s.to_os_string()))
            .collect();
        found.retain(|file| {
            !crate::progress::is_workbook_name(file)
                || !yaml_stems.contains(&file.file_stem().map(|s| s.to_os_string()))
        });
        if found.is_empty() {
            return Err(Diagnostic::error(format!(
                "文件夹 {} 里没有进展文件（.yaml 或 .xlsx 台账） (no progress files)",
                path.display()
            ))
            .with_help("把各单位或各月的进展文件放进这个文件夹，或直接给出文件路径"));
        }
        files.extend(found);
    }
    Ok(files)
}

/// Builds every file of `files`, in parallel; fails (exit 1) when any
/// failed, after the others were written.
pub(super) fn run(
    files: &[PathBuf],
    shared: &Shared,
    options: &Options<'_>,
) -> Result<(), Failure> {
    let started = Instant::now();
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let failures: Mutex<Vec<(usize, Diagnostics)>> = Mutex::new(Vec::new());
    let progress = Progress::new(files.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(index) else {
                        break;
                    };
                    let out = options.out.join(folder_name(path));
                    let result = build_one(path, &out, shared, options);
                    // typst memoises every layout it makes; briefings of
                    // other units share little, so a batch would otherwise
                    // hold them all (gigabytes for a hundred).
                    typst::comemo::evict(EVICT_AFTER_BUILDS);
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    let ok = result.is_ok();
                    progress.finished(finished, path, ok);
                    if let Err(diagnostics) = result
                        && let Ok(mut failures) = failures.lock()
                    {
                        failures.push((index, diagnostics));
                    }
                }
            });
        }
    });
    progress.clear();
    let mut failures = failures.into_inner().unwrap_or_default();
    failures.sort_by_key(|(index, _)| *index);
    let failed = failures.len();
    eprintln!(
        "共 {} 份，生成 {} 份，失败 {failed} 份，用时 {:.2} 秒。",
        files.len(),
        files.len() - failed,
        started.elapsed().as_secs_f64()
    );
    if failed == 0 {
        return Ok(());
    }
    let mut all = Diagnostics::default();
    for (_, diagnostics) in failures {
        for diagnostic in diagnostics.0 {
            all.push(diagnostic);
        }
    }
    Err(Failure::Batch {
        diagnostics: all,
        failed,
        total: files.len(),
    })
}

/// The output folder of one briefing: its progress file's name without
/// the extension (`2026-11`, `栖云县`).
fn folder_name(path: &Path) -> PathBuf {
    PathBuf::from(path.file_stem().unwrap_or(path.as_os_str()))
}

/// Progress on stderr: a bar redrawn in place on a terminal, one line per
/// finished file otherwise (logs, pipes).
struct Progress {
    total: usize,
    terminal: bool,
    /// Serialises the writes of the worker threads.
    lock: Mutex<()>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            terminal: std::io::stderr().is_terminal(),
            lock: Mutex::new(()),
        }
    }

    fn finished(&self, count: usize, path: &Path, ok: bool) {
        let _guard = self.lock.lock();
        let mark = if ok { "完成" } else { "失败" };
        if self.terminal {
            const WIDTH: usize = 30;
            let filled = WIDTH * count / self.total.max(1);
            eprint!(
                "\r[{}{}] {count}/{} {}：{mark}\u{1b}[K",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                self.total,
                path.display()
            );
        } else {
            eprintln!("[{count}/{}] {}：{mark}", self.total, path.display());
        }
    }

    /// Ends the bar's line on a terminal.
    fn clear(&self) {
        if self.terminal {
            eprintln!();
        }
    }
}

//! The fonts typst may use: the bundled open faces, and the official faces
//! (仿宋_GB2312, 方正小标宋, 黑体, 楷体, 宋体, Times New Roman) wherever the
//! machine or the user provides them.
//!
//! [`FontLibrary`] is built once per process and shared by every render.
//! Faces found on disk come first in its book, so when the same family is
//! both on disk and bundled, the disk face wins. System folders contribute
//! only the official families named in the default style, so a PDF never
//! depends on other fonts a machine happens to have.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::layout::Abs;
use typst::text::{
    Font, FontBook, FontStretch, FontStyle, FontVariant, FontVariations, FontWeight,
};
use typst::utils::LazyHash;

use super::sfnt;
use crate::diagnostic::Diagnostic;
use crate::style::{FACE_ROLES, Style};

/// `(file name, contents)` of files in the repository's `fonts/` folder.
macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        [$(($file, include_bytes!(concat!("../../../fonts/", $file)).as_slice())),*]
    };
}

/// The bundled font files: file name and contents, compiled into the binary
/// so that a copied executable works on its own.
const BUNDLED: [(&str, &[u8]); 10] = bundled![
    "FandolFang-Regular-subset.otf",
    "NotoSerifCJKsc-Regular-subset.otf",
    "NotoSerifCJKsc-Bold-subset.otf",
    "NotoSansCJKsc-Regular-subset.otf",
    "NotoSansCJKsc-Bold-subset.otf",
    "JianbaoKai-Regular-subset.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
];

/// File extensions of the font formats typst reads.
const FONT_EXTENSIONS: [&str; 4] = ["ttf", "otf", "ttc", "otc"];

/// How deep font folders are searched; deeper trees are unusual.
const MAX_FOLDER_DEPTH: usize = 8;

/// Where a loaded face comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontSource {
    /// Compiled into jianbao; the bundled file's name.
    Bundled(&'static str),
    /// Found in a system font folder.
    System(PathBuf),
    /// Found in a folder given with `--font-path`.
    FontPath(PathBuf),
}

impl fmt::Display for FontSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bundled(file) => write!(f, "内置 (bundled) {file}"),
            Self::System(path) => write!(f, "系统字体 (system) {}", path.display()),
            Self::FontPath(path) => write!(f, "--font-path {}", path.display()),
        }
    }
}

/// Which face a style role will be set in, for `jianbao fonts`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceReport {
    /// The style role: `body`, `title`, `hei`, `kai`, `song` or `ascii`.
    pub role: String,
    /// The families the style asks for, in order of preference.
    pub requested: Vec<String>,
    /// The first requested family that is loaded; `None` when none is.
    pub family: Option<String>,
    /// Where the face of that family (in the role's weight) comes from.
    pub source: Option<FontSource>,
}

/// Every face typst may use, with its metadata and origin.
pub struct FontLibrary {
    /// Metadata of every face, indexed like `fonts`; handed to typst.
    book: LazyHash<FontBook>,
    /// The faces, disk faces first so that they take precedence.
    fonts: Vec<Font>,
    /// Where each face of `fonts` comes from.
    sources: Vec<FontSource>,
}

impl fmt::Debug for FontLibrary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FontLibrary")
            .field("faces", &self.fonts.len())
            .finish_non_exhaustive()
    }
}

impl FontLibrary {
    /// Loads the bundled faces plus, taking precedence, the faces in the
    /// `font_paths` folders or files (all of them: the user chose them) and,
    /// when `use_system_fonts` is set, the official faces of the system font
    /// folders. Unreadable files are skipped.
    pub fn new(font_paths: &[PathBuf], use_system_fonts: bool) -> FontLibrary {
        let bundled = bundled_faces();
        let mut faces = Vec::new();
        for folder in font_paths {
            for path in font_files(folder) {
                faces.extend(faces_in_file(&path, |_| true, FontSource::FontPath));
            }
        }
        if use_system_fonts {
            let official = official_families(&bundled);
            let wanted = |family: &str| official.contains(&family.to_lowercase());
            for folder in system_font_folders() {
                for path in font_files(&folder) {
                    if might_hold(&path, &official) {
                        faces.extend(faces_in_file(&path, wanted, FontSource::System));
                    }
                }
            }
        }
        faces.extend(bundled);
        let book = FontBook::from_fonts(faces.iter().map(|(font, _)| font));
        let (fonts, sources) = faces.into_iter().unzip();
        FontLibrary {
            book: LazyHash::new(book),
            fonts,
            sources,
        }
    }

    /// A warning for each of the `font_paths` (given with `--font-path`)
    /// that gave no face typst can read.
    pub fn unused_font_paths(&self, font_paths: &[PathBuf]) -> Vec<Diagnostic> {
        font_paths
            .iter()
            .filter(|folder| {
                !self
                    .sources
                    .iter()
                    .any(|source| matches!(source, FontSource::FontPath(path) if path.starts_with(folder)))
            })
            .map(|folder| {
                Diagnostic::warning(format!(
                    "--font-path {} 中没有可用的字体，PDF 用内置字体 (no usable fonts)",
                    folder.display()
                ))
                .with_help("字体文件应为 .ttf、.otf、.ttc 或 .otc；请检查文件夹是否选对")
            })
            .collect()
    }

    /// A warning for each role of `style` for which none of its families is
    /// loaded: its text falls back, character by character, to other faces.
    pub fn missing_faces(&self, style: &Style) -> Vec<Diagnostic> {
        self.report(style)
            .into_iter()
            .filter(|report| report.family.is_none())
            .map(|report| {
                Diagnostic::warning(format!(
                    "版式 face.{} 中的字体 {} 一个也没有找到，PDF 中这部分用其他字体代替 (font not found)",
                    report.role,
                    report.requested.join("、")
                ))
                .with_help(
                    "用 --font-path 指定字体所在文件夹；或在 pdf 列表末尾保留内置字体，如 \"Noto Serif CJK SC\"",
                )
            })
            .collect()
    }

    /// Per role of the style: the family that will be used and where its
    /// face comes from.
    pub fn report(&self, style: &Style) -> Vec<FaceReport> {
        FACE_ROLES
            .iter()
            .map(|role| {
                let face = style.face(role);
                let variant = variant_of(&face.pdf_weight);
                let found = face.pdf.iter().find_map(|family| {
                    let index = self.book.select(&family.to_lowercase(), variant)?;
                    Some((family.clone(), self.sources.get(index)?.clone()))
                });
                FaceReport {
                    role: (*role).to_string(),
                    requested: face.pdf.clone(),
                    family: found.as_ref().map(|(family, _)| family.clone()),
                    source: found.map(|(_, source)| source),
                }
            })
            .collect()
    }

    /// Metadata of every face, for typst.
    pub(super) fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// The face at `index` of the book.
    pub(super) fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    /// Width in points of `text` set at `size` points in the first of
    /// `families` that is loaded (regular weight), without kerning; `None`
    /// when no family is loaded. Characters the face lacks count as half an em.
    pub(super) fn text_width(&self, families: &[String], text: &str, size: f64) -> Option<f64> {
        let index = families.iter().find_map(|family| {
            self.book
                .select(&family.to_lowercase(), FontVariant::default())
        })?;
        let font = self.fonts.get(index)?;
        let instance = font.clone().instantiate(
            FontVariant::default(),
            Abs::pt(size),
            &FontVariations::default(),
        );
        let ems: f64 = text
            .chars()
            .map(|c| {
                instance
                    .ttf()
                    .glyph_index(c)
                    .and_then(|glyph| instance.x_advance(glyph.0))
                    .map_or(0.5, |em| em.get())
            })
            .sum();
        Some(ems * size)
    }

    /// Whether any loaded face has a glyph for `c`.
    pub(super) fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(u32::from(c)))
    }
}

/// Refuses `--font-path` entries that do not exist.
pub fn check_font_paths(font_paths: &[PathBuf]) -> Result<(), Diagnostic> {
    match font_paths.iter().find(|path| !path.exists()) {
        Some(path) => Err(Diagnostic::error(format!(
            "--font-path {}：找不到这个文件夹 (font folder not found)",
            path.display()
        ))
        .with_help(
            "请检查路径是否正确；给出放有 .ttf、.otf 字体文件的文件夹，例如 C:\\Windows\\Fonts",
        )),
        None => Ok(()),
    }
}

/// The faces compiled into jianbao.
fn bundled_faces() -> Vec<(Font, FontSource)> {
    BUNDLED
        .iter()
        .flat_map(|&(name, data)| {
            Font::iter(Bytes::new(data)).map(move |font| (font, FontSource::Bundled(name)))
        })
        .collect()
}

/// The faces of the font file at `path` whose family passes `wanted`;
/// none when the file cannot be read.
fn faces_in_file(
    path: &Path,
    wanted: impl Fn(&str) -> bool,
    source: fn(PathBuf) -> FontSource,
) -> Vec<(Font, FontSource)> {
    let Ok(data) = std::fs::read(path) else {
        return Vec::new();
    };
    Font::iter(Bytes::new(data))
        .filter(|font| wanted(&font.info().family))
        .map(|font| (font, source(path.to_path_buf())))
        .collect()
}

/// The typst variant of a style weight (`regular` or `bold`).
fn variant_of(weight: &str) -> FontVariant {
    let weight = if weight.eq_ignore_ascii_case("bold") {
        FontWeight::BOLD
    } else {
        FontWeight::REGULAR
    };
    FontVariant::new(FontStyle::Normal, weight, FontStretch::NORMAL)
}

/// Lowercased official family names worth looking for in system folders:
/// every family of the default style's PDF lists that jianbao does not bundle.
fn official_families(bundled: &[(Font, FontSource)]) -> BTreeSet<String> {
    let bundled: BTreeSet<String> = bundled
        .iter()
        .map(|(font, _)| font.info().family.to_lowercase())
        .collect();
    Style::default_style()
        .face
        .values()
        .flat_map(|face| face.pdf.iter())
        .map(|family| family.to_lowercase())
        .filter(|family| !bundled.contains(family))
        .collect()
}

/// Whether the file at `path` may hold one of the `official` families,
/// judged from its name table alone (typst's own family name is checked
/// once the file is loaded).
fn might_hold(path: &Path, official: &BTreeSet<String>) -> bool {
    let Ok(names) = sfnt::family_names(path) else {
        return false;
    };
    names.iter().any(|name| {
        let name = name.to_lowercase();
        official
            .iter()
            .any(|family| name.starts_with(family.as_str()))
    })
}

/// The folders where Windows, Linux and macOS keep fonts, for the system
/// and for the current user. Missing folders are harmless.
fn system_font_folders() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(windows) = std::env::var_os("WINDIR") {
        folders.push(PathBuf::from(windows).join("Fonts"));
    }
    if let Some(local) = std::env::var_os("LOCALAPPDATA") {
        folders.push(
            PathBuf::from(local)
                .join("Microsoft")
                .join("Windows")
                .join("Fonts"),
        );
    }
    folders.extend(
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            "/Library/Fonts",
            "/System/Library/Fonts",
        ]
        .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")) {
        let home = PathBuf::from(home);
        folders.push(home.join(".fonts"));
        folders.push(home.join(".local").join("share").join("fonts"));
        folders.push(home.join("Library").join("Fonts"));
    }
    folders
}

/// Font files under `folder` (or `folder` itself when it is a font file),
/// sorted so the result never depends on the order the file system lists
/// them in. Symbolic links to folders are not followed (they may loop).
fn font_files(folder: &Path) -> Vec<PathBuf> {
    if folder.is_file() {
        return vec![folder.to_path_buf()];
    }
    let mut files = Vec::new();
    collect_font_files(folder, MAX_FOLDER_DEPTH, &mut files);
    files.sort();
    files
}

/// Adds the font files under `folder` to `files`, down to `depth` levels.
fn collect_font_files(folder: &Path, depth: usize, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth > 0 {
                collect_font_files(&path, depth - 1, files);
            }
        } else if has_font_extension(&path) && path.is_file() {
            files.push(path);
        }
    }
}

/// Whether the file name ends in a font extension typst reads.
fn has_font_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            FONT_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

//! The typst [`World`] of one render: the library with the briefing as
//! `sys.inputs`, the shared fonts, the template and the files beside it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontLibrary;
use super::template::MainTemplate;
use crate::source::SourceFile;

/// Source files read so far, as typst and as our diagnostics see them.
type Sources = HashMap<FileId, (Source, Arc<SourceFile>)>;

/// The template files parsed so far in this process, by id: a batch parses
/// each template file once, whatever the number of briefings.
static PARSED: LazyLock<Mutex<HashMap<FileId, Source>>> = LazyLock::new(Mutex::default);

/// `text` parsed as the file `id`; the parse of an earlier render when the
/// text is the same.
fn parsed(id: FileId, text: &str) -> Source {
    let mut parsed = PARSED.lock().unwrap_or_else(PoisonError::into_inner);
    match parsed.get(&id) {
        Some(source) if source.text() == text => source.clone(),
        _ => {
            let source = Source::new(id, text.to_string());
            parsed.insert(id, source.clone());
            source
        }
    }
}

/// Everything typst may see while compiling one briefing.
pub(super) struct BriefingWorld<'a> {
    /// The standard library, with the briefing and the style as `sys.inputs`.
    library: LazyHash<Library>,
    /// The fonts, loaded once per process.
    fonts: &'a FontLibrary,
    /// The id of the main template.
    main: FileId,
    /// The folder (canonical) the template may read from; `None` for a
    /// built-in template, which reads no files.
    root: Option<PathBuf>,
    /// Every source file read so far; the main template is there from the start.
    sources: Mutex<Sources>,
    /// The briefing's date: what `datetime.today()` returns.
    today: Datetime,
}

impl<'a> BriefingWorld<'a> {
    /// A world compiling `template` with `inputs` as `sys.inputs`.
    pub(super) fn new(
        template: MainTemplate,
        inputs: Dict,
        fonts: &'a FontLibrary,
        today: Datetime,
    ) -> Self {
        let main = RootedPath::new(VirtualRoot::Project, template.vpath).intern();
        let source = parsed(main, &template.file.text);
        let mut sources = HashMap::from([(main, (source, template.file))]);
        for (vpath, file) in template.companions {
            let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
            sources.insert(id, (parsed(id, &file.text), file));
        }
        Self {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts,
            main,
            root: template.root,
            sources: Mutex::new(sources),
            today,
        }
    }

    /// The source file behind `id` as our diagnostics show it, if it was read.
    pub(super) fn source_file(&self, id: FileId) -> Option<Arc<SourceFile>> {
        self.lock_sources()
            .get(&id)
            .map(|(_, file)| Arc::clone(file))
    }

    /// The cache of sources; a panic elsewhere cannot leave it inconsistent.
    fn lock_sources(&self) -> MutexGuard<'_, Sources> {
        self.sources.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The path on disk of `id`, refusing anything outside the root.
    fn resolve(&self, id: FileId) -> FileResult<PathBuf> {
        let vpath = id.vpath();
        let Some(root) = &self.root else {
            return Err(FileError::NotFound(PathBuf::from(
                vpath.get_without_slash(),
            )));
        };
        if let VirtualRoot::Package(_) = id.root() {
            return Err(FileError::Other(Some(
                "jianbao 不使用 typst 包 (packages are not available)".into(),
            )));
        }
        let path = vpath.realize(root).map_err(FileError::Realize)?;
        let real = path
            .canonicalize()
            .map_err(|err| FileError::from_io(err, &path))?;
        if !real.starts_with(root) {
            return Err(FileError::AccessDenied);
        }
        if real.is_dir() {
            return Err(FileError::IsDirectory);
        }
        Ok(real)
    }

    /// The path and bytes of the file behind `id`.
    fn read(&self, id: FileId) -> FileResult<(PathBuf, Vec<u8>)> {
        let path = self.resolve(id)?;
        let bytes = std::fs::read(&path).map_err(|err| FileError::from_io(err, &path))?;
        Ok((path, bytes))
    }
}

impl World for BriefingWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if let Some((source, _)) = self.lock_sources().get(&id) {
            return Ok(source.clone());
        }
        let (path, bytes) = self.read(id)?;
        let file = SourceFile::decode(&path, &bytes).map_err(|_| FileError::InvalidUtf8)?;
        let source = parsed(id, &file.text);
        self.lock_sources().insert(id, (source.clone(), file));
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some((source, _)) = self.lock_sources().get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.read(id).map(|(_, bytes)| Bytes::new(bytes))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

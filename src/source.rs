//! Input files and positions inside them.

use std::ops::Range;
use std::sync::Arc;

/// A byte range into a file's text.
pub type Span = Range<usize>;

/// A 1-based line and column (the column counts characters, as rustc does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (not bytes).
    pub column: usize,
}

impl Default for Position {
    fn default() -> Self {
        Position { line: 1, column: 1 }
    }
}

/// A position in a named file, shown as `path:line:column`: the form compilers print
/// and editors and terminals open.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// The file, as reports name it.
    pub path: &'a str,
    /// The line and column in it.
    pub position: Position,
}

impl<'a> Place<'a> {
    /// The place at `position` in the file `path`.
    pub fn new(path: &'a str, position: Position) -> Place<'a> {
        Place { path, position }
    }
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "{}:{}:{}",
            self.path, self.position.line, self.position.column
        )
    }
}

/// The text of one input and the start of each of its lines.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or as found while walking a folder); shared by
    /// every location in the file.
    pub path: Arc<str>,
    /// The text; input that is not UTF-8 is kept here lossily, for display only.
    pub text: String,
    line_starts: Vec<usize>,
    /// Per line: whether it is plain ASCII, where a column is just a byte offset.
    ascii_lines: Vec<bool>,
}

impl SourceFile {
    /// Indexes the lines of `text`; `path` is how reports will name the file.
    pub fn new(path: impl Into<Arc<str>>, text: String) -> Self {
        // Every file is indexed, so this runs over every byte of an organisation:
        // memchr and the word-at-a-time ASCII test keep it far from a byte loop.
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1));
        let ascii_lines = if bytes.is_ascii() {
            vec![true; line_starts.len()]
        } else {
            let ends = line_starts.iter().skip(1).map(|&next| next - 1).chain([bytes.len()]);
            line_starts
                .iter()
                .zip(ends)
                .map(|(&start, end)| bytes[start..end].is_ascii())
                .collect()
        };
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            ascii_lines,
        }
    }

    /// The line and column of a byte offset; offsets past the end clamp to it.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line_index = self.line_index(offset);
        let line_start = self.line_starts[line_index];
        let before = &self.text[line_start..offset];
        // Counting characters is linear in the line; a minified file is one long line.
        let column = if self.ascii_lines[line_index] {
            before.len()
        } else {
            before.chars().count()
        } + 1;
        Position {
            line: line_index + 1,
            column,
        }
    }

    /// The index of the line that holds a byte offset.
    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(index) => index,
            Err(index) => index - 1,
        }
    }

    /// The byte range of the whole lines that contain `span`, without the final newline.
    /// Found through the line index, so a finding on a minified one-line file costs
    /// no scan of its line.
    pub fn lines_around(&self, span: &Span) -> Span {
        let span = self.clamp(span);
        let (start, end) = (span.start, span.end);
        let line_start = self.line_starts[self.line_index(start)];
        // A span that ends right after a newline belongs to the line before it.
        let last = if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\n') {
            end - 1
        } else {
            end
        };
        let line_end = match self.line_starts.get(self.line_index(last) + 1) {
            Some(&next) => next - 1,
            None => self.text.len(),
        };
        line_start..line_end.max(line_start)
    }
}

impl SourceFile {
    /// The span moved inside the text and onto character boundaries.
    pub fn clamp(&self, span: &Span) -> Span {
        let start = floor_char_boundary(&self.text, span.start.min(self.text.len()));
        let mut end = span.end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A control character a terminal would act on rather than show (not a newline or a tab).
pub fn is_hidden_control(character: char) -> bool {
    character.is_control() && character != '\n' && character != '\t'
}

/// The Unicode control picture of a hidden control character (`␛` for ESC, `␀` for
/// NUL), else the character itself.
pub fn visible(character: char) -> char {
    match character as u32 {
        code @ 0..=0x1f if is_hidden_control(character) => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ if is_hidden_control(character) => '\u{fffd}',
        _ => character,
    }
}

/// A path as CI systems want it: relative to `root` (the repository root in CI) when
/// it lies below it, with forward slashes on Windows and no leading `./`.
pub fn repository_path(path: &str, root: &std::path::Path) -> String {
    let mut shown = path.to_string();
    let absolute = if std::path::Path::new(path).is_absolute() {
        Some(std::path::PathBuf::from(path))
    } else {
        None
    };
    if let Some(absolute) = absolute
        && let Ok(relative) = absolute.strip_prefix(root)
    {
        shown = relative.to_string_lossy().into_owned();
    }
    // A backslash is a separator only on Windows; elsewhere it is part of a name.
    if cfg!(windows) {
        shown = shown.replace('\\', "/");
    }
    shown.trim_start_matches("./").to_string()
}

/// Whether a path lies outside `root`, so that CI formats must name it absolutely.
pub fn is_outside(path: &str, root: &std::path::Path) -> bool {
    std::path::Path::new(path).is_absolute() && !std::path::Path::new(path).starts_with(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let file = SourceFile::new("t", "ab\ncé d\n".to_string());
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(3), Position { line: 2, column: 1 });
        // `d` sits after a two-byte character.
        assert_eq!(file.position(7), Position { line: 2, column: 4 });
        assert_eq!(file.position(100), Position { line: 3, column: 1 });
    }

    #[test]
    fn lines_around_a_span() {
        let file = SourceFile::new("t", "one\ntwo\nthree".to_string());
        assert_eq!(&file.text[file.lines_around(&(5..6))], "two");
        assert_eq!(&file.text[file.lines_around(&(9..11))], "three");
    }
}

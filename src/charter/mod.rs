//! Charters: the model, and loading it from TOML or JSON with exact positions.

mod decode;
mod error;
mod model;
pub mod tree;

pub use decode::{MAX_DUTIES, MAX_HOLDERS, MAX_ROLES, did_you_mean};
pub use error::{InputError, LoadFailure};
pub use model::*;
pub use tree::InputFormat;

use crate::source::SourceFile;

/// Files larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// A charter together with the file it came from.
#[derive(Debug, Clone)]
pub struct LoadedCharter {
    /// The file's path and text, which findings locate themselves in.
    pub source: SourceFile,
    /// The format the file was decoded from.
    pub format: InputFormat,
    /// The decoded charter.
    pub charter: Charter,
}

/// Reads and decodes a charter file, choosing the format by extension. `display` is
/// how reports name the file (the path itself may not be UTF-8).
/// `rules` are the rule names its `[lint]` table may name.
pub fn load_path(
    path: &std::path::Path,
    display: &str,
    max_file_size: u64,
    rules: &[&str],
) -> Result<LoadedCharter, Box<LoadFailure>> {
    let format = match format_of(
        display,
        "charters end in `.toml` or `.json` (for example `team.charter.toml`)",
    ) {
        Ok(format) => Some(format),
        // A pipe or device has no extension to go by (`check <(cat team.charter.toml)`):
        // its first character tells.
        Err(_) if std::fs::metadata(path).is_ok_and(|metadata| !metadata.is_file() && !metadata.is_dir()) => None,
        Err(failure) => return Err(failure),
    };
    let bytes = read_file_limited(path, display, max_file_size)?;
    let format = format.unwrap_or_else(|| InputFormat::sniff(&bytes));
    load_bytes(display, bytes, format, rules)
}

fn format_of(path: &str, help: &str) -> Result<InputFormat, Box<LoadFailure>> {
    InputFormat::from_path(path).ok_or_else(|| {
        unreadable(
            path,
            format!("cannot tell the format of `{path}`"),
            Some(help.to_string()),
        )
    })
}

/// Reads a file, refusing one over the size limit before reading it whole. Errors
/// name the path as it displays (lossily, when it is not UTF-8).
pub fn read_limited(path: &std::path::Path, max_file_size: u64) -> Result<Vec<u8>, Box<LoadFailure>> {
    read_file_limited(path, &path.to_string_lossy(), max_file_size)
}

fn read_file_limited(path: &std::path::Path, display: &str, max_file_size: u64) -> Result<Vec<u8>, Box<LoadFailure>> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|error| read_error(display, &error))?;
    // Sized from the file's length, the whole file arrives in one read and the end in
    // a second, where growing from empty takes several (a pipe or device says 0).
    let expected = file.metadata().map_or(0, |metadata| metadata.len()).min(max_file_size);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0).saturating_add(1));
    file.take(max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| read_error(display, &error))?;
    if bytes.len() as u64 > max_file_size {
        return Err(too_large(display, max_file_size));
    }
    Ok(bytes)
}

/// The failure for a file over `max_file_size` bytes, with a hint to raise
/// `--max-file-size`.
pub fn too_large(path: &str, max_file_size: u64) -> Box<LoadFailure> {
    unreadable(
        path,
        format!("`{path}` is larger than the limit of {max_file_size} bytes"),
        Some(
            "a team charter is a few kilobytes; raise the limit with `--max-file-size` if this file is really one"
                .to_string(),
        ),
    )
}

fn read_error(path: &str, error: &std::io::Error) -> Box<LoadFailure> {
    let reason = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    };
    unreadable(path, format!("cannot read `{path}`: {reason}"), None)
}

fn unreadable(path: &str, message: String, help: Option<String>) -> Box<LoadFailure> {
    Box::new(LoadFailure {
        source: SourceFile::new(path, String::new()),
        errors: vec![InputError::unlocated(message, help)],
    })
}

/// Turns bytes into text, or a located error at the first byte that is not UTF-8.
fn text_of(path: &str, bytes: Vec<u8>) -> Result<String, Box<LoadFailure>> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            // The lossy text has the same bytes up to the first invalid one.
            Err(Box::new(LoadFailure {
                source: SourceFile::new(path, text),
                errors: vec![InputError {
                    span: Some(offset..offset + 1),
                    message: "the file is not valid UTF-8".to_string(),
                    label: "this byte is not UTF-8".to_string(),
                    help: Some("save the charter as UTF-8".to_string()),
                    related: None,
                }],
            }))
        }
    }
}

/// The text of an input, refusing text that is not UTF-8 and files with nothing in them.
fn source_of(path: &str, mut bytes: Vec<u8>) -> Result<SourceFile, Box<LoadFailure>> {
    // A byte order mark is no part of the text: editors hide it, so columns on the
    // first line are counted without it, and JSON has no place for it.
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    let source = SourceFile::new(path, text_of(path, bytes)?);
    if source.text.trim().is_empty() {
        let error = InputError {
            span: Some(0..0),
            message: "the charter file is empty".to_string(),
            label: "expected a charter".to_string(),
            help: Some("`charterlint init` writes a starter charter to fill in".to_string()),
            related: None,
        };
        return Err(Box::new(LoadFailure {
            source,
            errors: vec![error],
        }));
    }
    Ok(source)
}

impl From<tree::SyntaxError> for InputError {
    fn from(error: tree::SyntaxError) -> Self {
        InputError {
            span: Some(error.span),
            message: error.message,
            label: error.label,
            help: error.help,
            related: error.related,
        }
    }
}

/// Parses and decodes one input with `decode`, keeping the source for reports.
fn decode_with<T>(
    path: &str,
    bytes: Vec<u8>,
    format: InputFormat,
    rules: &[&str],
    decode: impl FnOnce(&mut decode::Decoder<'_>, &mut tree::Node<'_>) -> Option<T>,
) -> Result<(SourceFile, T), Box<LoadFailure>> {
    let source = source_of(path, bytes)?;
    // The tree borrows from the text, so it lives only inside this match.
    let outcome = match tree::parse(&source.text, format) {
        Ok(mut root) => {
            let mut decoder = decode::Decoder::new(&source.text, format, rules);
            decode(&mut decoder, &mut root).ok_or_else(|| decoder.into_sorted_errors())
        }
        Err(error) => Err(vec![InputError::from(*error)]),
    };
    match outcome {
        Ok(value) => Ok((source, value)),
        Err(errors) => Err(Box::new(LoadFailure { source, errors })),
    }
}

/// Decodes a charter from bytes already read; `rules` are the rule names its `[lint]`
/// table may name.
pub fn load_bytes(
    path: &str,
    bytes: Vec<u8>,
    format: InputFormat,
    rules: &[&str],
) -> Result<LoadedCharter, Box<LoadFailure>> {
    let (source, charter) = decode_with(path, bytes, format, rules, |decoder, root| decoder.charter(root))?;
    Ok(LoadedCharter {
        source,
        format,
        charter,
    })
}

/// Loads an org-wide policy file: a `[lint]` table like a charter's.
pub fn load_policy(
    path: &std::path::Path,
    max_file_size: u64,
    rules: &[&str],
) -> Result<(SourceFile, LintConfig), Box<LoadFailure>> {
    let shown = path.to_string_lossy();
    let format = format_of(&shown, "policy files end in `.toml` or `.json`")?;
    let bytes = read_limited(path, max_file_size)?;
    decode_with(&shown, bytes, format, rules, |decoder, root| decoder.policy(root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_errors_kept_are_the_first_fifty_in_file_order() {
        // Unknown top-level keys are reported once the table is read, after the roles
        // below them: the cap must still keep them, because they come first in the file.
        let unknown: Vec<String> = (0..30).map(|index| format!("\"a{index}\": 1")).collect();
        let roles: Vec<String> = (0..30)
            .map(|index| format!("{{\"id\": \"r{index}\", \"title\": \"T\", \"holders\": [\"Sam\"], \"zz\": 1}}"))
            .collect();
        let text = format!(
            "{{{}, \"version\": 1, \"team\": {{\"name\": \"T\"}}, \"roles\": [{}]}}",
            unknown.join(", "),
            roles.join(", ")
        );
        let failure = load_bytes("many.json", text.into_bytes(), InputFormat::Json, &[]).expect_err("refused");
        let messages: Vec<&str> = failure.errors.iter().map(|error| error.message.as_str()).collect();
        assert_eq!(messages.len(), 50);
        assert_eq!(messages[0], "unknown key `a0` in the charter");
        assert_eq!(messages[29], "unknown key `a29` in the charter");
        assert_eq!(messages[49], "unknown key `zz` in `roles[19]`");
    }
}

//! Input errors: what was wrong, where, and how to fix it.

use crate::source::{Position, SourceFile, Span};

/// One problem with an input file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct InputError {
    /// Where the problem is; `None` when the file could not be read at all.
    pub span: Option<Span>,
    /// What is wrong: the headline of the error.
    pub message: String,
    /// A short note under the caret.
    pub label: String,
    /// How to fix it, when there is advice to give.
    pub help: Option<String>,
    /// A second place worth showing, such as the first of two duplicates.
    pub related: Option<(Span, String)>,
}

impl InputError {
    /// An error about the whole file, with nowhere to point (one that could not be
    /// read, say).
    pub fn unlocated(message: String, help: Option<String>) -> Self {
        InputError {
            span: None,
            message,
            label: String::new(),
            help,
            related: None,
        }
    }
}

/// A file that could not be loaded, with every error found in it.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    /// The file: its path, and its text as far as it was read (empty when it could not
    /// be read at all).
    pub source: SourceFile,
    /// Every error found in the file, in file order.
    pub errors: Vec<InputError>,
}

impl LoadFailure {
    /// `path:line:column: message` for each error, for logs and plain output.
    pub fn located_messages(&self) -> Vec<(Option<Position>, &InputError)> {
        self.errors
            .iter()
            .map(|error| (error.span.as_ref().map(|span| self.source.position(span.start)), error))
            .collect()
    }
}

//! One positioned tree for both input formats.
//!
//! TOML and JSON are parsed into the same [`Node`] tree, so the decoder, its error
//! messages and every position it records are identical for the two formats.

use std::borrow::Cow;

use crate::source::Span;

/// Deeper nesting than this is refused: a charter needs four levels at most, and
/// refusing early keeps a hostile file from exhausting the stack.
pub const MAX_NESTING_DEPTH: usize = 64;

/// The two formats a charter can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// TOML, as in `*.charter.toml`.
    Toml,
    /// JSON, as in `*.charter.json`.
    Json,
}

impl InputFormat {
    /// The format of text that names none: JSON when it starts with `{`, else TOML.
    pub fn sniff(bytes: &[u8]) -> InputFormat {
        let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'{') => InputFormat::Json,
            _ => InputFormat::Toml,
        }
    }

    /// The format a path's extension selects, if any.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let extension = std::path::Path::new(path).extension()?.to_str()?;
        if extension.eq_ignore_ascii_case("toml") {
            Some(InputFormat::Toml)
        } else if extension.eq_ignore_ascii_case("json") {
            Some(InputFormat::Json)
        } else {
            None
        }
    }

    /// The format's name as messages write it: `TOML` or `JSON`.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Toml => "TOML",
            InputFormat::Json => "JSON",
        }
    }
}

/// A value and where it is. Strings borrow from the input wherever the parser could.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Where the value stands in the text, as a byte range; `0..0` for the root table
    /// of TOML.
    pub span: Span,
    /// The value, with its children.
    pub value: Value<'a>,
}

/// A value of either format, in the terms the decoder needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// A TOML table or a JSON object: its entries in file order.
    Table(Vec<Entry<'a>>),
    /// An array, its items in order.
    Array(Vec<Node<'a>>),
    /// A string, unescaped; borrowed from the text where the parser could.
    String(Cow<'a, str>),
    /// A whole number that fits in 64 bits.
    Integer(i64),
    /// Any other number, including a JSON integer too large for 64 bits; NaN when its
    /// text does not parse.
    Float(f64),
    /// `true` or `false`.
    Boolean(bool),
    /// A TOML date or date-time, as its text.
    Datetime(String),
    /// JSON's `null` (TOML has none).
    Null,
}

/// One key of a table or object, with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// The key, unquoted and unescaped.
    pub key: Cow<'a, str>,
    /// Where the key stands in the text, as a byte range.
    pub key_span: Span,
    /// The key's value.
    pub value: Node<'a>,
}

impl Value<'_> {
    /// How an error names this kind of value, in the words of the input's format.
    pub fn kind_name(&self, format: InputFormat) -> &'static str {
        match (self, format) {
            (Value::Table(_), InputFormat::Toml) => "a table",
            (Value::Table(_), InputFormat::Json) => "an object",
            (Value::Array(_), _) => "an array",
            (Value::String(_), _) => "a string",
            (Value::Integer(_), _) => "an integer",
            (Value::Float(_), _) => "a float",
            (Value::Boolean(_), _) => "a boolean",
            (Value::Datetime(_), _) => "a date-time",
            (Value::Null, _) => "null",
        }
    }
}

/// A syntax error found while building the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the error is, as a byte range into the text.
    pub span: Span,
    /// What is wrong: the headline of the error.
    pub message: String,
    /// A short note under the caret.
    pub label: String,
    /// How to fix it, when there is advice to give.
    pub help: Option<String>,
    /// A second place worth showing, such as the first of two duplicates.
    pub related: Option<(Span, String)>,
}

/// Parses text of the given format into one tree, or fails with its first syntax error.
pub fn parse(text: &str, format: InputFormat) -> Result<Node<'_>, Box<SyntaxError>> {
    match format {
        InputFormat::Toml => parse_toml(text),
        InputFormat::Json => parse_json(text),
    }
}

fn too_deep(span: Span) -> Box<SyntaxError> {
    Box::new(SyntaxError {
        span,
        message: format!("nesting deeper than {MAX_NESTING_DEPTH} levels"),
        label: "too deeply nested".to_string(),
        help: Some("a charter needs at most four levels of tables and arrays".to_string()),
        related: None,
    })
}

fn parse_toml(text: &str) -> Result<Node<'_>, Box<SyntaxError>> {
    use toml::de::{DeTable, DeValue};

    fn convert(value: DeValue<'_>, span: Span, depth: usize) -> Result<Node<'_>, Box<SyntaxError>> {
        if depth > MAX_NESTING_DEPTH {
            return Err(too_deep(span));
        }
        let value = match value {
            DeValue::String(text) => Value::String(text),
            DeValue::Integer(integer) => match i64::from_str_radix(integer.as_str(), integer.radix()) {
                Ok(number) => Value::Integer(number),
                Err(_) => {
                    return Err(Box::new(SyntaxError {
                        span,
                        message: "integer out of range".to_string(),
                        label: "does not fit in 64 bits".to_string(),
                        help: None,
                        related: None,
                    }));
                }
            },
            DeValue::Float(float) => match float.as_str().replace('_', "").parse::<f64>() {
                Ok(number) => Value::Float(number),
                Err(_) => Value::Float(f64::NAN),
            },
            DeValue::Boolean(flag) => Value::Boolean(flag),
            DeValue::Datetime(datetime) => Value::Datetime(datetime.to_string()),
            DeValue::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|item| {
                        let span = item.span();
                        convert(item.into_inner(), span, depth + 1)
                    })
                    .collect::<Result<_, _>>()?,
            ),
            DeValue::Table(table) => Value::Table(convert_table(table, depth + 1)?),
        };
        Ok(Node { span, value })
    }

    fn convert_table(table: DeTable<'_>, depth: usize) -> Result<Vec<Entry<'_>>, Box<SyntaxError>> {
        let mut entries = table
            .into_iter()
            .map(|(key, value)| {
                let key_span = key.span();
                let span = value.span();
                Ok(Entry {
                    key: key.into_inner(),
                    key_span,
                    value: convert(value.into_inner(), span, depth)?,
                })
            })
            .collect::<Result<Vec<_>, Box<SyntaxError>>>()?;
        // The parser's map is ordered by key; errors read best in file order.
        entries.sort_by_key(|entry| entry.key_span.start);
        Ok(entries)
    }

    if could_nest_too_deep(text, true)
        && let Some(at) = toml_too_deep_at(text)
    {
        return Err(too_deep(at..at + 1));
    }
    let root = DeTable::parse(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        toml_syntax_error(error.message(), span)
    })?;
    Ok(Node {
        span: 0..0,
        value: Value::Table(convert_table(root.into_inner(), 1)?),
    })
}

fn toml_syntax_error(message: &str, span: Span) -> Box<SyntaxError> {
    let message = message.trim().trim_end_matches('.');
    let help = if message.contains("duplicate key") {
        Some("each key may appear once in a table; merge the two entries".to_string())
    } else if message.contains("max recursion depth") || message.contains("recursion limit") {
        return too_deep(span);
    } else if message.contains("must be quoted") {
        Some("put text values in double quotes, for example `title = \"Product Owner\"`".to_string())
    } else {
        None
    };
    Box::new(SyntaxError {
        span,
        message: format!("invalid TOML: {message}"),
        label: message.to_string(),
        help,
        related: None,
    })
}

/// Whether the text holds enough of the bytes that open a level (and, in TOML, the
/// two levels a header and a key always have) to nest deeper than the limit. Most
/// charters do not, and finding those bytes (memchr) costs far less than the scans
/// below.
fn could_nest_too_deep(text: &str, count_dots: bool) -> bool {
    let bytes = text.as_bytes();
    let opening = if count_dots {
        memchr::memchr3_iter(b'[', b'{', b'.', bytes)
            .take(MAX_NESTING_DEPTH)
            .count()
    } else {
        memchr::memchr2_iter(b'[', b'{', bytes).take(MAX_NESTING_DEPTH).count()
    };
    opening + 2 > MAX_NESTING_DEPTH
}

/// Where JSON first nests deeper than the limit: the bracket that opens one level
/// too many. Found before parsing, so the parser never recurses that deep.
fn json_too_deep_at(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (at, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING_DEPTH {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Where TOML first nests deeper than the limit, counting the parts of the current
/// table header, the dotted parts of a key and the brackets of its value. Found
/// before parsing, since the parser's own limit has no position.
fn toml_too_deep_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut header, mut key, mut value) = (0usize, 1usize, 0usize);
    let (mut in_value, mut in_header, mut at) = (false, false, 0usize);
    let mut line_start = true;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'"' | b'\'' => {
                // Skip a string, plain or multi-line; its text never nests.
                let triple = bytes[at..].starts_with(&[byte, byte, byte]);
                let quote: &[u8] = if triple { &bytes[at..at + 3] } else { &bytes[at..at + 1] };
                at += quote.len();
                while at < bytes.len() && !bytes[at..].starts_with(quote) {
                    at += if byte == b'"' && bytes[at] == b'\\' { 2 } else { 1 };
                }
                at += quote.len();
                line_start = false;
                continue;
            }
            b'#' => {
                while at < bytes.len() && bytes[at] != b'\n' {
                    at += 1;
                }
                continue;
            }
            b'\n' => {
                if value == 0 {
                    (in_value, key, line_start) = (false, 1, true);
                }
            }
            b'[' if line_start && !in_value => {
                (in_header, header, line_start) = (true, 1, false);
            }
            b']' if in_header => in_header = false,
            b'.' if in_header => header += 1,
            b'.' if !in_value => key += 1,
            b'=' if !in_value => in_value = true,
            b'[' | b'{' if in_value => value += 1,
            b']' | b'}' if in_value => value = value.saturating_sub(1),
            b' ' | b'\t' | b'\r' => {}
            _ => line_start = false,
        }
        if header + key + value > MAX_NESTING_DEPTH {
            return Some(at);
        }
        at += 1;
    }
    None
}

fn parse_json(text: &str) -> Result<Node<'_>, Box<SyntaxError>> {
    if could_nest_too_deep(text, false)
        && let Some(at) = json_too_deep_at(text)
    {
        return Err(too_deep(at..at + 1));
    }
    use jsonc_parser::ast::{ObjectPropName, Value as Json};
    use jsonc_parser::{CollectOptions, ParseOptions};

    fn range(range: jsonc_parser::common::Range) -> Span {
        range.start..range.end
    }

    fn convert(value: Json<'_>, depth: usize) -> Result<Node<'_>, Box<SyntaxError>> {
        let (span, value) = match value {
            Json::StringLit(text) => (range(text.range), Value::String(text.value)),
            Json::NumberLit(number) => {
                let span = range(number.range);
                let value = match number.value.parse::<i64>() {
                    Ok(integer) => Value::Integer(integer),
                    Err(_) => Value::Float(number.value.parse::<f64>().unwrap_or(f64::NAN)),
                };
                (span, value)
            }
            Json::BooleanLit(flag) => (range(flag.range), Value::Boolean(flag.value)),
            Json::NullKeyword(null) => (range(null.range), Value::Null),
            Json::Array(array) => {
                let span = range(array.range);
                if depth > MAX_NESTING_DEPTH {
                    return Err(too_deep(span.start..span.start + 1));
                }
                let items = array
                    .elements
                    .into_iter()
                    .map(|item| convert(item, depth + 1))
                    .collect::<Result<_, _>>()?;
                (span, Value::Array(items))
            }
            Json::Object(object) => {
                let span = range(object.range);
                if depth > MAX_NESTING_DEPTH {
                    return Err(too_deep(span.start..span.start + 1));
                }
                let mut entries: Vec<Entry> = Vec::with_capacity(object.properties.len());
                for property in object.properties {
                    let (key, key_span) = match property.name {
                        ObjectPropName::String(name) => (name.value, range(name.range)),
                        ObjectPropName::Word(word) => (Cow::Borrowed(word.value), range(word.range)),
                    };
                    entries.push(Entry {
                        key,
                        key_span,
                        value: convert(property.value, depth + 1)?,
                    });
                }
                if let Some((first, second)) = first_duplicate_key(&entries) {
                    return Err(duplicate_json_key(&entries[second], &entries[first].key_span));
                }
                (span, Value::Table(entries))
            }
        };
        Ok(Node { span, value })
    }

    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let collect = CollectOptions {
        comments: jsonc_parser::CommentCollectionStrategy::Off,
        tokens: false,
    };
    let parsed = jsonc_parser::parse_to_ast(text, &collect, &strict).map_err(|error| {
        let span = range(error.range());
        let mut syntax = json_syntax_error(error.kind(), span.clone());
        let token = text.get(span).unwrap_or_default();
        if syntax.help.is_none() && matches!(token, "NaN" | "Infinity" | "-Infinity") {
            syntax.help = Some(format!("JSON has no `{token}`; write a number, for example `0.5`"));
        }
        syntax
    })?;
    match parsed.value {
        Some(value) => convert(value, 1),
        None => Err(Box::new(SyntaxError {
            span: 0..0,
            message: "invalid JSON: the file holds no value".to_string(),
            label: "expected an object".to_string(),
            help: None,
            related: None,
        })),
    }
}

/// The indexes of the first key that repeats an earlier one, in file order.
fn first_duplicate_key(entries: &[Entry<'_>]) -> Option<(usize, usize)> {
    if entries.len() <= 16 {
        return (1..entries.len()).find_map(|second| {
            (0..second)
                .find(|&first| entries[first].key == entries[second].key)
                .map(|first| (first, second))
        });
    }
    let mut seen = std::collections::HashMap::with_capacity(entries.len());
    entries
        .iter()
        .enumerate()
        .find_map(|(index, entry)| seen.insert(&*entry.key, index).map(|first| (first, index)))
}

fn duplicate_json_key(second: &Entry<'_>, first: &Span) -> Box<SyntaxError> {
    let key = &second.key;
    Box::new(SyntaxError {
        span: second.key_span.clone(),
        message: format!("duplicate key `{key}`"),
        label: "this key appears earlier in the same object".to_string(),
        help: Some(format!(
            "keep one `{key}`: most JSON readers silently keep only the last, which loses data"
        )),
        related: Some((first.clone(), "first defined here".to_string())),
    })
}

fn json_syntax_error(kind: &jsonc_parser::errors::ParseErrorKind, span: Span) -> Box<SyntaxError> {
    use jsonc_parser::errors::ParseErrorKind as Kind;
    if matches!(kind, Kind::NestingDepthExceeded) {
        return too_deep(span);
    }
    let help = match kind {
        Kind::CommentsNotAllowed => Some("JSON charters cannot hold comments; use TOML for a commented charter"),
        Kind::TrailingCommasNotAllowed => Some("remove the comma after the last item"),
        Kind::SingleQuotedStringsNotAllowed => Some("use double quotes around strings"),
        Kind::ExpectedComma => Some("separate items with a comma"),
        Kind::ExpectedStringObjectProperty => Some("object keys are strings in double quotes"),
        Kind::UnterminatedObject => Some("close the object with `}`"),
        Kind::UnterminatedArray => Some("close the array with `]`"),
        _ => None,
    };
    let text = kind.to_string();
    let mut label = text.clone();
    if let Some(first) = label.get_mut(0..1) {
        first.make_ascii_lowercase();
    }
    Box::new(SyntaxError {
        span,
        message: format!("invalid JSON: {label}"),
        label,
        help: help.map(str::to_string),
        related: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys<'a>(node: &'a Node<'a>) -> Vec<&'a str> {
        match &node.value {
            Value::Table(entries) => entries.iter().map(|entry| &*entry.key).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn toml_and_json_give_the_same_shape() {
        let toml = parse("b = 1\na = [\"x\"]\n", InputFormat::Toml).unwrap();
        let json = parse(r#"{"b": 1, "a": ["x"]}"#, InputFormat::Json).unwrap();
        assert_eq!(keys(&toml), ["b", "a"]);
        assert_eq!(keys(&json), ["b", "a"]);
    }

    #[test]
    fn json_duplicate_keys_are_refused() {
        let error = parse(r#"{"a": 1, "a": 2}"#, InputFormat::Json).unwrap_err();
        assert_eq!(error.message, "duplicate key `a`");
        assert_eq!(error.span, 9..12);
    }

    #[test]
    fn deep_json_is_refused_without_overflowing() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse(&text, InputFormat::Json).unwrap_err();
        assert!(error.message.contains("nesting deeper"), "{}", error.message);
    }

    #[test]
    fn deep_toml_is_refused_without_overflowing() {
        let text = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
        let error = parse(&text, InputFormat::Toml).unwrap_err();
        assert!(error.message.contains("nesting deeper"), "{}", error.message);
    }
}

//! The positioned tree into the charter model, with an exact, helpful error for every
//! way the input can be wrong.

use super::error::InputError;
use super::model::*;
use super::tree::{Entry, InputFormat, Node, Value};
use crate::catalog::{CATALOG, ResponsibilityId};
use crate::source::Span;

// `[lint]`: severities, requirements and accepted risks.
mod lint;
mod table;

/// Limits large enough for any real team, so a hostile file cannot exhaust memory.
pub const MAX_ROLES: usize = 10_000;
/// More duties than this in one charter, counted over every role and RACI list, are an
/// input error.
pub const MAX_DUTIES: usize = 250_000;
/// More holders than this in one role are an input error.
pub const MAX_HOLDERS: usize = 10_000;

/// Errors past this many in one file are not worth reading; the first ones are.
const MAX_ERRORS_PER_FILE: usize = 50;

/// Where a value sits, as error messages name it (`roles[0].owns[2]`). Built as a
/// chain of borrowed parts and formatted only when an error needs it.
#[derive(Clone, Copy)]
pub(super) enum KeyPath<'a> {
    Root,
    Named(&'a str),
    Key(&'a KeyPath<'a>, &'a str),
    Index(&'a KeyPath<'a>, usize),
}

impl KeyPath<'_> {
    fn is_root(&self) -> bool {
        matches!(self, KeyPath::Root)
    }

    /// The last key, as a key is written in the input.
    fn leaf(&self) -> String {
        match self {
            KeyPath::Key(_, key) | KeyPath::Named(key) => key.to_string(),
            other => other.to_string(),
        }
    }
}

impl std::fmt::Display for KeyPath<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyPath::Root => Ok(()),
            KeyPath::Named(name) => formatter.write_str(name),
            KeyPath::Key(parent, key) if parent.is_root() => formatter.write_str(key),
            KeyPath::Key(parent, key) => write!(formatter, "{parent}.{key}"),
            KeyPath::Index(parent, index) => write!(formatter, "{parent}[{index}]"),
        }
    }
}

const TEAM_PATH: KeyPath<'static> = KeyPath::Named("team");
const ROLES_PATH: KeyPath<'static> = KeyPath::Named("roles");
const LINT_PATH: KeyPath<'static> = KeyPath::Named("lint");
const SEVERITY_PATH: KeyPath<'static> = KeyPath::Named("lint.severity");
const ACCEPT_PATH: KeyPath<'static> = KeyPath::Named("lint.accept");

pub(super) struct Decoder<'a> {
    text: &'a str,
    format: InputFormat,
    /// The rule names `[lint]` may use, passed in by the caller: the model knows no rules.
    rules: &'a [&'a str],
    pub errors: Vec<InputError>,
    duty_count: usize,
}

impl<'a> Decoder<'a> {
    pub(super) fn new(text: &'a str, format: InputFormat, rules: &'a [&'a str]) -> Self {
        Decoder {
            text,
            format,
            rules,
            errors: Vec::new(),
            duty_count: 0,
        }
    }

    /// The first errors found, in file order.
    pub(super) fn into_sorted_errors(mut self) -> Vec<InputError> {
        self.errors
            .sort_by_key(|error| error.span.as_ref().map(|span| span.start));
        self.errors.truncate(MAX_ERRORS_PER_FILE);
        self.errors
    }

    fn report(&mut self, error: InputError) {
        self.errors.push(error);
    }

    fn error(&mut self, span: Span, message: String, label: impl Into<String>, help: Option<String>) {
        self.report(InputError {
            span: Some(span),
            message,
            label: label.into(),
            help,
            related: None,
        });
    }

    /// The first line of a span: a table's header or opening brace, not its whole body.
    fn head(&self, span: &Span) -> Span {
        let start = span.start.min(self.text.len());
        let end = span.end.clamp(start, self.text.len());
        // Only the span itself is searched: on a minified file the rest is one line.
        let end = self
            .text
            .get(start..end)
            .and_then(|text| text.find('\n'))
            .map_or(end, |at| start + at);
        span.start..end.max(span.start)
    }

    /// How a key with an example value is written in this file's format.
    fn example(&self, key: &str, value: &str) -> String {
        match self.format {
            InputFormat::Toml => format!("`{key} = {value}`"),
            InputFormat::Json => format!("`\"{key}\": {value}`"),
        }
    }

    fn wrong_type(&mut self, node: &Node<'_>, path: &KeyPath<'_>, expected: &str) {
        let found = node.value.kind_name(self.format);
        let subject = if path.is_root() {
            "a charter".to_string()
        } else {
            format!("`{path}`")
        };
        let help = match &node.value {
            Value::String(text) if expected.contains("integer") || expected.contains("number") => {
                Some(if text.trim().parse::<f64>().is_ok() {
                    format!("remove the quotes: {}", self.example(&path.leaf(), text.trim()))
                } else {
                    let example = if expected.contains("integer") { "8" } else { "0.5" };
                    format!(
                        "write a number without quotes, for example {}",
                        self.example(&path.leaf(), example)
                    )
                })
            }
            Value::Float(number) if expected.contains("integer") && number.fract() == 0.0 && number.is_finite() => {
                Some(format!(
                    "write it without the decimal point: {}",
                    self.example(&path.leaf(), &format!("{number:.0}"))
                ))
            }
            Value::String(text) if expected.contains("boolean") => matches!(text.trim(), "true" | "false")
                .then(|| format!("remove the quotes: {}", self.example(&path.leaf(), text.trim()))),
            Value::String(_) if expected.contains("array") => {
                Some("put the values in a list, for example `[\"Sam\"]`".to_string())
            }
            _ => None,
        };
        self.error(
            node.span.clone(),
            format!("{subject} must be {expected}, found {found}"),
            format!("expected {expected}"),
            help,
        );
    }

    fn unknown_key(&mut self, entry: &Entry<'_>, path: &KeyPath<'_>, known: &[&str]) {
        let listed = known
            .iter()
            .map(|key| format!("`{key}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let holder = if path.is_root() {
            "the top level".to_string()
        } else {
            format!("`{path}`")
        };
        let help = match did_you_mean(&entry.key, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? {holder} takes {listed}"),
            None => format!("{holder} takes {listed}"),
        };
        let location = if path.is_root() {
            "the charter".to_string()
        } else {
            format!("`{path}`")
        };
        self.error(
            entry.key_span.clone(),
            format!("unknown key `{}` in {location}", entry.key),
            "unknown key",
            Some(help),
        );
    }

    fn missing(&mut self, table_span: &Span, path: &KeyPath<'_>, key: &str, example_value: &str) {
        let span = self.head(table_span);
        let (message, label) = if path.is_root() {
            (
                format!("missing required key `{key}`"),
                "the charter starts here".to_string(),
            )
        } else {
            (
                format!("missing required key `{key}` in `{path}`"),
                format!("`{path}` is declared here"),
            )
        };
        let help = Some(format!("add {}", self.example(key, example_value)));
        self.error(span, message, label, help);
    }

    fn string(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<Spanned<String>> {
        match &mut node.value {
            // The tree is used once: its strings move into the model rather than being copied.
            Value::String(text) => Some(Spanned::new(std::mem::take(text).into_owned(), node.span.clone())),
            _ => {
                self.wrong_type(node, path, "a string");
                None
            }
        }
    }

    fn non_empty_string(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>, what: &str) -> Option<Spanned<String>> {
        let text = self.string(node, path)?;
        if text.value.trim().is_empty() {
            self.error(
                node.span.clone(),
                format!("`{path}` is empty"),
                format!("expected {what}"),
                None,
            );
            return None;
        }
        Some(text)
    }

    fn integer(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>, minimum: u32) -> Option<Spanned<u32>> {
        let Value::Integer(number) = node.value else {
            self.wrong_type(node, path, "an integer");
            return None;
        };
        match u32::try_from(number) {
            Ok(value) if value >= minimum => Some(Spanned::new(value, node.span.clone())),
            _ if number > i64::from(u32::MAX) => {
                self.error(
                    node.span.clone(),
                    format!("`{path}` is {number}, above the maximum of {}", u32::MAX),
                    format!("expected an integer from {minimum} to {}", u32::MAX),
                    Some("a count of teams or people; was a digit repeated?".to_string()),
                );
                None
            }
            _ => {
                self.error(
                    node.span.clone(),
                    format!("`{path}` is {number}, below the minimum of {minimum}"),
                    format!("expected an integer of at least {minimum}"),
                    None,
                );
                None
            }
        }
    }

    fn boolean(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<bool> {
        match node.value {
            Value::Boolean(flag) => Some(flag),
            _ => {
                self.wrong_type(node, path, "a boolean (true or false)");
                None
            }
        }
    }

    fn string_list(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Vec<Spanned<String>> {
        let Value::Array(items) = &mut node.value else {
            self.wrong_type(node, path, "an array of strings");
            return Vec::new();
        };
        items
            .iter_mut()
            .enumerate()
            .filter_map(|(index, item)| self.string(item, &KeyPath::Index(path, index)))
            .collect()
    }

    /// A string that must be one of `choices`.
    fn choice<T>(
        &mut self,
        node: &mut Node<'_>,
        path: &KeyPath<'_>,
        choices: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Spanned<T>> {
        let text = self.string(node, path)?;
        if let Some(value) = parse(&text.value) {
            return Some(Spanned::new(value, text.span));
        }
        let listed = choices.join(", ");
        let help = did_you_mean(&text.value, choices.iter().copied()).map(|close| format!("did you mean `{close}`?"));
        self.error(
            text.span,
            format!("unknown value `{}` for `{path}`", text.value),
            format!("expected one of {listed}"),
            help,
        );
        None
    }

    /// A responsibility id of the catalog.
    fn responsibility_id(&mut self, text: &Spanned<String>, path: &KeyPath<'_>) -> Option<ResponsibilityId> {
        if let Some(index) = ResponsibilityId::from_text(&text.value) {
            return Some(index);
        }
        let help = match did_you_mean(&text.value, CATALOG.iter().map(|entry| entry.id)) {
            Some(close) => format!("did you mean `{close}`? `charterlint catalog` lists every id"),
            None => "`charterlint catalog` lists every responsibility id".to_string(),
        };
        self.error(
            text.span.clone(),
            format!("unknown responsibility id `{}` in `{path}`", text.value),
            "expected a catalog responsibility id",
            Some(help),
        );
        None
    }

    pub(super) fn charter(&mut self, root: &mut Node<'_>) -> Option<Charter> {
        let path = KeyPath::Root;
        let mut table = self.open(root, &path)?;
        let schema = self
            .optional(&mut table, &path, "$schema", Decoder::string)
            .map(|text| text.value);
        let version = self.required(&mut table, &path, "version", "1", |decoder, node, _| {
            decoder.version(node)
        });
        let team = match table.take("team") {
            Some(entry) => self.team(entry),
            None => {
                let example = match self.format {
                    InputFormat::Toml => "a `[team]` table with `name = \"...\"`".to_string(),
                    InputFormat::Json => "`\"team\": { \"name\": \"...\" }`".to_string(),
                };
                let span = self.head(&table.span);
                self.error(
                    span,
                    "missing required key `team`".to_string(),
                    "the charter starts here",
                    Some(format!("add {example}")),
                );
                None
            }
        };
        let roles = self.or_default(&mut table, &path, "roles", |decoder, node, _| decoder.roles(node));
        let vocabulary = self.or_default(&mut table, &path, "vocabulary", |decoder, node, _| {
            decoder.vocabulary(node)
        });
        let lint = self.or_default(&mut table, &path, "lint", |decoder, node, _| decoder.lint(node));
        self.finish(table, &path);
        self.check_unique_role_ids(&roles);
        if !self.errors.is_empty() {
            return None;
        }
        Some(Charter {
            schema,
            version: version?,
            team: team?,
            roles,
            vocabulary,
            lint,
        })
    }

    /// An org-wide policy file: the same `[lint]` table as a charter, alone.
    pub(super) fn policy(&mut self, root: &mut Node<'_>) -> Option<LintConfig> {
        if let Value::Table(entries) = &root.value
            && let Some(entry) = entries
                .iter()
                .find(|entry| matches!(&*entry.key, "version" | "team" | "roles"))
        {
            let lint = match self.format {
                InputFormat::Toml => "`[lint]` table",
                InputFormat::Json => "`\"lint\"` object",
            };
            self.error(
                entry.key_span.clone(),
                "this is a charter, not a policy file".to_string(),
                format!("`{}` belongs in a charter", entry.key),
                Some(format!(
                    "`--config` takes an org-wide policy file that holds only a {lint}; check the charter by naming it as a path"
                )),
            );
            return None;
        }
        let path = KeyPath::Root;
        let mut table = self.open(root, &path)?;
        // A policy file may name its schema like a charter.
        self.optional(&mut table, &path, "$schema", Decoder::string);
        let lint = self.or_default(&mut table, &path, "lint", |decoder, node, _| decoder.lint(node));
        self.finish(table, &path);
        self.errors.is_empty().then_some(lint)
    }

    fn version(&mut self, node: &mut Node<'_>) -> Option<u32> {
        let Value::Integer(number) = node.value else {
            self.wrong_type(node, &KeyPath::Named("version"), "an integer");
            return None;
        };
        if number != 1 {
            self.error(
                node.span.clone(),
                format!("unsupported charter version {number}"),
                "only version 1 is supported",
                Some(format!("set {}", self.example("version", "1"))),
            );
            return None;
        }
        Some(1)
    }

    fn team(&mut self, team_entry: &mut Entry<'_>) -> Option<Team> {
        let node = &mut team_entry.value;
        let path = TEAM_PATH;
        let mut table = self.open(node, &path)?;
        let name = self.required(&mut table, &path, "name", "\"Checkout\"", |decoder, node, path| {
            decoder.non_empty_string(node, path, "the team's name")
        });
        let size = self
            .optional(&mut table, &path, "size", |decoder, node, path| {
                decoder.integer(node, path, 1)
            })
            .map(|number| number.value);
        let delivery_teams = self.defaulted(&mut table, &path, "delivery_teams", 1, |decoder, node, path| {
            decoder.integer(node, path, 1).map(|number| number.value)
        });
        let methodology = self.defaulted(
            &mut table,
            &path,
            "methodology",
            Methodology::default(),
            |decoder, node, path| {
                let names = Methodology::ALL.map(Methodology::name);
                decoder
                    .choice(node, path, &names, |text| {
                        Methodology::ALL.into_iter().find(|method| method.name() == text)
                    })
                    .map(|method| method.value)
            },
        );
        let cross_team_dependencies =
            self.defaulted(&mut table, &path, "cross_team_dependencies", false, Decoder::boolean);
        self.finish(table, &path);
        let node = &team_entry.value;
        // In TOML the `[team]` header anchors team-wide findings; in JSON the `"team"` key.
        let span = match self.format {
            InputFormat::Toml
                if self
                    .text
                    .get(node.span.clone())
                    .is_some_and(|text| text.starts_with('[')) =>
            {
                node.span.clone()
            }
            _ => team_entry.key_span.clone(),
        };
        Some(Team {
            name: name?,
            size,
            delivery_teams: delivery_teams?,
            methodology: methodology?,
            cross_team_dependencies: cross_team_dependencies?,
            span,
        })
    }

    fn roles(&mut self, node: &mut Node<'_>) -> Vec<Role> {
        let Value::Array(items) = &mut node.value else {
            let expected = match self.format {
                InputFormat::Toml => "an array of tables (`[[roles]]`)",
                InputFormat::Json => "an array of objects",
            };
            self.wrong_type(node, &ROLES_PATH, expected);
            return Vec::new();
        };
        if items.len() > MAX_ROLES {
            self.error(
                self.head(&items[MAX_ROLES].span),
                format!("more than {MAX_ROLES} roles in one charter"),
                format!("role {} of {}", MAX_ROLES + 1, items.len()),
                Some("split the organisation into one charter per team".to_string()),
            );
            return Vec::new();
        }
        items
            .iter_mut()
            .enumerate()
            .filter_map(|(index, item)| self.role(item, index))
            .collect()
    }

    fn role(&mut self, node: &mut Node<'_>, index: usize) -> Option<Role> {
        let path = KeyPath::Index(&ROLES_PATH, index);
        let errors_before = self.errors.len();
        let mut table = self.open(node, &path)?;
        let id = self.required(&mut table, &path, "id", "\"po\"", Decoder::role_id);
        let title = self.required(
            &mut table,
            &path,
            "title",
            "\"Product Owner\"",
            |decoder, node, path| decoder.non_empty_string(node, path, "the role's title"),
        );
        let holders = self.required(&mut table, &path, "holders", "[\"Sam\"]", Decoder::holders);
        let scope = self.optional(&mut table, &path, "scope", |decoder, node, path| {
            decoder.non_empty_string(node, path, "a delivery team or product area")
        });
        let allocation = self.optional(&mut table, &path, "allocation", Decoder::allocation);
        let lists = ["owns", "does", "consulted", "informed"]
            .map(|key| self.or_default(&mut table, &path, key, Decoder::duties));
        self.finish(table, &path);
        if self.errors.len() != errors_before {
            return None;
        }
        let id = id?;
        let allocation = allocation.unwrap_or_else(|| Spanned::new(1.0, id.span.clone()));
        let [owns, does, consulted, informed] = lists;
        Some(Role {
            id,
            title: title?,
            holders: holders?,
            scope,
            allocation,
            owns,
            does,
            consulted,
            informed,
        })
    }

    fn role_id(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<Spanned<String>> {
        let id = self.non_empty_string(node, path, "a role id such as `po`")?;
        let valid = id
            .value
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
        if valid {
            return Some(id);
        }
        let suggestion = suggest_id(&id.value);
        self.error(
            id.span.clone(),
            format!("invalid role id `{}`", id.value),
            "expected lowercase letters, digits and dashes",
            (!suggestion.is_empty()).then(|| format!("try `{suggestion}`; the role's display name belongs in `title`")),
        );
        None
    }

    fn holders(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<Vec<Spanned<String>>> {
        if !matches!(node.value, Value::Array(_)) {
            self.wrong_type(node, path, "an array of names (empty for a vacant role)");
            return None;
        }
        let errors_before = self.errors.len();
        // One person is one name: "José" typed with a combining accent, or with a
        // space after it, is still José.
        let holders: Vec<Spanned<String>> = self
            .string_list(node, path)
            .into_iter()
            .map(|holder| Spanned::new(person_name(&holder.value), holder.span))
            .collect();
        if holders.len() > MAX_HOLDERS {
            self.error(
                holders[MAX_HOLDERS].span.clone(),
                format!("more than {MAX_HOLDERS} holders in `{path}`"),
                format!("holder {} of {}", MAX_HOLDERS + 1, holders.len()),
                Some("a role is held by a few people; list a group as one name, or split the role".to_string()),
            );
            return None;
        }
        let mut first_of: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
        for (index, holder) in holders.iter().enumerate() {
            let first = *first_of.entry(holder.value.as_str()).or_insert(index);
            if holder.value.trim().is_empty() {
                self.error(
                    holder.span.clone(),
                    format!("empty holder name in `{path}`"),
                    "expected a person's name",
                    Some("write the person's name, or leave `holders` empty to mark the role vacant".to_string()),
                );
            } else if first != index {
                let first_span = holders[first].span.clone();
                self.report(InputError {
                    span: Some(holder.span.clone()),
                    message: format!("`{}` is listed twice in `{path}`", holder.value),
                    label: "listed again here".to_string(),
                    help: Some("list each person once".to_string()),
                    related: Some((first_span, "first listed here".to_string())),
                });
            }
        }
        (self.errors.len() == errors_before).then_some(holders)
    }

    fn allocation(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<Spanned<f64>> {
        let number = match node.value {
            Value::Float(number) => number,
            Value::Integer(number) => number as f64,
            _ => {
                self.wrong_type(node, path, "a number");
                return None;
            }
        };
        if number > 0.0 && number <= 1.0 {
            return Some(Spanned::new(number, node.span.clone()));
        }
        let shown = self.text.get(node.span.clone()).unwrap_or("the value").to_string();
        self.error(
            node.span.clone(),
            format!("`{path}` is {shown}, outside (0, 1]"),
            "expected a share of time greater than 0 and at most 1",
            Some("allocation is the share of each holder's time this role takes: 0.5 is half, 1.0 is all".to_string()),
        );
        None
    }

    fn duties(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Vec<Spanned<String>> {
        let duties = self.string_list(node, path);
        for (index, duty) in duties.iter().enumerate() {
            if duty.value.trim().is_empty() {
                self.error(
                    duty.span.clone(),
                    format!("empty duty in `{path}[{index}]`"),
                    "expected a duty such as \"backlog prioritization\"",
                    Some("remove the empty entry".to_string()),
                );
            }
        }
        self.duty_count += duties.len();
        if self.duty_count > MAX_DUTIES && self.duty_count - duties.len() <= MAX_DUTIES {
            self.error(
                node.span.start..node.span.start + 1,
                format!("more than {MAX_DUTIES} duties in one charter"),
                "the limit is passed in this list",
                Some("split the organisation into one charter per team".to_string()),
            );
        }
        duties
    }

    fn check_unique_role_ids(&mut self, roles: &[Role]) {
        let mut seen: std::collections::HashMap<&str, &Span> = std::collections::HashMap::new();
        for role in roles {
            if let Some(first) = seen.insert(&role.id.value, &role.id.span) {
                let first = first.clone();
                self.report(InputError {
                    span: Some(role.id.span.clone()),
                    message: format!("duplicate role id `{}`", role.id.value),
                    label: "a second role with this id".to_string(),
                    help: Some("give each role its own id; a person may hold several roles".to_string()),
                    related: Some((first, "first used here".to_string())),
                });
            }
        }
    }

    fn vocabulary(&mut self, node: &mut Node<'_>) -> Vocabulary {
        let Value::Table(entries) = &mut node.value else {
            self.wrong_type(
                node,
                &KeyPath::Named("vocabulary"),
                "a table of phrase = responsibility id",
            );
            return Vocabulary::default();
        };
        let mut vocabulary = Vec::with_capacity(entries.len());
        for entry in entries.iter_mut() {
            let quoted = format!("vocabulary.\"{}\"", entry.key);
            let path = KeyPath::Named(&quoted);
            if entry.key.trim().is_empty() {
                self.error(
                    entry.key_span.clone(),
                    "empty phrase in `vocabulary`".to_string(),
                    "expected the team's phrase for a duty",
                    None,
                );
                continue;
            }
            let Some(id) = self.string(&mut entry.value, &path) else {
                continue;
            };
            if let Some(index) = self.responsibility_id(&id, &path) {
                vocabulary.push(VocabularyEntry {
                    phrase: Spanned::new(entry.key.to_string(), entry.key_span.clone()),
                    responsibility: Spanned::new(index, id.span),
                });
            }
        }
        Vocabulary(vocabulary)
    }
}

/// A holder's name as people are compared: trimmed, in Unicode NFC.
pub(super) fn person_name(name: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let trimmed = name.trim();
    // Most names are already in NFC; only the others are rebuilt.
    if trimmed.is_ascii() || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        return trimmed.to_string();
    }
    trimmed.nfc().collect()
}

/// The closest of `candidates`, when it is close enough to be what was meant.
pub fn did_you_mean<'c>(input: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let input = input.to_lowercase();
    candidates
        .map(|candidate| (strsim::jaro_winkler(&input, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        .fold(None, |best: Option<(f64, &str)>, (score, candidate)| match best {
            Some((best_score, _)) if best_score >= score => best,
            _ => Some((score, candidate)),
        })
        .map(|(_, candidate)| candidate)
}

/// A valid role id made from free text: "Product Owner" becomes `product-owner`.
fn suggest_id(text: &str) -> String {
    let mut id = String::new();
    for character in text.chars() {
        if character.is_ascii_alphanumeric() {
            id.push(character.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

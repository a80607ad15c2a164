//! Decoding of a charter's or policy file's `[lint]` table: severities, required and
//! optional responsibilities, thresholds and accepted risks.

use super::*;

impl Decoder<'_> {
    pub(super) fn lint(&mut self, node: &mut Node<'_>) -> LintConfig {
        let path = LINT_PATH;
        let Some(mut table) = self.open(node, &path) else {
            return LintConfig::default();
        };
        let at_least_one = |decoder: &mut Self, node: &mut Node<'_>, path: &KeyPath<'_>| decoder.integer(node, path, 1);
        let lint = LintConfig {
            fail_on: self.optional(&mut table, &path, "fail_on", |decoder, node, path| {
                decoder.choice(node, path, &FailOn::NAMES, FailOn::parse)
            }),
            severity: self.or_default(&mut table, &path, "severity", |decoder, node, _| decoder.severity(node)),
            require: self.or_default(&mut table, &path, "require", Decoder::responsibility_ids),
            optional: self.or_default(&mut table, &path, "optional", Decoder::responsibility_ids),
            max_accountabilities: self.optional(&mut table, &path, "max_accountabilities", at_least_one),
            max_teams_per_person: self.optional(&mut table, &path, "max_teams_per_person", at_least_one),
            combined_roles_warn_at: self.optional(&mut table, &path, "combined_roles_warn_at", at_least_one),
            accept: self.or_default(&mut table, &path, "accept", |decoder, node, _| {
                decoder.acceptances(node)
            }),
        };
        self.finish(table, &path);
        lint
    }

    fn responsibility_ids(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Vec<Spanned<String>> {
        let ids = self.string_list(node, path);
        ids.into_iter()
            .enumerate()
            .filter(|(index, id)| self.responsibility_id(id, &KeyPath::Index(path, *index)).is_some())
            .map(|(_, id)| id)
            .collect()
    }

    fn rule_name(&mut self, text: &Spanned<String>, path: &KeyPath<'_>) -> bool {
        if self.rules.contains(&text.value.as_str()) {
            return true;
        }
        let help = match did_you_mean(&text.value, self.rules.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? `charterlint explain` lists every rule"),
            None => "`charterlint explain` lists every rule".to_string(),
        };
        self.error(
            text.span.clone(),
            format!("unknown rule `{}` in `{path}`", text.value),
            "expected a rule name",
            Some(help),
        );
        false
    }

    fn severity(&mut self, node: &mut Node<'_>) -> SeverityOverrides {
        let Value::Table(entries) = &mut node.value else {
            self.wrong_type(node, &SEVERITY_PATH, "a table of rule = severity");
            return SeverityOverrides::default();
        };
        let mut overrides = Vec::new();
        for entry in entries.iter_mut() {
            let rule = Spanned::new(entry.key.to_string(), entry.key_span.clone());
            let path = KeyPath::Key(&SEVERITY_PATH, &entry.key);
            let known = self.rule_name(&rule, &SEVERITY_PATH);
            let level = self.choice(&mut entry.value, &path, &RuleLevel::NAMES, RuleLevel::parse);
            if let (true, Some(level)) = (known, level) {
                overrides.push((rule, level));
            }
        }
        SeverityOverrides(overrides)
    }

    fn acceptances(&mut self, node: &mut Node<'_>) -> Vec<Acceptance> {
        let Value::Array(items) = &mut node.value else {
            self.wrong_type(node, &ACCEPT_PATH, "an array of tables");
            return Vec::new();
        };
        items
            .iter_mut()
            .enumerate()
            .filter_map(|(index, item)| self.acceptance(item, index))
            .collect()
    }

    fn acceptance(&mut self, node: &mut Node<'_>, index: usize) -> Option<Acceptance> {
        let path = KeyPath::Index(&ACCEPT_PATH, index);
        let span = node.span.clone();
        let errors_before = self.errors.len();
        let mut table = self.open(node, &path)?;
        let rule = self.required(
            &mut table,
            &path,
            "rule",
            "\"combined-roles\"",
            |decoder, node, path| decoder.string(node, path).filter(|name| decoder.rule_name(name, path)),
        );
        let target = self.optional(&mut table, &path, "target", |decoder, node, path| {
            decoder.non_empty_string(node, path, "a person, role id or responsibility id")
        });
        let reason = self.required(
            &mut table,
            &path,
            "reason",
            "\"one product person until the Q3 hire\"",
            |decoder, node, path| decoder.non_empty_string(node, path, "why the risk is accepted"),
        );
        let until = self.optional(&mut table, &path, "until", Decoder::date);
        self.finish(table, &path);
        if self.errors.len() != errors_before {
            return None;
        }
        Some(Acceptance {
            rule: rule?,
            target,
            reason: reason?,
            until,
            span: self.head(&span),
        })
    }

    fn date(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<Spanned<Date>> {
        let text: &str = match &node.value {
            Value::String(text) => text,
            Value::Datetime(text) => text,
            _ => {
                self.wrong_type(node, path, "a date (YYYY-MM-DD)");
                return None;
            }
        };
        match Date::parse(text) {
            Some(date) => Some(Spanned::new(date, node.span.clone())),
            None => {
                self.error(
                    node.span.clone(),
                    format!("invalid date `{text}` in `{path}`"),
                    "expected a calendar date as YYYY-MM-DD",
                    Some(format!("for example {}", self.example("until", "\"2027-03-31\""))),
                );
                None
            }
        }
    }
}

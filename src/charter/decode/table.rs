//! A table being decoded, after cargo-deny's `toml-span` `TableHelper`: the decoder
//! takes each key it knows by name, and every key it did not ask for is reported as
//! unknown. The keys a table accepts are written once, where they are read, so the
//! list in an "unknown key" help cannot drift from what is decoded.

use super::*;

/// The most keys one table of the format has (a role's nine, with room to grow).
const MAX_KEYS: usize = 16;

/// The entries of one table, and the keys asked for so far.
pub(super) struct Table<'n, 't> {
    entries: &'n mut [Entry<'t>],
    /// The whole table, from its header or opening brace.
    pub(super) span: Span,
    // Kept inline: a table is opened for every role of every charter, and an
    // allocation each would be most of its cost.
    asked: [&'static str; MAX_KEYS],
    asked_count: usize,
}

impl<'t> Table<'_, 't> {
    /// The entry of `key`, if the table has one. Asking makes `key` known, present
    /// or not.
    pub(super) fn take(&mut self, key: &'static str) -> Option<&mut Entry<'t>> {
        assert!(self.asked_count < MAX_KEYS, "a table of more than {MAX_KEYS} keys");
        self.asked[self.asked_count] = key;
        self.asked_count += 1;
        self.entries.iter_mut().find(|entry| entry.key == key)
    }

    fn asked(&self) -> &[&'static str] {
        &self.asked[..self.asked_count]
    }
}

impl Decoder<'_> {
    /// `node` as a table to take keys from; `None`, reported, when it is not a table.
    pub(super) fn open<'n, 't>(&mut self, node: &'n mut Node<'t>, path: &KeyPath<'_>) -> Option<Table<'n, 't>> {
        if !matches!(node.value, Value::Table(_)) {
            let expected = match self.format {
                InputFormat::Toml => "a table",
                InputFormat::Json => "an object",
            };
            self.wrong_type(node, path, expected);
            return None;
        }
        let span = node.span.clone();
        let Value::Table(entries) = &mut node.value else {
            return None;
        };
        Some(Table {
            entries,
            span,
            asked: [""; MAX_KEYS],
            asked_count: 0,
        })
    }

    /// The decoded value of a key: `None` when the key is absent, `Some(None)` when it
    /// is present and wrong (the error is reported).
    fn field<'t, T>(
        &mut self,
        table: &mut Table<'_, 't>,
        path: &KeyPath<'_>,
        key: &'static str,
        decode: impl FnOnce(&mut Self, &mut Node<'t>, &KeyPath<'_>) -> Option<T>,
    ) -> Option<Option<T>> {
        let entry = table.take(key)?;
        Some(decode(self, &mut entry.value, &KeyPath::Key(path, key)))
    }

    /// The decoded value of an optional key; `None` when it is absent or wrong.
    pub(super) fn optional<'t, T>(
        &mut self,
        table: &mut Table<'_, 't>,
        path: &KeyPath<'_>,
        key: &'static str,
        decode: impl FnOnce(&mut Self, &mut Node<'t>, &KeyPath<'_>) -> Option<T>,
    ) -> Option<T> {
        self.field(table, path, key, decode).flatten()
    }

    /// The decoded value of an optional key, `default` when it is absent; `None` when
    /// it is wrong.
    pub(super) fn defaulted<'t, T>(
        &mut self,
        table: &mut Table<'_, 't>,
        path: &KeyPath<'_>,
        key: &'static str,
        default: T,
        decode: impl FnOnce(&mut Self, &mut Node<'t>, &KeyPath<'_>) -> Option<T>,
    ) -> Option<T> {
        self.field(table, path, key, decode).unwrap_or(Some(default))
    }

    /// The value of an optional key whose decoder always gives one (reporting what it
    /// leaves out), the type's default when it is absent.
    pub(super) fn or_default<'t, T: Default>(
        &mut self,
        table: &mut Table<'_, 't>,
        path: &KeyPath<'_>,
        key: &'static str,
        decode: impl FnOnce(&mut Self, &mut Node<'t>, &KeyPath<'_>) -> T,
    ) -> T {
        self.field(table, path, key, |decoder, node, path| {
            Some(decode(decoder, node, path))
        })
        .flatten()
        .unwrap_or_default()
    }

    /// The decoded value of a required key; a missing key is reported with
    /// `example_value` as what to add.
    pub(super) fn required<'t, T>(
        &mut self,
        table: &mut Table<'_, 't>,
        path: &KeyPath<'_>,
        key: &'static str,
        example_value: &str,
        decode: impl FnOnce(&mut Self, &mut Node<'t>, &KeyPath<'_>) -> Option<T>,
    ) -> Option<T> {
        let decoded = self.field(table, path, key, decode);
        if decoded.is_none() {
            self.missing(&table.span, path, key, example_value);
        }
        decoded.flatten()
    }

    /// Reports every key of the table that was never asked for, listing the ones that
    /// were.
    pub(super) fn finish(&mut self, table: Table<'_, '_>, path: &KeyPath<'_>) {
        for entry in table.entries.iter() {
            if !table.asked().contains(&&*entry.key) {
                self.unknown_key(entry, path, table.asked());
            }
        }
    }
}

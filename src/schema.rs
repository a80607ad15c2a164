//! JSON Schemas of the charter and the report, as charterlint publishes them.

/// The charter JSON Schema, as checked in at `schemas/charter.schema.json`;
/// `rule_names` are the rules `[lint] severity` may name (the model knows no rules).
pub fn charter_schema(rule_names: &[&str]) -> String {
    let mut schema = schema_value::<crate::charter::Charter>();
    if let Some(overrides) = schema.pointer_mut("/$defs/SeverityOverrides")
        && let Some(object) = overrides.as_object_mut()
    {
        object.insert("propertyNames".to_string(), serde_json::json!({ "enum": rule_names }));
    }
    format!("{}\n", serde_json::to_string_pretty(&schema).unwrap_or_default())
}

/// A type's JSON Schema, pretty-printed. Absent optional keys are left out, never
/// `null`, because charterlint refuses `null` values.
pub(crate) fn schema_text<T: schemars::JsonSchema>() -> String {
    format!(
        "{}\n",
        serde_json::to_string_pretty(&schema_value::<T>()).unwrap_or_default()
    )
}

/// A type's JSON Schema as a value, without `null` alternatives.
pub(crate) fn schema_value<T: schemars::JsonSchema>() -> serde_json::Value {
    let mut schema = schemars::schema_for!(T).to_value();
    remove_null(&mut schema);
    standard_formats_only(&mut schema);
    schema
}

/// Replaces the formats schemars gives Rust numbers (`uint`, `uint32`, `double`),
/// which no JSON Schema draft defines and strict validators refuse, with the bounds
/// they stand for. Standard formats such as `date` stay.
fn standard_formats_only(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(object) => {
            let maximum = match object.get("format").and_then(Value::as_str) {
                Some("uint8") => Some(u64::from(u8::MAX)),
                Some("uint16") => Some(u64::from(u16::MAX)),
                Some("uint32") => Some(u64::from(u32::MAX)),
                Some("uint" | "uint64" | "int" | "int8" | "int16" | "int32" | "int64" | "double" | "float") => None,
                _ => {
                    object.values_mut().for_each(standard_formats_only);
                    return;
                }
            };
            object.remove("format");
            if let Some(maximum) = maximum {
                object.entry("maximum").or_insert(Value::from(maximum));
            }
            object.values_mut().for_each(standard_formats_only);
        }
        Value::Array(items) => items.iter_mut().for_each(standard_formats_only),
        _ => {}
    }
}

/// Removes the `null` alternative schemars gives every `Option`.
fn remove_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    let Value::Object(object) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(remove_null);
        }
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|kind| kind != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".to_string(), only);
        }
    }
    if let Some(Value::Array(alternatives)) = object.get_mut("anyOf") {
        alternatives.retain(|alternative| alternative.get("type").is_none_or(|kind| kind != "null"));
        if alternatives.len() == 1
            && let Some(Value::Object(inner)) = alternatives.pop()
        {
            object.remove("anyOf");
            object.extend(inner);
        }
    }
    object.values_mut().for_each(remove_null);
}

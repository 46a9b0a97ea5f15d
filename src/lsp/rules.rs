//! Rule files (`.rule`): hover on a field (its type and meaning) and completion of fields
//! after `.`, from the one field table ([`crate::dsl::schema::fields`]).
//!
//! The object a field is read from is found from the text: a variable is bound by `for`,
//! `some`, `all`, `no` or `any` over a root collection (`for p in plans`) or a field path
//! (`some u in p.upper`), and each field of a path has its type in the table. When the
//! object cannot be told, the fields of every object are offered.

use std::sync::LazyLock;

use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};

use crate::dsl::schema::{ObjType, Type, fields, root};
use crate::i18n::Lang;
use crate::tr;

/// A binding of a variable: the quantifier, the variable, the collection.
static BINDING: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:for|some|all|no|any)\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+([A-Za-z_][A-Za-z0-9_.]*)",
    )
    .ok()
});

/// The object a value of type `ty` is, or holds a list of.
fn object_of(ty: &Type) -> Option<ObjType> {
    match ty {
        Type::Obj(object) => Some(*object),
        Type::List(item) => object_of(item),
        _ => None,
    }
}

/// The type of the field `name` of `object`.
fn field_type(object: ObjType, name: &str) -> Option<Type> {
    fields(object)
        .into_iter()
        .find(|(field, _, _)| *field == name)
        .map(|(_, _, ty)| ty)
}

/// The object a dotted path (`p.approval`) reads, as the text before it binds its variable.
fn path_object(before: &str, path: &str, depth: usize) -> Option<ObjType> {
    if depth > 8 {
        return None;
    }
    let mut parts = path.split('.');
    let head = parts.next()?;
    let mut object = match BINDING
        .as_ref()?
        .captures_iter(before)
        .filter(|captures| captures.get(1).is_some_and(|var| var.as_str() == head))
        .last()
    {
        Some(captures) => {
            let collection = captures.get(2)?;
            let collection_text = collection.as_str();
            if collection_text.contains('.') {
                let bound_before = before.get(..collection.start()).unwrap_or("");
                path_object(bound_before, collection_text, depth + 1)?
            } else {
                root(collection_text)?
            }
        }
        None => root(head)?,
    };
    for part in parts {
        object = object_of(&field_type(object, part)?)?;
    }
    Some(object)
}

/// The meaning of a field, from the catalogue (empty when it has none).
fn meaning(object: ObjType, name: &str, lang: Lang) -> String {
    let id = format!("field-{}-{}", object.key(), name.replace('_', "-"));
    if crate::i18n::has(lang, &id) {
        crate::i18n::text(lang, &id, &[])
    } else {
        String::new()
    }
}

fn describe(object: ObjType, name: &str, ty: &Type, lang: Lang) -> String {
    format!(
        "`{}.{name}`: {}\n\n{}",
        object.key(),
        ty.describe(lang),
        meaning(object, name, lang)
    )
}

/// The dotted path that ends at `offset` (`p.approval.ins`), and where it starts.
fn path_before(text: &str, offset: usize) -> Option<(usize, &str)> {
    let before = text.get(..offset)?;
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    Some((start, before.get(start..)?))
}

/// Completion of fields after `.`: the fields of the object the path before reads.
pub(crate) fn complete(text: &str, offset: usize, lang: Lang) -> Vec<CompletionItem> {
    let Some((start, path)) = path_before(text, offset) else {
        return Vec::new();
    };
    let Some((object_path, _partial)) = path.rsplit_once('.') else {
        return Vec::new();
    };
    let before = text.get(..start).unwrap_or("");
    let objects: Vec<ObjType> = match path_object(before, object_path, 0) {
        Some(object) => vec![object],
        None => ObjType::ALL.to_vec(),
    };
    let mut items: Vec<CompletionItem> = Vec::new();
    for object in objects {
        for (name, _, ty) in fields(object) {
            if items.iter().any(|item| item.label == name) {
                continue;
            }
            items.push(CompletionItem {
                label: name.to_owned(),
                kind: Some(CompletionItemKind::FIELD),
                detail: Some(format!("{}: {}", object.key(), ty.describe(lang))),
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: describe(object, name, &ty, lang),
                })),
                ..CompletionItem::default()
            });
        }
    }
    items
}

/// Hover on a field of a path (`p.approval` on `approval`): its object, type and meaning.
pub(crate) fn hover(text: &str, offset: usize, lang: Lang) -> Option<String> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let end = text
        .get(offset..)?
        .find(|c: char| !is_word(c))
        .map_or(text.len(), |i| offset + i);
    let (start, path) = path_before(text, end)?;
    let (object_path, name) = path.rsplit_once('.')?;
    if name.is_empty() || offset < end.saturating_sub(name.len()) {
        return None;
    }
    let before = text.get(..start).unwrap_or("");
    let objects: Vec<ObjType> = match path_object(before, object_path, 0) {
        Some(object) => vec![object],
        None => ObjType::ALL.to_vec(),
    };
    let described: Vec<String> = objects
        .into_iter()
        .filter_map(|object| Some(describe(object, name, &field_type(object, name)?, lang)))
        .collect();
    if described.is_empty() {
        return Some(tr!(lang, "lsp-rule-no-field", field = name));
    }
    Some(described.join("\n\n---\n\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = "rule X-01 x {\n  for p in plans\n  where some u in p.upper\n  require exists(p.approval.) and u.\n}\n";

    fn labels(items: &[CompletionItem]) -> Vec<&str> {
        items.iter().map(|item| item.label.as_str()).collect()
    }

    #[test]
    fn fields_after_a_dot_are_those_of_the_object_the_path_reads() {
        let approval = RULE.find("p.approval.").unwrap() + "p.approval.".len();
        let items = complete(RULE, approval, Lang::En);
        let expected: Vec<&str> = fields(ObjType::Approval).iter().map(|f| f.0).collect();
        assert_eq!(labels(&items), expected);
        // `u` ranges over `p.upper`: the objects the table says that field holds.
        let upper = RULE.find("u.\n").unwrap() + 2;
        let held = object_of(&field_type(ObjType::Plan, "upper").unwrap()).unwrap();
        let expected: Vec<&str> = fields(held).iter().map(|f| f.0).collect();
        assert_eq!(labels(&complete(RULE, upper, Lang::En)), expected);
    }

    #[test]
    fn hover_on_a_field_names_its_object_and_type() {
        let on = RULE.find("upper").unwrap() + 1;
        let text = hover(RULE, on, Lang::En).unwrap();
        assert!(text.starts_with("`plan.upper`: "), "{text}");
        assert!(hover(RULE, RULE.find("plans").unwrap(), Lang::En).is_none());
    }
}

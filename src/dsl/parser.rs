//! Rule text → [`RuleFile`]. The only module that sees pest: `Pairs` become the
//! typed AST here, and pest errors become [`RuleError`]s worded for people.

use pest::Parser as _;
use pest::iterators::Pair;

use crate::dsl::RuleError;
use crate::dsl::ast::{
    BinaryOp, Binding, BindingSource, DefAst, Expr, ExprKind, LetAst, Quantifier, RuleAst,
    RuleFile, Template, TemplatePart,
};
use crate::i18n::Lang;
use crate::source::{FileId, Span, Spanned};
use crate::tr;

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/alignment.pest"]
    pub(super) struct RuleParser;
}

use grammar::{Rule, RuleParser};

/// The deepest nesting the parser follows (pest's call limit keeps hostile files bounded).
const CALL_LIMIT: usize = 2_000_000;
/// The deepest expression nesting accepted (brackets, prefix operators, chains of operators
/// and of field accesses); deeper rule files are errors, not stack overflows.
pub const MAX_EXPR_DEPTH: usize = 200;

/// Parses one rule file; errors are worded in `lang`.
///
/// # Errors
/// The syntax error, with the expected tokens in words.
pub fn parse(file: FileId, text: &str, lang: Lang) -> Result<RuleFile, RuleError> {
    pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT));
    if let Some(offset) = too_deep(text) {
        return Err(RuleError::new(
            Span::new(file, offset, offset + 1),
            tr!(lang, "dsl-too-deep", levels = MAX_EXPR_DEPTH),
            &tr!(lang, "dsl-too-deep-label"),
        ));
    }
    let mut pairs = RuleParser::parse(Rule::file, text)
        .map_err(|error| syntax_error(file, text, &error, lang))?;
    let mut converter = Converter { file, lang };
    let mut rule_file = RuleFile::default();
    // grammar guarantees: `file` is the single top-level pair.
    let Some(top) = pairs.next() else {
        return Ok(rule_file);
    };
    for item in top.into_inner() {
        match item.as_rule() {
            Rule::rule_def => rule_file.rules.push(converter.rule(item)?),
            Rule::let_def => {
                let mut inner = item.into_inner();
                let (Some(name), Some(value)) = (inner.next(), inner.next()) else {
                    continue;
                };
                rule_file.lets.push(LetAst {
                    name: converter.spanned(&name),
                    value: converter.expr(value)?,
                });
            }
            Rule::def_def => {
                let pairs: Vec<_> = item.into_inner().collect();
                let Some((body, names)) = pairs.split_last() else {
                    continue;
                };
                let Some((name, params)) = names.split_first() else {
                    continue;
                };
                rule_file.defs.push(DefAst {
                    name: converter.spanned(name),
                    params: params.iter().map(|p| converter.spanned(p)).collect(),
                    body: converter.expr(body.clone())?,
                });
            }
            _ => {}
        }
    }
    Ok(rule_file)
}

/// The offset where the text nests deeper than the limit, if any: a bracket, or a run of
/// prefix operators (`not`, `-`), each of which puts the rest of the expression one level
/// deeper. Checked on the text, before the parser recurses into it.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut prefixes = 0usize;
    let mut in_string = false;
    let mut offset = 0;
    while let Some(&byte) = bytes.get(offset) {
        let mut next = offset + 1;
        match byte {
            b'"' => {
                in_string = !in_string;
                prefixes = 0;
            }
            b'(' | b'[' | b'{' if !in_string || byte == b'{' => {
                depth += 1;
                if depth > MAX_EXPR_DEPTH {
                    return Some(offset);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ if in_string => {}
            b'#' => next = line_end(bytes, offset),
            b'/' if bytes.get(offset + 1) == Some(&b'/') => next = line_end(bytes, offset),
            b'-' => {
                prefixes += 1;
                if prefixes > MAX_EXPR_DEPTH {
                    return Some(offset);
                }
            }
            _ if byte.is_ascii_alphanumeric() || byte == b'_' => {
                next = bytes
                    .iter()
                    .skip(offset)
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .map_or(bytes.len(), |length| offset + length);
                if bytes.get(offset..next) == Some(b"not".as_slice()) {
                    prefixes += 1;
                    if prefixes > MAX_EXPR_DEPTH {
                        return Some(offset);
                    }
                } else {
                    prefixes = 0;
                }
            }
            _ if byte.is_ascii_whitespace() => {}
            _ => prefixes = 0,
        }
        offset = next;
    }
    None
}

/// The offset of the line break after `offset` (or the end of the text).
fn line_end(bytes: &[u8], offset: usize) -> usize {
    bytes
        .iter()
        .skip(offset)
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |length| offset + length)
}

/// Whether `expr` nests deeper than `limit` levels (walked without recursion: the tree may
/// be one level too deep for a recursive walk's taste).
fn deeper_than(expr: &Expr, limit: usize) -> bool {
    let mut stack = vec![(expr, 1usize)];
    while let Some((expr, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(
            children(&expr.kind)
                .into_iter()
                .map(|child| (child, depth + 1)),
        );
    }
    false
}

/// The expressions directly inside an expression.
fn children(kind: &ExprKind) -> Vec<&Expr> {
    match kind {
        ExprKind::Number(_) | ExprKind::Bool(_) | ExprKind::Name(_) => Vec::new(),
        ExprKind::Str(template) => template
            .parts
            .iter()
            .filter_map(|part| match part {
                TemplatePart::Expr(inner) => Some(inner),
                TemplatePart::Text(_) => None,
            })
            .collect(),
        ExprKind::Field(inner, _)
        | ExprKind::Not(inner)
        | ExprKind::Negate(inner)
        | ExprKind::Count(inner) => vec![&**inner],
        ExprKind::Index(left, right)
        | ExprKind::Binary(_, left, right)
        | ExprKind::Quantified(_, _, left, right)
        | ExprKind::CountWhere(_, left, right) => vec![&**left, &**right],
        ExprKind::Call(_, items) | ExprKind::List(items) => items.iter().collect(),
        ExprKind::Comprehension {
            item,
            source,
            filter,
            ..
        } => [Some(&**item), Some(&**source), filter.as_deref()]
            .into_iter()
            .flatten()
            .collect(),
    }
}

fn syntax_error(
    file: FileId,
    text: &str,
    error: &pest::error::Error<Rule>,
    lang: Lang,
) -> RuleError {
    let offset = match error.location {
        pest::error::InputLocation::Pos(pos) => pos,
        pest::error::InputLocation::Span((start, _)) => start,
    };
    let end = text
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    let (message, label) = match &error.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut words: Vec<String> = positives
                .iter()
                .filter_map(|rule| describe(*rule, lang))
                .collect();
            words.sort_unstable();
            words.dedup();
            let found = text
                .get(offset..)
                .and_then(|rest| rest.split_whitespace().next())
                .map_or_else(
                    || tr!(lang, "dsl-expect-end"),
                    |word| format!("`{}`", shorten(word)),
                );
            let expected = match words.as_slice() {
                [] => tr!(lang, "dsl-syntax-something-else"),
                [one] => one.clone(),
                [init @ .., last] => tr!(
                    lang,
                    "dsl-syntax-or",
                    init = init.join(", "),
                    last = last.as_str()
                ),
            };
            (
                tr!(
                    lang,
                    "dsl-syntax-expected",
                    expected = expected.as_str(),
                    found = found
                ),
                tr!(lang, "dsl-syntax-expected-label", expected = expected),
            )
        }
        pest::error::ErrorVariant::CustomError { message } => (
            tr!(lang, "dsl-syntax-other", message = message.as_str()),
            tr!(lang, "dsl-here"),
        ),
    };
    RuleError::new(Span::new(file, offset, end), message, &label)
}

fn shorten(word: &str) -> String {
    let mut chars = word.chars();
    let short: String = chars.by_ref().take(24).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

/// Grammar rules in words, for "expected …" messages: keywords as written, the rest in `lang`.
fn describe(rule: Rule, lang: Lang) -> Option<String> {
    let keyword = match rule {
        Rule::rule_def => "`rule`",
        Rule::let_def => "`let`",
        Rule::def_def => "`def`",
        Rule::title_field | Rule::title_kw => "`title`",
        Rule::severity_field => "`severity`",
        Rule::pillar_field => "`pillar`",
        Rule::check_field => "`check`",
        Rule::source_field => "`source`",
        Rule::status_field => "`status`",
        Rule::for_clause => "`for`",
        Rule::where_clause => "`where`",
        Rule::require_clause => "`require`",
        Rule::message_clause | Rule::message_kw => "`message`",
        Rule::help_clause | Rule::help_kw => "`help`",
        Rule::sum_op => "`+` or `-`",
        Rule::product_op => "`*` or `/`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_not => "`not`",
        Rule::kw_in => "`in`",
        Rule::kw_of => "`of`",
        Rule::field_access => "`.field`",
        Rule::index => "`[index]`",
        Rule::count_expr => "`count`",
        _ => "",
    };
    if !keyword.is_empty() {
        return Some(match rule {
            Rule::sum_op => tr!(lang, "dsl-syntax-or", init = "`+`", last = "`-`"),
            Rule::product_op => tr!(lang, "dsl-syntax-or", init = "`*`", last = "`/`"),
            _ => keyword.to_owned(),
        });
    }
    Some(match rule {
        Rule::doc_line => tr!(lang, "dsl-expect-doc-line"),
        Rule::rule_id => tr!(lang, "dsl-expect-rule-id"),
        Rule::slug => tr!(lang, "dsl-expect-slug"),
        Rule::lang_tag | Rule::lang_code => tr!(lang, "dsl-expect-lang-tag"),
        Rule::binding => tr!(lang, "dsl-expect-binding"),
        Rule::root_collection | Rule::root_name => tr!(lang, "dsl-expect-collection"),
        Rule::kind_list => tr!(lang, "dsl-expect-plan-kind"),
        Rule::expr
        | Rule::or_expr
        | Rule::and_expr
        | Rule::not_expr
        | Rule::comparison
        | Rule::coalesce
        | Rule::sum
        | Rule::product
        | Rule::unary
        | Rule::postfix => tr!(lang, "dsl-expect-expression"),
        Rule::compare_op | Rule::not_in => tr!(lang, "dsl-expect-comparison"),
        Rule::number => tr!(lang, "dsl-expect-number"),
        Rule::string => tr!(lang, "dsl-expect-string"),
        Rule::boolean => tr!(lang, "dsl-expect-boolean"),
        Rule::ident => tr!(lang, "dsl-expect-name"),
        Rule::quantified | Rule::quantifier => tr!(lang, "dsl-expect-quantifier"),
        Rule::list | Rule::comprehension => tr!(lang, "dsl-expect-list"),
        Rule::call => tr!(lang, "dsl-expect-call"),
        Rule::EOI => tr!(lang, "dsl-expect-end"),
        _ => return None,
    })
}

/// The language of a text of a rule: `title` is English, `title.es` Spanish.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextLang {
    En,
    Es,
}

struct Converter {
    file: FileId,
    /// The language errors are worded in.
    lang: Lang,
}

impl Converter {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let span = pair.as_span();
        Span::new(self.file, span.start(), span.end())
    }

    fn spanned(&self, pair: &Pair<'_, Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_owned(), self.span(pair))
    }

    fn rule(&mut self, pair: Pair<'_, Rule>) -> Result<RuleAst, RuleError> {
        let mut docs = Vec::new();
        let mut id = None;
        let mut slug = None;
        let mut rule = RuleAst {
            docs: Vec::new(),
            span: self.span(&pair),
            full: self.span(&pair),
            id: Spanned::new(String::new(), self.span(&pair)),
            slug: Spanned::new(String::new(), self.span(&pair)),
            title: None,
            title_es: None,
            severity: None,
            pillar: None,
            check: None,
            source: None,
            status: None,
            bindings: Vec::new(),
            filter: None,
            require: Expr {
                kind: ExprKind::Bool(true),
                span: self.span(&pair),
            },
            message: Template {
                parts: Vec::new(),
                span: self.span(&pair),
            },
            message_es: None,
            at: None,
            help: None,
            help_es: None,
        };
        let mut has_message = false;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::doc_line => {
                    let text = part.into_inner().next().map_or("", |t| t.as_str());
                    docs.push(text.strip_prefix(' ').unwrap_or(text).trim_end().to_owned());
                }
                Rule::rule_id => id = Some(self.spanned(&part)),
                Rule::slug => slug = Some(self.spanned(&part)),
                Rule::title_field => {
                    let mut inner = part.into_inner();
                    let tag = inner.next().map(|kw| self.text_lang(&kw)).transpose()?;
                    let title = inner.next().and_then(|string| self.header_string(string));
                    let slot = match tag {
                        Some(TextLang::Es) => &mut rule.title_es,
                        _ => &mut rule.title,
                    };
                    if let Some(title) = title {
                        if slot.is_some() {
                            return Err(self.twice("title", tag, title.span));
                        }
                        *slot = Some(title);
                    }
                }
                Rule::source_field => {
                    rule.source = part
                        .into_inner()
                        .next()
                        .and_then(|string| self.header_string(string));
                }
                Rule::severity_field => {
                    rule.severity = part.into_inner().next().map(|p| self.spanned(&p));
                }
                Rule::pillar_field => {
                    rule.pillar = part.into_inner().next().map(|p| self.spanned(&p));
                }
                Rule::check_field => {
                    rule.check = part.into_inner().next().map(|p| self.spanned(&p));
                }
                Rule::status_field => {
                    rule.status = part.into_inner().next().map(|p| self.spanned(&p));
                }
                Rule::for_clause => {
                    for binding in part.into_inner() {
                        rule.bindings.push(self.binding(binding)?);
                    }
                }
                Rule::where_clause => {
                    if let Some(expr) = part.into_inner().next() {
                        rule.filter = Some(self.expr(expr)?);
                    }
                }
                Rule::require_clause => {
                    if let Some(expr) = part.into_inner().next() {
                        rule.require = self.expr(expr)?;
                    }
                }
                Rule::message_clause => {
                    let mut inner = part.into_inner();
                    let tag = inner.next().map(|kw| self.text_lang(&kw)).transpose()?;
                    let message = match inner.next() {
                        Some(text) => self.template(text)?,
                        None => continue,
                    };
                    let at = inner.next();
                    if tag == Some(TextLang::Es) {
                        if let Some(at) = at {
                            return Err(with_help(
                                RuleError::new(
                                    self.span(&at),
                                    tr!(self.lang, "dsl-translated-at"),
                                    &tr!(self.lang, "dsl-translated-at-label"),
                                ),
                                tr!(self.lang, "dsl-translated-at-help"),
                            ));
                        }
                        if rule.message_es.is_some() {
                            return Err(self.twice("message", tag, message.span));
                        }
                        rule.message_es = Some(message);
                    } else {
                        if has_message {
                            return Err(self.twice("message", tag, message.span));
                        }
                        has_message = true;
                        rule.message = message;
                        if let Some(at) = at {
                            rule.at = Some(self.expr(at)?);
                        }
                    }
                }
                Rule::help_clause => {
                    let mut inner = part.into_inner();
                    let tag = inner.next().map(|kw| self.text_lang(&kw)).transpose()?;
                    let Some(text) = inner.next() else {
                        continue;
                    };
                    let help = self.template(text)?;
                    let slot = match tag {
                        Some(TextLang::Es) => &mut rule.help_es,
                        _ => &mut rule.help,
                    };
                    if slot.is_some() {
                        return Err(self.twice("help", tag, help.span));
                    }
                    *slot = Some(help);
                }
                _ => {}
            }
        }
        rule.docs = docs;
        if let Some(id) = id {
            rule.span = id.span;
            rule.id = id;
        }
        if let Some(slug) = slug {
            rule.span = Span::new(self.file, rule.span.start as usize, slug.span.end as usize);
            rule.slug = slug;
        }
        if !has_message {
            return Err(with_help(
                RuleError::new(
                    rule.message_es.as_ref().map_or(rule.span, |m| m.span),
                    tr!(
                        self.lang,
                        "dsl-no-english-message",
                        rule = rule.id.value.as_str()
                    ),
                    &tr!(self.lang, "dsl-no-english-message-label"),
                ),
                tr!(self.lang, "dsl-no-english-message-help"),
            ));
        }
        Ok(rule)
    }

    /// The language a `title`, `message` or `help` keyword marks: English without a tag,
    /// Spanish with `.es`; any other tag is an error at the tag.
    fn text_lang(&self, keyword: &Pair<'_, Rule>) -> Result<TextLang, RuleError> {
        let word = keyword.as_str().split('.').next().unwrap_or_default();
        let Some(code) = keyword
            .clone()
            .into_inner()
            .flat_map(Pair::into_inner)
            .find(|p| p.as_rule() == Rule::lang_code)
        else {
            return Ok(TextLang::En);
        };
        if code.as_str() == "es" {
            return Ok(TextLang::Es);
        }
        Err(with_help(
            RuleError::new(
                self.span(&code),
                tr!(
                    self.lang,
                    "dsl-unknown-language",
                    code = code.as_str(),
                    keyword = word
                ),
                &tr!(self.lang, "dsl-unknown-language-label"),
            ),
            tr!(self.lang, "dsl-unknown-language-help", keyword = word),
        ))
    }

    /// The error for a text written twice in one language (`keyword` with its tag).
    fn twice(&self, keyword: &str, tag: Option<TextLang>, span: Span) -> RuleError {
        let written = match tag {
            Some(TextLang::Es) => format!("{keyword}.es"),
            _ => keyword.to_owned(),
        };
        RuleError::new(
            span,
            tr!(self.lang, "dsl-text-twice", keyword = written),
            &tr!(self.lang, "dsl-text-twice-label"),
        )
    }

    fn header_string(&mut self, string: Pair<'_, Rule>) -> Option<Spanned<String>> {
        let span = self.span(&string);
        let template = self.template(string).ok()?;
        let text = template
            .parts
            .iter()
            .map(|part| match part {
                TemplatePart::Text(text) => text.clone(),
                TemplatePart::Expr(_) => String::new(),
            })
            .collect();
        Some(Spanned::new(text, span))
    }

    fn binding(&mut self, pair: Pair<'_, Rule>) -> Result<Binding, RuleError> {
        let mut inner = pair.into_inner();
        let name = inner.next().map(|p| self.spanned(&p));
        let _in = inner.next();
        let source = inner.next();
        let (Some(name), Some(source)) = (name, source) else {
            return Err(RuleError::new(
                Span::file_start(self.file),
                tr!(self.lang, "dsl-incomplete-binding"),
                &tr!(self.lang, "dsl-here"),
            ));
        };
        let source = if source.as_rule() == Rule::root_collection {
            let mut parts = source.into_inner();
            let root = parts.next().map_or_else(
                || Spanned::new(String::new(), name.span),
                |p| self.spanned(&p),
            );
            let kinds = parts
                .find(|p| p.as_rule() == Rule::kind_list)
                .map(|list| list.into_inner().map(|k| self.spanned(&k)).collect())
                .unwrap_or_default();
            BindingSource::Root { name: root, kinds }
        } else {
            BindingSource::Expr(self.expr(source)?)
        };
        Ok(Binding { name, source })
    }

    fn template(&mut self, pair: Pair<'_, Rule>) -> Result<Template, RuleError> {
        let span = self.span(&pair);
        let mut parts = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::text => push_text(&mut parts, part.as_str()),
                Rule::escape => {
                    let escaped = match part.as_str() {
                        "\\n" => "\n",
                        other => other.get(1..).unwrap_or(""),
                    };
                    push_text(&mut parts, escaped);
                }
                Rule::interpolation => {
                    if let Some(expr) = part.into_inner().next() {
                        parts.push(TemplatePart::Expr(self.expr(expr)?));
                    }
                }
                _ => {}
            }
        }
        Ok(Template { parts, span })
    }

    fn expr(&mut self, pair: Pair<'_, Rule>) -> Result<Expr, RuleError> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner: Vec<Pair<'_, Rule>> = pair.clone().into_inner().collect();
        let kind = match rule {
            Rule::expr | Rule::primary => match inner.pop() {
                Some(only) => return self.expr(only),
                None => {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-empty-expression"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                }
            },
            Rule::or_expr | Rule::and_expr | Rule::coalesce => {
                let op = match rule {
                    Rule::or_expr => BinaryOp::Or,
                    Rule::and_expr => BinaryOp::And,
                    _ => BinaryOp::Coalesce,
                };
                let operands: Vec<_> = inner
                    .into_iter()
                    .filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and))
                    .collect();
                return self.fold(operands, |_| op);
            }
            Rule::sum | Rule::product => {
                let mut operands = Vec::new();
                let mut ops = Vec::new();
                for part in inner {
                    match part.as_rule() {
                        Rule::sum_op | Rule::product_op => ops.push(match part.as_str() {
                            "+" => BinaryOp::Add,
                            "-" => BinaryOp::Sub,
                            "*" => BinaryOp::Mul,
                            _ => BinaryOp::Div,
                        }),
                        _ => operands.push(part),
                    }
                }
                return self.fold(operands, |i| ops.get(i).copied().unwrap_or(BinaryOp::Add));
            }
            Rule::not_expr => {
                if inner.len() == 1 {
                    return self.expr(inner.remove(0));
                }
                let operand = inner.pop().map(|p| self.expr(p)).transpose()?;
                match operand {
                    Some(operand) => ExprKind::Not(Box::new(operand)),
                    None => {
                        return Err(RuleError::new(
                            span,
                            tr!(self.lang, "dsl-no-operand-not"),
                            &tr!(self.lang, "dsl-here"),
                        ));
                    }
                }
            }
            Rule::unary => {
                if inner.len() == 1 {
                    return self.expr(inner.remove(0));
                }
                let operand = inner.pop().map(|p| self.expr(p)).transpose()?;
                match operand {
                    Some(operand) => ExprKind::Negate(Box::new(operand)),
                    None => {
                        return Err(RuleError::new(
                            span,
                            tr!(self.lang, "dsl-no-operand-minus"),
                            &tr!(self.lang, "dsl-here"),
                        ));
                    }
                }
            }
            Rule::comparison => {
                if inner.len() == 1 {
                    return self.expr(inner.remove(0));
                }
                let right = inner.pop();
                let op = inner.pop();
                let left = inner.pop();
                let (Some(left), Some(op), Some(right)) = (left, op, right) else {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-incomplete-comparison"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                };
                let op = match op
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .as_slice()
                {
                    ["=="] => BinaryOp::Eq,
                    ["!="] => BinaryOp::Ne,
                    ["<"] => BinaryOp::Lt,
                    ["<="] => BinaryOp::Le,
                    [">"] => BinaryOp::Gt,
                    [">="] => BinaryOp::Ge,
                    ["in"] => BinaryOp::In,
                    _ => BinaryOp::NotIn,
                };
                ExprKind::Binary(op, Box::new(self.expr(left)?), Box::new(self.expr(right)?))
            }
            Rule::postfix => {
                let mut parts = inner.into_iter();
                let Some(first) = parts.next() else {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-empty-expression"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                };
                let mut expr = self.expr(first)?;
                for part in parts {
                    let part_span = self.span(&part);
                    let whole =
                        Span::new(self.file, expr.span.start as usize, part_span.end as usize);
                    let kind = if part.as_rule() == Rule::field_access {
                        let Some(name) = part.into_inner().next() else {
                            continue;
                        };
                        ExprKind::Field(Box::new(expr), self.spanned(&name))
                    } else {
                        let Some(index) = part.into_inner().next() else {
                            continue;
                        };
                        ExprKind::Index(Box::new(expr), Box::new(self.expr(index)?))
                    };
                    expr = self.bounded(Expr { kind, span: whole }, part_span)?;
                }
                return Ok(expr);
            }
            Rule::number => ExprKind::Number(pair.as_str().parse().unwrap_or(0.0)),
            Rule::boolean => ExprKind::Bool(pair.as_str() == "true"),
            Rule::string => ExprKind::Str(self.template(pair)?),
            Rule::ident => ExprKind::Name(pair.as_str().to_owned()),
            Rule::list => ExprKind::List(
                inner
                    .into_iter()
                    .map(|p| self.expr(p))
                    .collect::<Result<_, _>>()?,
            ),
            Rule::call => {
                let mut parts = inner.into_iter();
                let Some(name) = parts.next() else {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-empty-call"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                };
                let name = self.spanned(&name);
                ExprKind::Call(name, parts.map(|p| self.expr(p)).collect::<Result<_, _>>()?)
            }
            Rule::quantified => {
                let mut parts = inner.into_iter();
                let (Some(quantifier), Some(name), Some(_in), Some(source), Some(predicate)) = (
                    parts.next(),
                    parts.next(),
                    parts.next(),
                    parts.next(),
                    parts.next(),
                ) else {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-incomplete-quantifier"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                };
                let quantifier = match quantifier.as_str() {
                    "some" => Quantifier::Some,
                    "every" => Quantifier::Every,
                    _ => Quantifier::No,
                };
                ExprKind::Quantified(
                    quantifier,
                    self.spanned(&name),
                    Box::new(self.expr(source)?),
                    Box::new(self.expr(predicate)?),
                )
            }
            Rule::count_expr => {
                let Some(argument) = inner.pop() else {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-empty-count"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                };
                if argument.as_rule() == Rule::count_filter {
                    let mut parts = argument.into_inner();
                    let (Some(name), Some(_in), Some(source), Some(predicate)) =
                        (parts.next(), parts.next(), parts.next(), parts.next())
                    else {
                        return Err(RuleError::new(
                            span,
                            tr!(self.lang, "dsl-incomplete-count"),
                            &tr!(self.lang, "dsl-here"),
                        ));
                    };
                    ExprKind::CountWhere(
                        self.spanned(&name),
                        Box::new(self.expr(source)?),
                        Box::new(self.expr(predicate)?),
                    )
                } else {
                    ExprKind::Count(Box::new(self.expr(argument)?))
                }
            }
            Rule::comprehension => {
                let mut parts = inner.into_iter();
                let (Some(item), Some(name), Some(_in), Some(source)) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-incomplete-comprehension"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                };
                let filter = parts
                    .next()
                    .map(|p| self.expr(p))
                    .transpose()?
                    .map(Box::new);
                ExprKind::Comprehension {
                    item: Box::new(self.expr(item)?),
                    name: self.spanned(&name),
                    source: Box::new(self.expr(source)?),
                    filter,
                }
            }
            _ => match inner.pop() {
                Some(only) => return self.expr(only),
                None => {
                    return Err(RuleError::new(
                        span,
                        tr!(self.lang, "dsl-unexpected-text"),
                        &tr!(self.lang, "dsl-here"),
                    ));
                }
            },
        };
        self.bounded(Expr { kind, span }, span)
    }

    /// Folds `a op b op c` to the left.
    fn fold(
        &mut self,
        operands: Vec<Pair<'_, Rule>>,
        op_at: impl Fn(usize) -> BinaryOp,
    ) -> Result<Expr, RuleError> {
        let mut operands = operands.into_iter();
        let Some(first) = operands.next() else {
            return Err(RuleError::new(
                Span::file_start(self.file),
                tr!(self.lang, "dsl-empty-expression"),
                &tr!(self.lang, "dsl-here"),
            ));
        };
        let mut expr = self.expr(first)?;
        for (i, operand) in operands.enumerate() {
            let right = self.expr(operand)?;
            let (start, right_span) = (expr.span.start as usize, right.span);
            expr = self.bounded(
                Expr {
                    kind: ExprKind::Binary(op_at(i), Box::new(expr), Box::new(right)),
                    span: Span::new(self.file, start, right_span.end as usize),
                },
                right_span,
            )?;
        }
        Ok(expr)
    }

    /// `expr`, unless it nests deeper than [`MAX_EXPR_DEPTH`]: then the error, at `at`.
    /// Every node is checked as it is built, so no tree deeper than the limit is kept (a deep
    /// one would overflow the stack of the passes that walk it, and of its own drop).
    fn bounded(&self, expr: Expr, at: Span) -> Result<Expr, RuleError> {
        if deeper_than(&expr, MAX_EXPR_DEPTH) {
            let start = at.start as usize;
            return Err(RuleError::new(
                Span::new(self.file, start, start + 1),
                tr!(self.lang, "dsl-too-deep", levels = MAX_EXPR_DEPTH),
                &tr!(self.lang, "dsl-too-deep-label"),
            ));
        }
        Ok(expr)
    }
}

/// `error` with a help line.
fn with_help(mut error: RuleError, help: String) -> RuleError {
    error.help = Some(help);
    error
}

fn push_text(parts: &mut Vec<TemplatePart>, text: &str) {
    if let Some(TemplatePart::Text(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(TemplatePart::Text(text.to_owned()));
    }
}

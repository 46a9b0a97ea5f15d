//! Rule text → [`RuleFile`]. The only module that sees pest: `Pairs` become the
//! typed AST here, and pest errors become [`RuleError`]s worded for people.

use pest::Parser as _;
use pest::iterators::Pair;

use crate::dsl::RuleError;
use crate::dsl::ast::{
    BinaryOp, Binding, BindingSource, DefAst, Expr, ExprKind, LetAst, Quantifier, RuleAst,
    RuleFile, Template, TemplatePart,
};
use crate::source::{FileId, Span, Spanned};

mod grammar {
    #[derive(pest_derive::Parser)]
    #[grammar = "../grammar/alignment.pest"]
    pub(super) struct RuleParser;
}

use grammar::{Rule, RuleParser};

/// The deepest nesting the parser follows (pest's call limit keeps hostile files bounded).
const CALL_LIMIT: usize = 2_000_000;
/// The deepest expression nesting accepted; deeper rule files are errors, not stack overflows.
const MAX_EXPR_DEPTH: usize = 200;

/// Parses one rule file.
///
/// # Errors
/// The syntax error, with the expected tokens in words.
pub fn parse(file: FileId, text: &str) -> Result<RuleFile, RuleError> {
    pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT));
    if let Some(offset) = too_deep(text) {
        return Err(RuleError::new(
            Span::new(file, offset, offset + 1),
            format!("expression nested deeper than {MAX_EXPR_DEPTH} levels"),
            "too deep",
        ));
    }
    let mut pairs =
        RuleParser::parse(Rule::file, text).map_err(|error| syntax_error(file, text, &error))?;
    let mut converter = Converter { file };
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

/// The offset of the first bracket nested deeper than the limit, if any.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    for (offset, byte) in text.bytes().enumerate() {
        match byte {
            b'"' => in_string = !in_string,
            b'(' | b'[' | b'{' if !in_string || byte == b'{' => {
                depth += 1;
                if depth > MAX_EXPR_DEPTH {
                    return Some(offset);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn syntax_error(file: FileId, text: &str, error: &pest::error::Error<Rule>) -> RuleError {
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
            let mut words: Vec<&str> = positives
                .iter()
                .filter_map(|rule| describe(*rule))
                .collect();
            words.sort_unstable();
            words.dedup();
            let found = text
                .get(offset..)
                .and_then(|rest| rest.split_whitespace().next())
                .map_or_else(
                    || "the end of the file".to_owned(),
                    |word| format!("`{}`", shorten(word)),
                );
            let expected = match words.as_slice() {
                [] => "something else".to_owned(),
                [one] => (*one).to_owned(),
                [init @ .., last] => format!("{} or {last}", init.join(", ")),
            };
            (
                format!("syntax error: expected {expected}, found {found}"),
                format!("expected {expected}"),
            )
        }
        pest::error::ErrorVariant::CustomError { message } => {
            (format!("syntax error: {message}"), "here".to_owned())
        }
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

/// Grammar rules in words, for "expected …" messages.
fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::rule_def => "`rule`",
        Rule::let_def => "`let`",
        Rule::def_def => "`def`",
        Rule::doc_line => "a `///` documentation line",
        Rule::rule_id => "a rule id such as `ART-01`",
        Rule::slug => "a slug such as `objective-not-articulated`",
        Rule::title_field => "`title`",
        Rule::severity_field => "`severity`",
        Rule::pillar_field => "`pillar`",
        Rule::source_field => "`source`",
        Rule::status_field => "`status`",
        Rule::for_clause => "`for`",
        Rule::where_clause => "`where`",
        Rule::require_clause => "`require`",
        Rule::message_clause => "`message`",
        Rule::help_clause => "`help`",
        Rule::binding => "a binding such as `o in objectives`",
        Rule::root_collection | Rule::root_name => "a collection such as `objectives`",
        Rule::kind_list => "a plan kind",
        Rule::expr
        | Rule::or_expr
        | Rule::and_expr
        | Rule::not_expr
        | Rule::comparison
        | Rule::coalesce
        | Rule::sum
        | Rule::product
        | Rule::unary
        | Rule::postfix => "an expression",
        Rule::compare_op | Rule::not_in => "a comparison such as `==` or `in`",
        Rule::sum_op => "`+` or `-`",
        Rule::product_op => "`*` or `/`",
        Rule::kw_and => "`and`",
        Rule::kw_or => "`or`",
        Rule::kw_not => "`not`",
        Rule::kw_in => "`in`",
        Rule::kw_of => "`of`",
        Rule::field_access => "`.field`",
        Rule::index => "`[index]`",
        Rule::number => "a number",
        Rule::string => "a string",
        Rule::boolean => "`true` or `false`",
        Rule::ident => "a name",
        Rule::quantified | Rule::quantifier => "`some`, `every` or `no`",
        Rule::count_expr => "`count`",
        Rule::list | Rule::comprehension => "a list",
        Rule::call => "a function call",
        Rule::EOI => "the end of the file",
        _ => return None,
    })
}

struct Converter {
    file: FileId,
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
            severity: None,
            pillar: None,
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
            at: None,
            help: None,
        };
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::doc_line => {
                    let text = part.into_inner().next().map_or("", |t| t.as_str());
                    docs.push(text.strip_prefix(' ').unwrap_or(text).trim_end().to_owned());
                }
                Rule::rule_id => id = Some(self.spanned(&part)),
                Rule::slug => slug = Some(self.spanned(&part)),
                Rule::title_field => rule.title = self.header_string(part),
                Rule::source_field => rule.source = self.header_string(part),
                Rule::severity_field => {
                    rule.severity = part.into_inner().next().map(|p| self.spanned(&p));
                }
                Rule::pillar_field => {
                    rule.pillar = part.into_inner().next().map(|p| self.spanned(&p));
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
                    if let Some(text) = inner.next() {
                        rule.message = self.template(text)?;
                    }
                    if let Some(at) = inner.next() {
                        rule.at = Some(self.expr(at)?);
                    }
                }
                Rule::help_clause => {
                    if let Some(text) = part.into_inner().next() {
                        rule.help = Some(self.template(text)?);
                    }
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
        Ok(rule)
    }

    fn header_string(&mut self, pair: Pair<'_, Rule>) -> Option<Spanned<String>> {
        let string = pair.into_inner().next()?;
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
                "incomplete binding".to_owned(),
                "here",
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
                None => return Err(RuleError::new(span, "empty expression".to_owned(), "here")),
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
                            "`not` without an operand".to_owned(),
                            "here",
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
                            "`-` without an operand".to_owned(),
                            "here",
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
                        "incomplete comparison".to_owned(),
                        "here",
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
                    return Err(RuleError::new(span, "empty expression".to_owned(), "here"));
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
                    expr = Expr { kind, span: whole };
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
                    return Err(RuleError::new(span, "empty call".to_owned(), "here"));
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
                        "incomplete quantifier".to_owned(),
                        "here",
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
                    return Err(RuleError::new(span, "empty `count`".to_owned(), "here"));
                };
                if argument.as_rule() == Rule::count_filter {
                    let mut parts = argument.into_inner();
                    let (Some(name), Some(_in), Some(source), Some(predicate)) =
                        (parts.next(), parts.next(), parts.next(), parts.next())
                    else {
                        return Err(RuleError::new(
                            span,
                            "incomplete `count`".to_owned(),
                            "here",
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
                        "incomplete list comprehension".to_owned(),
                        "here",
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
                None => return Err(RuleError::new(span, "unexpected text".to_owned(), "here")),
            },
        };
        Ok(Expr { kind, span })
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
                "empty expression".to_owned(),
                "here",
            ));
        };
        let mut expr = self.expr(first)?;
        for (i, operand) in operands.enumerate() {
            let right = self.expr(operand)?;
            let span = Span::new(self.file, expr.span.start as usize, right.span.end as usize);
            expr = Expr {
                kind: ExprKind::Binary(op_at(i), Box::new(expr), Box::new(right)),
                span,
            };
        }
        Ok(expr)
    }
}

fn push_text(parts: &mut Vec<TemplatePart>, text: &str) {
    if let Some(TemplatePart::Text(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(TemplatePart::Text(text.to_owned()));
    }
}

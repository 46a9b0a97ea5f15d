//! The checker: names, fields, enum words, function arities and operand types
//! are checked against the schema before anything runs, and checked rules are
//! compiled to the IR. [`CheckedRule`] has no other constructor.

use std::collections::HashMap;

use crate::dsl::RuleError;
use crate::dsl::ast::{
    BinaryOp, BindingSource, DefAst, Expr, ExprKind, RuleAst, RuleFile, Template, TemplatePart,
};
use crate::dsl::ir::{CheckedRule, Ir, IrPart, Lit, Root, RuleMeta, Source};
use crate::dsl::schema::{BUILTINS, Builtin, EnumKind, ObjType, Type, fields, root};
use crate::i18n::Lang;
use crate::plan::model::PlanKind;
use crate::report::{Pillar, Severity};
use crate::source::{Span, Spanned};
use crate::suggest::did_you_mean;
use crate::tr;

/// Checks and compiles the rules of one file; `text` is the file's text (each rule keeps its
/// own). Errors are worded in `lang`.
pub(crate) fn check_file(
    file: &RuleFile,
    text: &str,
    file_name: &str,
    lang: Lang,
) -> (Vec<CheckedRule>, Vec<RuleError>) {
    let mut checker = Checker {
        lang,
        consts: HashMap::new(),
        defs: file
            .defs
            .iter()
            .map(|d| (d.name.value.clone(), d))
            .collect(),
        errors: Vec::new(),
        scope: Vec::new(),
        slots: 0,
        inlining: Vec::new(),
        inlined: 0,
        in_place: false,
    };
    for def in &file.defs {
        if BUILTINS.iter().any(|(name, _)| *name == def.name.value) {
            let message = tr!(lang, "dsl-builtin-name", name = def.name.value.as_str());
            checker.error(
                def.name.span,
                message,
                &tr!(lang, "dsl-builtin-name-label"),
                None,
            );
        }
    }
    for constant in &file.lets {
        checker.scope.clear();
        if let Some((ir, ty)) = checker.infer(&constant.value, None) {
            checker.consts.insert(constant.name.value.clone(), (ir, ty));
        }
    }
    let mut rules = Vec::new();
    for rule in &file.rules {
        if let Some(checked) = checker.rule(rule, text, file_name) {
            rules.push(checked);
        }
    }
    (rules, checker.errors)
}

/// What a built-in function expects of an argument, for the error when it gets something else.
enum Expected {
    /// A value of this type.
    Type(Type),
    /// Text or a list (`len`).
    TextOrList,
    /// A list of anything.
    AnyList,
}

/// The most `def` calls one rule may expand into (each call is a copy of the `def`'s body).
/// Real rules expand a few dozen; a chain of 30 `def`s that each call the next twice would
/// expand a billion.
pub const MAX_INLINED: usize = 10_000;

struct Checker<'f> {
    /// The language errors are worded in.
    lang: Lang,
    consts: HashMap<String, (Ir, Type)>,
    defs: HashMap<String, &'f DefAst>,
    errors: Vec<RuleError>,
    /// Variables in scope: name, slot, type, bound by `for`.
    scope: Vec<(String, usize, Type, bool)>,
    slots: usize,
    /// `def`s being inlined, to reject recursion.
    inlining: Vec<String>,
    /// How many `def` calls the rule (or constant) being checked has inlined so far: a
    /// chain of `def`s that each call the next twice doubles at every step.
    inlined: usize,
    /// Whether the expression being checked is an `at` path: a place, whose `a ?? b` may join
    /// places of different types (the first that exists is where the finding points).
    in_place: bool,
}

impl Checker<'_> {
    fn error(&mut self, span: Span, message: String, label: &str, help: Option<String>) {
        let mut error = RuleError::new(span, message, label);
        error.help = help;
        self.errors.push(error);
    }

    fn bind(&mut self, name: &Spanned<String>, ty: Type, from_for: bool) -> usize {
        let slot = self.slots;
        self.slots += 1;
        self.scope.push((name.value.clone(), slot, ty, from_for));
        slot
    }

    fn rule(&mut self, rule: &RuleAst, text: &str, file_name: &str) -> Option<CheckedRule> {
        let errors_before = self.errors.len();
        self.scope.clear();
        self.inlined = 0;
        self.slots = 0;
        let severity = self.header_word(
            rule.severity.as_ref(),
            "severity",
            &["error", "warning", "info"],
            rule.span,
        );
        let pillar = self.header_word(
            rule.pillar.as_ref(),
            "pillar",
            &["legitimacy", "capacity", "value"],
            rule.span,
        );
        let check = rule.check.as_ref().map_or(Some(None), |check| {
            let mut allowed: Vec<&str> = crate::profile::CHECKS.iter().map(|c| c.id).collect();
            allowed.push("none");
            self.header_word(Some(check), "check", &allowed, rule.span)
                .map(|word| (word != "none").then_some(word))
        });
        let status = rule.status.as_ref().map_or_else(
            || Some("stable".to_owned()),
            |status| {
                self.header_word(
                    Some(status),
                    "status",
                    &["preview", "stable", "deprecated"],
                    rule.span,
                )
            },
        );
        if rule.title.is_none() {
            self.error(
                rule.span,
                tr!(self.lang, "dsl-no-title", rule = rule.id.value.as_str()),
                &tr!(self.lang, "dsl-no-title-label"),
                None,
            );
        }
        let mut bindings = Vec::new();
        for binding in &rule.bindings {
            let (source, item) = match &binding.source {
                BindingSource::Root { name, kinds } => {
                    let Some(obj) = root(&name.value) else {
                        continue;
                    };
                    let mut plan_kinds = Vec::new();
                    for kind in kinds {
                        match PlanKind::parse(&kind.value) {
                            Some(k) => plan_kinds.push(k),
                            None => {
                                self.enum_word(EnumKind::PlanKind, &kind.value, kind.span);
                            }
                        }
                    }
                    let root = match name.value.as_str() {
                        "plans" => Root::Plans,
                        "objectives" => Root::Objectives,
                        "actions" => Root::Actions,
                        "elements" => Root::Elements,
                        "indicators" => Root::Indicators,
                        "activities" => Root::Activities,
                        "investments" => Root::Investments,
                        _ => Root::Links,
                    };
                    (Source::Root(root, plan_kinds), Type::Obj(obj))
                }
                BindingSource::Expr(expr) => {
                    let Some((ir, ty)) = self.infer(expr, None) else {
                        continue;
                    };
                    match ty {
                        Type::List(item) => (Source::Expr(ir), *item),
                        other => {
                            let message = tr!(
                                self.lang,
                                "dsl-needs-list",
                                what = "`for`",
                                found = other.describe(self.lang)
                            );
                            self.error(expr.span, message, &tr!(self.lang, "dsl-not-a-list"), None);
                            continue;
                        }
                    }
                }
            };
            let slot = self.bind(&binding.name, item, true);
            bindings.push((slot, source));
        }
        let filter = rule
            .filter
            .as_ref()
            .and_then(|f| self.expect(f, &Type::Bool, "`where`"));
        let require = self.expect(&rule.require, &Type::Bool, "`require`");
        // The Spanish texts are checked exactly like the English ones, in the same scope.
        let message = self.template(&rule.message, true);
        let message_es = rule
            .message_es
            .as_ref()
            .and_then(|m| self.template(m, true));
        let at = rule.at.as_ref().and_then(|at| {
            self.check_path(at);
            self.in_place = true;
            let place = self.infer(at, None).map(|(ir, _)| ir);
            self.in_place = false;
            place
        });
        let help = rule.help.as_ref().and_then(|h| self.template(h, true));
        let help_es = rule.help_es.as_ref().and_then(|h| self.template(h, true));
        if let (Some(translated), None) = (&rule.help_es, &rule.help) {
            self.error(
                translated.span,
                tr!(self.lang, "dsl-translation-alone", keyword = "help"),
                &tr!(self.lang, "dsl-translation-alone-label", keyword = "help"),
                None,
            );
        }
        if self.errors.len() > errors_before {
            return None;
        }
        let text = text
            .get(rule.full.start as usize..rule.full.end as usize)
            .unwrap_or("")
            .to_owned();
        Some(CheckedRule {
            meta: RuleMeta {
                id: rule.id.value.clone(),
                slug: rule.slug.value.clone(),
                title: rule
                    .title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                title_es: rule.title_es.as_ref().map(|t| t.value.clone()),
                severity: Severity::parse(&severity?)?,
                pillar: match pillar?.as_str() {
                    "legitimacy" => Pillar::Legitimacy,
                    "capacity" => Pillar::Capacity,
                    _ => Pillar::Value,
                },
                check: check?,
                source: rule.source.as_ref().map(|s| s.value.clone()),
                status: status?,
                docs: rule.docs.clone(),
                text,
                file: file_name.to_owned(),
            },
            slots: self.slots,
            bindings,
            filter,
            require: require?,
            message: message?,
            message_es,
            at,
            help,
            help_es,
        })
    }

    fn header_word(
        &mut self,
        word: Option<&Spanned<String>>,
        what: &str,
        allowed: &[&str],
        rule: Span,
    ) -> Option<String> {
        let Some(word) = word else {
            self.error(
                rule,
                tr!(self.lang, "dsl-no-header", what = what),
                &tr!(self.lang, "dsl-no-header-label", what = what),
                Some(tr!(
                    self.lang,
                    "dsl-values-are",
                    values = allowed.join(", ")
                )),
            );
            return None;
        };
        if allowed.contains(&word.value.as_str()) {
            return Some(word.value.clone());
        }
        let help = did_you_mean(self.lang, &word.value, allowed.iter().copied())
            .unwrap_or_else(|| tr!(self.lang, "dsl-values-are", values = allowed.join(", ")));
        self.error(
            word.span,
            tr!(
                self.lang,
                "dsl-unknown-header",
                what = what,
                word = word.value.as_str()
            ),
            &tr!(self.lang, "dsl-unknown-header-label", what = what),
            Some(help),
        );
        None
    }

    /// `at` must name a place: a path from a `for` variable (`o.traces_to`, `i.targets[y]`),
    /// possibly `a ?? b` or `when(cond, path)`.
    fn check_path(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Field(base, _) | ExprKind::Index(base, _) => self.check_path(base),
            ExprKind::Binary(BinaryOp::Coalesce, a, b) => {
                self.check_path(a);
                self.check_path(b);
            }
            ExprKind::Call(name, args) if name.value == "when" && args.len() == 2 => {
                if let Some(path) = args.get(1) {
                    self.check_path(path);
                }
            }
            ExprKind::Name(name) => {
                let bound = self
                    .scope
                    .iter()
                    .any(|(n, _, _, from_for)| n == name && *from_for);
                if !bound {
                    let names: Vec<String> = self
                        .scope
                        .iter()
                        .filter(|s| s.3)
                        .map(|s| s.0.clone())
                        .collect();
                    self.error(
                        expr.span,
                        tr!(self.lang, "dsl-at-unbound", name = name.as_str()),
                        &tr!(self.lang, "dsl-at-unbound-label"),
                        did_you_mean(self.lang, name, names.iter().map(String::as_str)),
                    );
                }
            }
            _ => self.error(
                expr.span,
                tr!(self.lang, "dsl-at-not-a-place"),
                &tr!(self.lang, "dsl-at-not-a-place-label"),
                None,
            ),
        }
    }

    fn template(&mut self, template: &Template, interpolate: bool) -> Option<Vec<IrPart>> {
        let mut parts = Vec::new();
        let mut ok = true;
        for part in &template.parts {
            match part {
                TemplatePart::Text(text) => parts.push(IrPart::Text(text.clone())),
                TemplatePart::Expr(expr) if interpolate => match self.infer(expr, None) {
                    Some((ir, _)) => parts.push(IrPart::Expr(ir)),
                    None => ok = false,
                },
                TemplatePart::Expr(expr) => {
                    self.error(
                        expr.span,
                        tr!(self.lang, "dsl-interpolation-outside"),
                        &tr!(self.lang, "dsl-interpolation-outside-label"),
                        None,
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(parts)
    }

    fn expect(&mut self, expr: &Expr, expected: &Type, what: &str) -> Option<Ir> {
        let (ir, ty) = self.infer(expr, Some(expected))?;
        if ty.fits(expected) {
            Some(ir)
        } else {
            let message = tr!(
                self.lang,
                "dsl-must-be",
                what = what,
                expected = expected.describe(self.lang),
                found = ty.describe(self.lang)
            );
            self.error(
                expr.span,
                message,
                &tr!(
                    self.lang,
                    "dsl-must-be-label",
                    found = ty.describe(self.lang)
                ),
                None,
            );
            None
        }
    }

    /// Infers the type of `expr` and compiles it; `hint` resolves bare enum words.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per expression form reads best as one match"
    )]
    fn infer(&mut self, expr: &Expr, hint: Option<&Type>) -> Option<(Ir, Type)> {
        let span = expr.span;
        match &expr.kind {
            ExprKind::Number(n) => Some((Ir::Lit(Lit::Num(*n)), Type::Num)),
            ExprKind::Bool(b) => Some((Ir::Lit(Lit::Bool(*b)), Type::Bool)),
            ExprKind::Str(template) => {
                let parts = self.template(template, false)?;
                let text: String = parts
                    .iter()
                    .map(|p| match p {
                        IrPart::Text(t) => t.as_str(),
                        IrPart::Expr(_) => "",
                    })
                    .collect();
                if let Some(Type::Enum(kind)) = hint {
                    return self
                        .enum_word(*kind, &text, span)
                        .map(|w| (Ir::Lit(Lit::Enum(w)), Type::Enum(*kind)));
                }
                Some((Ir::Lit(Lit::Str(text.into_boxed_str())), Type::Str))
            }
            ExprKind::Name(name) => {
                if let Some((_, slot, ty, _)) = self.scope.iter().rev().find(|(n, ..)| n == name) {
                    return Some((Ir::Var(*slot), ty.clone()));
                }
                if let Some((ir, ty)) = self.consts.get(name) {
                    return Some((ir.clone(), ty.clone()));
                }
                if let Some(Type::Enum(kind)) = hint {
                    return self
                        .enum_word(*kind, name, span)
                        .map(|w| (Ir::Lit(Lit::Enum(w)), Type::Enum(*kind)));
                }
                let mut known: Vec<String> = self.scope.iter().map(|s| s.0.clone()).collect();
                known.extend(self.consts.keys().cloned());
                known.sort();
                self.error(
                    span,
                    tr!(self.lang, "dsl-unknown-name", name = name.as_str()),
                    &tr!(self.lang, "dsl-unknown-name-label"),
                    did_you_mean(self.lang, name, known.iter().map(String::as_str)),
                );
                None
            }
            ExprKind::Field(base, field) => {
                let (base_ir, base_ty) = self.infer(base, None)?;
                let Type::Obj(obj) = base_ty else {
                    let help = match base_ty {
                        Type::List(_) => Some(tr!(self.lang, "dsl-field-of-list-help")),
                        _ => None,
                    };
                    self.error(
                        field.span,
                        tr!(
                            self.lang,
                            "dsl-no-field",
                            owner = base_ty.describe(self.lang),
                            field = field.value.as_str()
                        ),
                        &tr!(self.lang, "dsl-no-field-label"),
                        help,
                    );
                    return None;
                };
                let table = fields(obj);
                if let Some((_, f, ty)) = table.iter().find(|(name, ..)| *name == field.value) {
                    Some((Ir::Field(Box::new(base_ir), *f), ty.clone()))
                } else {
                    let help =
                        did_you_mean(self.lang, &field.value, table.iter().map(|(n, ..)| *n))
                            .unwrap_or_else(|| {
                                tr!(
                                    self.lang,
                                    "dsl-fields-are",
                                    owner = Type::Obj(obj).describe(self.lang),
                                    fields = table
                                        .iter()
                                        .map(|(n, ..)| format!("`{n}`"))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )
                            });
                    self.error(
                        field.span,
                        tr!(
                            self.lang,
                            "dsl-unknown-field",
                            field = field.value.as_str(),
                            owner = Type::Obj(obj).describe(self.lang)
                        ),
                        &tr!(self.lang, "dsl-no-field-label"),
                        Some(help),
                    );
                    None
                }
            }
            ExprKind::Index(base, index) => {
                let (base_ir, base_ty) = self.infer(base, None)?;
                match base_ty {
                    Type::Map => {
                        let what = tr!(self.lang, "dsl-what-year");
                        let index_ir = self.expect(index, &Type::Num, &what)?;
                        Some((Ir::Index(Box::new(base_ir), Box::new(index_ir)), Type::Num))
                    }
                    Type::List(item) => {
                        let what = tr!(self.lang, "dsl-what-index");
                        let index_ir = self.expect(index, &Type::Num, &what)?;
                        Some((Ir::Index(Box::new(base_ir), Box::new(index_ir)), *item))
                    }
                    other => {
                        let message =
                            tr!(self.lang, "dsl-no-index", found = other.describe(self.lang));
                        self.error(span, message, &tr!(self.lang, "dsl-no-index-label"), None);
                        None
                    }
                }
            }
            ExprKind::Not(inner) => Some((
                Ir::Not(Box::new(self.expect(inner, &Type::Bool, "`not`")?)),
                Type::Bool,
            )),
            ExprKind::Negate(inner) => Some((
                Ir::Negate(Box::new(self.expect(inner, &Type::Num, "`-`")?)),
                Type::Num,
            )),
            ExprKind::Binary(op, left, right) => self.binary(*op, left, right, span),
            ExprKind::Quantified(quantifier, name, source, predicate) => {
                let (source_ir, item) =
                    self.list_source(source, &tr!(self.lang, "dsl-what-quantifier"))?;
                let mark = self.scope.len();
                let slot = self.bind(name, item, false);
                let what = tr!(self.lang, "dsl-what-condition");
                let predicate = self.expect(predicate, &Type::Bool, &what);
                self.scope.truncate(mark);
                Some((
                    Ir::Quantified(*quantifier, slot, Box::new(source_ir), Box::new(predicate?)),
                    Type::Bool,
                ))
            }
            ExprKind::Count(inner) => {
                let (ir, ty) = self.infer(inner, None)?;
                if !matches!(ty, Type::List(_) | Type::Map) {
                    let message = tr!(
                        self.lang,
                        "dsl-needs-list",
                        what = "`count`",
                        found = ty.describe(self.lang)
                    );
                    self.error(inner.span, message, &tr!(self.lang, "dsl-not-a-list"), None);
                    return None;
                }
                Some((Ir::Count(Box::new(ir)), Type::Num))
            }
            ExprKind::CountWhere(name, source, predicate) => {
                let (source_ir, item) = self.list_source(source, "`count`")?;
                let mark = self.scope.len();
                let slot = self.bind(name, item, false);
                let what = tr!(self.lang, "dsl-what-condition");
                let predicate = self.expect(predicate, &Type::Bool, &what);
                self.scope.truncate(mark);
                Some((
                    Ir::CountWhere(slot, Box::new(source_ir), Box::new(predicate?)),
                    Type::Num,
                ))
            }
            ExprKind::Comprehension {
                item,
                name,
                source,
                filter,
            } => {
                let (source_ir, item_ty) =
                    self.list_source(source, &tr!(self.lang, "dsl-what-comprehension"))?;
                let mark = self.scope.len();
                let slot = self.bind(name, item_ty, false);
                let filter_ir = filter
                    .as_ref()
                    .map(|f| self.expect(f, &Type::Bool, "`where`"));
                let item_ir = self.infer(item, None);
                self.scope.truncate(mark);
                let filter_ir = match filter_ir {
                    Some(f) => Some(Box::new(f?)),
                    None => None,
                };
                let (item_ir, ty) = item_ir?;
                Some((
                    Ir::Comprehension {
                        slot,
                        source: Box::new(source_ir),
                        filter: filter_ir,
                        item: Box::new(item_ir),
                    },
                    Type::list(ty),
                ))
            }
            ExprKind::List(items) => {
                let mut item_hint = match hint {
                    Some(Type::List(item)) => Some((**item).clone()),
                    _ => None,
                };
                let mut irs = Vec::new();
                let mut item_ty = Type::Any;
                for item in items {
                    let (ir, ty) = self.infer(item, item_hint.as_ref())?;
                    if !ty.fits(&item_ty) {
                        let message = tr!(
                            self.lang,
                            "dsl-list-mixes",
                            first = item_ty.describe(self.lang),
                            second = ty.describe(self.lang)
                        );
                        self.error(
                            item.span,
                            message,
                            &tr!(self.lang, "dsl-different-type"),
                            None,
                        );
                        return None;
                    }
                    if item_ty == Type::Any {
                        item_ty = ty.clone();
                        if item_hint.is_none() {
                            item_hint = Some(ty);
                        }
                    }
                    irs.push(ir);
                }
                Some((Ir::List(irs), Type::list(item_ty)))
            }
            ExprKind::Call(name, args) => self.call(name, args, span),
        }
    }

    fn list_source(&mut self, source: &Expr, what: &str) -> Option<(Ir, Type)> {
        let (ir, ty) = self.infer(source, None)?;
        match ty {
            Type::List(item) => Some((ir, *item)),
            other => {
                let message = tr!(
                    self.lang,
                    "dsl-needs-list",
                    what = what,
                    found = other.describe(self.lang)
                );
                self.error(
                    source.span,
                    message,
                    &tr!(self.lang, "dsl-not-a-list"),
                    None,
                );
                None
            }
        }
    }

    fn enum_word(&mut self, kind: EnumKind, word: &str, span: Span) -> Option<&'static str> {
        if let Some(word) = kind.word(word) {
            return Some(word);
        }
        let help =
            did_you_mean(self.lang, word, kind.words().iter().copied()).unwrap_or_else(|| {
                tr!(
                    self.lang,
                    "dsl-values-are",
                    values = kind.words().join(", ")
                )
            });
        self.error(
            span,
            tr!(
                self.lang,
                "dsl-unknown-word",
                what = kind.name_in(self.lang),
                a_what = Type::Enum(kind).describe(self.lang),
                word = word
            ),
            &tr!(
                self.lang,
                "dsl-unknown-word-label",
                a_what = Type::Enum(kind).describe(self.lang)
            ),
            Some(help),
        );
        None
    }

    /// Infers two operands; a bare word or string on the left takes its type from the right.
    fn pair(&mut self, left: &Expr, right: &Expr) -> Option<((Ir, Type), (Ir, Type))> {
        let left_is_word = matches!(&left.kind, ExprKind::Str(_))
            || matches!(&left.kind, ExprKind::Name(n) if !self.scope.iter().any(|s| &s.0 == n) && !self.consts.contains_key(n));
        if left_is_word {
            let r = self.infer(right, None)?;
            let l = self.infer(left, Some(&r.1))?;
            Some((l, r))
        } else {
            let l = self.infer(left, None)?;
            let r = self.infer(right, Some(&l.1))?;
            Some((l, r))
        }
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
        span: Span,
    ) -> Option<(Ir, Type)> {
        let make = |l: Ir, r: Ir| Ir::Binary(op, Box::new(l), Box::new(r));
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let l = self.expect(left, &Type::Bool, &format!("`{}`", op.as_str()));
                let r = self.expect(right, &Type::Bool, &format!("`{}`", op.as_str()));
                Some((make(l?, r?), Type::Bool))
            }
            BinaryOp::Eq | BinaryOp::Ne => {
                let ((l, lt), (r, rt)) = self.pair(left, right)?;
                if !lt.fits(&rt) {
                    let message = tr!(
                        self.lang,
                        "dsl-cannot-compare",
                        left = lt.describe(self.lang),
                        right = rt.describe(self.lang)
                    );
                    self.error(span, message, &tr!(self.lang, "dsl-different-types"), None);
                    return None;
                }
                Some((make(l, r), Type::Bool))
            }
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
                let ((l, lt), (r, rt)) = self.pair(left, right)?;
                let ordered = matches!(lt, Type::Num | Type::Date | Type::Str | Type::Enum(_));
                if !lt.fits(&rt) || !ordered {
                    let message = tr!(
                        self.lang,
                        "dsl-cannot-order",
                        left = lt.describe(self.lang),
                        right = rt.describe(self.lang),
                        op = op.as_str()
                    );
                    self.error(
                        span,
                        message,
                        &tr!(self.lang, "dsl-cannot-order-label"),
                        None,
                    );
                    return None;
                }
                Some((make(l, r), Type::Bool))
            }
            BinaryOp::In | BinaryOp::NotIn => {
                // A list literal takes its item type from the left (`kind in [pei, pdlc]`).
                let (r, rt, l_first) = if matches!(right.kind, ExprKind::List(_)) {
                    let (l, lt) = self.infer(left, None)?;
                    let (r, rt) = self.infer(right, Some(&Type::list(lt.clone())))?;
                    (r, rt, Some((l, lt)))
                } else {
                    let (r, rt) = self.infer(right, None)?;
                    (r, rt, None)
                };
                let Type::List(item) = rt else {
                    let message = tr!(
                        self.lang,
                        "dsl-in-needs-list",
                        op = op.as_str(),
                        found = rt.describe(self.lang)
                    );
                    self.error(right.span, message, &tr!(self.lang, "dsl-not-a-list"), None);
                    return None;
                };
                let (l, lt) = match l_first {
                    Some(pair) => pair,
                    None => self.infer(left, Some(&item))?,
                };
                if !lt.fits(&item) {
                    let message = tr!(
                        self.lang,
                        "dsl-cannot-look-for",
                        item = lt.describe(self.lang),
                        list = Type::list(*item).describe(self.lang)
                    );
                    self.error(span, message, &tr!(self.lang, "dsl-different-types"), None);
                    return None;
                }
                Some((make(l, r), Type::Bool))
            }
            BinaryOp::Add => {
                let ((l, lt), (r, rt)) = self.pair(left, right)?;
                let fine = lt.fits(&rt) && matches!(lt, Type::Num | Type::Str | Type::List(_));
                if !fine {
                    let message = tr!(
                        self.lang,
                        "dsl-cannot-add",
                        left = lt.describe(self.lang),
                        right = rt.describe(self.lang)
                    );
                    self.error(span, message, &tr!(self.lang, "dsl-cannot-add-label"), None);
                    return None;
                }
                let ty = if lt == Type::Any { rt } else { lt };
                Some((make(l, r), ty))
            }
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => {
                let what = tr!(self.lang, "dsl-what-left", op = op.as_str());
                let l = self.expect(left, &Type::Num, &what);
                let what = tr!(self.lang, "dsl-what-right", op = op.as_str());
                let r = self.expect(right, &Type::Num, &what);
                Some((make(l?, r?), Type::Num))
            }
            BinaryOp::Coalesce => {
                let ((l, lt), (r, rt)) = self.pair(left, right)?;
                if !lt.fits(&rt) && self.in_place {
                    return Some((make(l, r), Type::Any));
                }
                if !lt.fits(&rt) {
                    let message = tr!(
                        self.lang,
                        "dsl-coalesce-mixes",
                        left = lt.describe(self.lang),
                        right = rt.describe(self.lang)
                    );
                    self.error(span, message, &tr!(self.lang, "dsl-different-types"), None);
                    return None;
                }
                let ty = if lt == Type::Any { rt } else { lt };
                Some((make(l, r), ty))
            }
        }
    }

    #[expect(clippy::too_many_lines, reason = "one arm per built-in function")]
    fn call(&mut self, name: &Spanned<String>, args: &[Expr], span: Span) -> Option<(Ir, Type)> {
        if let Some(def) = self.defs.get(&name.value).copied() {
            return self.inline(def, name, args, span);
        }
        let Some(&(_, builtin)) = BUILTINS.iter().find(|(n, _)| *n == name.value) else {
            let mut known: Vec<&str> = BUILTINS.iter().map(|(n, _)| *n).collect();
            let defs: Vec<String> = self.defs.keys().cloned().collect();
            known.extend(defs.iter().map(String::as_str));
            let help = did_you_mean(self.lang, &name.value, known);
            self.error(
                name.span,
                tr!(
                    self.lang,
                    "dsl-unknown-function",
                    name = name.value.as_str()
                ),
                &tr!(self.lang, "dsl-unknown-function-label"),
                help,
            );
            return None;
        };
        let arity = match builtin {
            Builtin::Range
            | Builtin::StartsWith
            | Builtin::Matches
            | Builtin::Split
            | Builtin::Monotonic
            | Builtin::Reaches
            | Builtin::When => 2,
            Builtin::Replace => 3,
            _ => 1,
        };
        if args.len() != arity {
            let message = tr!(
                self.lang,
                "dsl-arity",
                name = name.value.as_str(),
                arity = arity,
                found = args.len()
            );
            self.error(span, message, &tr!(self.lang, "dsl-arity-label"), None);
            return None;
        }
        let mut irs = Vec::new();
        let mut types = Vec::new();
        for (i, arg) in args.iter().enumerate() {
            let hint = match (builtin, i) {
                (Builtin::Monotonic, 1) => Some(Type::Enum(EnumKind::Direction)),
                (Builtin::Reaches, 1) => Some(Type::list(Type::Enum(EnumKind::PlanKind))),
                _ => None,
            };
            let (ir, ty) = self.infer(arg, hint.as_ref())?;
            irs.push(ir);
            types.push(ty);
        }
        let bad = |this: &mut Self, index: usize, expected: &Expected| {
            let lang = this.lang;
            let found = types
                .get(index)
                .map(|t| t.describe(lang))
                .unwrap_or_default();
            let expected = match expected {
                Expected::Type(ty) => ty.describe(lang),
                Expected::TextOrList => tr!(lang, "dsl-expected-text-or-list"),
                Expected::AnyList => tr!(lang, "dsl-expected-list"),
            };
            let span = args.get(index).map_or(span, |a| a.span);
            let message = tr!(
                lang,
                "dsl-argument",
                name = name.value.as_str(),
                expected = expected.as_str(),
                found = found
            );
            this.error(
                span,
                message,
                &tr!(lang, "dsl-argument-label", expected = expected),
                None,
            );
        };
        let t = |i: usize| types.get(i).cloned().unwrap_or(Type::Any);
        let list_item = |ty: &Type| match ty {
            Type::List(item) => Some((**item).clone()),
            _ => None,
        };
        let result = match builtin {
            Builtin::Exists => Type::Bool,
            Builtin::Len => {
                if !matches!(t(0), Type::Str | Type::List(_)) {
                    bad(self, 0, &Expected::TextOrList);
                    return None;
                }
                Type::Num
            }
            Builtin::Sum | Builtin::Min | Builtin::Max => {
                if !t(0).fits(&Type::list(Type::Num)) {
                    bad(self, 0, &Expected::Type(Type::list(Type::Num)));
                    return None;
                }
                Type::Num
            }
            Builtin::Keys | Builtin::Values => {
                if t(0) != Type::Map {
                    bad(self, 0, &Expected::Type(Type::Map));
                    return None;
                }
                Type::list(Type::Num)
            }
            Builtin::Sorted | Builtin::Distinct => {
                if list_item(&t(0)).is_none() {
                    bad(self, 0, &Expected::AnyList);
                    return None;
                }
                t(0)
            }
            Builtin::First | Builtin::Last => {
                let Some(item) = list_item(&t(0)) else {
                    bad(self, 0, &Expected::AnyList);
                    return None;
                };
                item
            }
            Builtin::Year => {
                if t(0) != Type::Date {
                    bad(self, 0, &Expected::Type(Type::Date));
                    return None;
                }
                Type::Num
            }
            Builtin::Range => {
                for i in 0..2 {
                    if t(i) != Type::Num {
                        bad(self, i, &Expected::Type(Type::Num));
                        return None;
                    }
                }
                Type::list(Type::Num)
            }
            Builtin::StartsWith
            | Builtin::Split
            | Builtin::Replace
            | Builtin::Lower
            | Builtin::Trim
            | Builtin::Matches => {
                for i in 0..arity {
                    if t(i) != Type::Str {
                        bad(self, i, &Expected::Type(Type::Str));
                        return None;
                    }
                }
                match builtin {
                    Builtin::StartsWith | Builtin::Matches => Type::Bool,
                    Builtin::Split => Type::list(Type::Str),
                    _ => Type::Str,
                }
            }
            Builtin::Monotonic => {
                if t(0) != Type::Map {
                    bad(self, 0, &Expected::Type(Type::Map));
                    return None;
                }
                if t(1) != Type::Enum(EnumKind::Direction) {
                    bad(self, 1, &Expected::Type(Type::Enum(EnumKind::Direction)));
                    return None;
                }
                Type::Bool
            }
            Builtin::Reaches | Builtin::Ancestors => {
                if t(0) != Type::Obj(ObjType::Element) {
                    bad(self, 0, &Expected::Type(Type::Obj(ObjType::Element)));
                    return None;
                }
                if builtin == Builtin::Reaches
                    && !t(1).fits(&Type::list(Type::Enum(EnumKind::PlanKind)))
                {
                    bad(
                        self,
                        1,
                        &Expected::Type(Type::list(Type::Enum(EnumKind::PlanKind))),
                    );
                    return None;
                }
                if builtin == Builtin::Reaches {
                    Type::Bool
                } else {
                    Type::list(Type::Obj(ObjType::Element))
                }
            }
            Builtin::When => {
                if t(0) != Type::Bool {
                    bad(self, 0, &Expected::Type(Type::Bool));
                    return None;
                }
                t(1)
            }
        };
        if builtin == Builtin::Matches {
            let Some(ExprKind::Str(template)) = args.get(1).map(|a| &a.kind) else {
                self.error(
                    args.get(1).map_or(span, |a| a.span),
                    tr!(self.lang, "dsl-literal-pattern"),
                    &tr!(self.lang, "dsl-literal-pattern-label"),
                    None,
                );
                return None;
            };
            let pattern: String = template
                .parts
                .iter()
                .map(|p| match p {
                    TemplatePart::Text(t) => t.as_str(),
                    TemplatePart::Expr(_) => "",
                })
                .collect();
            let regex = match regex::RegexBuilder::new(&pattern)
                .size_limit(1 << 20)
                .build()
            {
                Ok(regex) => regex,
                Err(error) => {
                    let span = args.get(1).map_or(span, |a| a.span);
                    let message = tr!(
                        self.lang,
                        "dsl-invalid-pattern",
                        error = error.to_string().lines().last().unwrap_or("").to_owned()
                    );
                    self.error(
                        span,
                        message,
                        &tr!(self.lang, "dsl-invalid-pattern-label"),
                        None,
                    );
                    return None;
                }
            };
            let mut irs = irs.into_iter();
            let subject = irs.next()?;
            return Some((Ir::Matches(Box::new(subject), regex), Type::Bool));
        }
        Some((Ir::Call(builtin, irs), result))
    }

    fn inline(
        &mut self,
        def: &DefAst,
        name: &Spanned<String>,
        args: &[Expr],
        span: Span,
    ) -> Option<(Ir, Type)> {
        if self.inlining.contains(&def.name.value) {
            let chain = self.inlining.join(" → ");
            let message = tr!(
                self.lang,
                "dsl-recursion",
                name = def.name.value.as_str(),
                chain = chain
            );
            self.error(
                name.span,
                message,
                &tr!(self.lang, "dsl-recursion-label"),
                Some(tr!(self.lang, "dsl-recursion-help")),
            );
            return None;
        }
        self.inlined += 1;
        if self.inlined > MAX_INLINED {
            // Said once, where the budget ran out; every call after it fails quietly.
            if self.inlined == MAX_INLINED + 1 {
                let message = tr!(
                    self.lang,
                    "dsl-inline-budget",
                    name = def.name.value.as_str(),
                    max = MAX_INLINED
                );
                self.error(
                    name.span,
                    message,
                    &tr!(self.lang, "dsl-inline-budget-label"),
                    Some(tr!(self.lang, "dsl-inline-budget-help")),
                );
            }
            return None;
        }
        if args.len() != def.params.len() {
            let message = tr!(
                self.lang,
                "dsl-arity",
                name = def.name.value.as_str(),
                arity = def.params.len(),
                found = args.len()
            );
            self.error(span, message, &tr!(self.lang, "dsl-arity-label"), None);
            return None;
        }
        let mut bound = Vec::new();
        for arg in args {
            bound.push(self.infer(arg, None)?);
        }
        // The body sees only its parameters (and constants), not the caller's variables.
        let saved = std::mem::take(&mut self.scope);
        let mut slots = Vec::new();
        for (param, (ir, ty)) in def.params.iter().zip(bound) {
            let slot = self.bind(param, ty, false);
            slots.push((slot, ir));
        }
        self.inlining.push(def.name.value.clone());
        let body = self.infer(&def.body, None);
        self.inlining.pop();
        self.scope = saved;
        let (body, ty) = body?;
        Some((Ir::Let(slots, Box::new(body)), ty))
    }
}

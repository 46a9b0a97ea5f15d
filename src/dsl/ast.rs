//! The typed, spanned syntax tree of rule files. No pest type appears here.

use crate::source::{Span, Spanned};

/// A parsed rule file.
#[derive(Clone, Debug, Default)]
pub struct RuleFile {
    /// Rules, in file order.
    pub rules: Vec<RuleAst>,
    /// `let` constants.
    pub lets: Vec<LetAst>,
    /// `def` helpers.
    pub defs: Vec<DefAst>,
}

/// `let NAME = expr`.
#[derive(Clone, Debug)]
pub struct LetAst {
    /// The name.
    pub name: Spanned<String>,
    /// The value.
    pub value: Expr,
}

/// `def name(params) = body`.
#[derive(Clone, Debug)]
pub struct DefAst {
    /// The name.
    pub name: Spanned<String>,
    /// Parameter names.
    pub params: Vec<Spanned<String>>,
    /// The body.
    pub body: Expr,
}

/// One rule, as written.
#[derive(Clone, Debug)]
pub struct RuleAst {
    /// `///` lines, without the slashes.
    pub docs: Vec<String>,
    /// The id and slug (where rule-level errors point).
    pub span: Span,
    /// The whole rule, documentation included.
    pub full: Span,
    /// `ART-01`.
    pub id: Spanned<String>,
    /// `objective-not-articulated`.
    pub slug: Spanned<String>,
    /// `title "…"`.
    pub title: Option<Spanned<String>>,
    /// `title.es "…"`: the title in Spanish.
    pub title_es: Option<Spanned<String>>,
    /// `severity …`.
    pub severity: Option<Spanned<String>>,
    /// `pillar …`.
    pub pillar: Option<Spanned<String>>,
    /// `check …`: the profile check the rule feeds.
    pub check: Option<Spanned<String>>,
    /// `source "…"`.
    pub source: Option<Spanned<String>>,
    /// `status …`.
    pub status: Option<Spanned<String>>,
    /// `for` bindings.
    pub bindings: Vec<Binding>,
    /// `where`.
    pub filter: Option<Expr>,
    /// `require`.
    pub require: Expr,
    /// `message`.
    pub message: Template,
    /// `message.es`: the message in Spanish (it points where the English one does).
    pub message_es: Option<Template>,
    /// `at`.
    pub at: Option<Expr>,
    /// `help`.
    pub help: Option<Template>,
    /// `help.es`: the help in Spanish.
    pub help_es: Option<Template>,
}

/// `x in collection`.
#[derive(Clone, Debug)]
pub struct Binding {
    /// The variable.
    pub name: Spanned<String>,
    /// What it ranges over.
    pub source: BindingSource,
}

/// What a `for` variable ranges over.
#[derive(Clone, Debug)]
pub enum BindingSource {
    /// `objectives of pei, pdlc`.
    Root {
        /// `objectives`.
        name: Spanned<String>,
        /// The plan kinds after `of` (empty: all).
        kinds: Vec<Spanned<String>>,
    },
    /// Any list expression, e.g. `o.indicators`.
    Expr(Expr),
}

/// A string with `{expr}` parts.
#[derive(Clone, Debug)]
pub struct Template {
    /// The parts, in order.
    pub parts: Vec<TemplatePart>,
    /// The whole string.
    pub span: Span,
}

/// A piece of a [`Template`].
#[derive(Clone, Debug)]
pub enum TemplatePart {
    /// Literal text.
    Text(String),
    /// `{expr}`.
    Expr(Expr),
}

/// An expression with its span.
#[derive(Clone, Debug)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is written.
    pub span: Span,
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// `and`
    And,
    /// `or`
    Or,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `??`
    Coalesce,
}

impl BinaryOp {
    /// The operator as written.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::And => "and",
            Self::Or => "or",
            Self::Eq => "==",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::In => "in",
            Self::NotIn => "not in",
            Self::Add => "+",
            Self::Sub => "-",
            Self::Mul => "*",
            Self::Div => "/",
            Self::Coalesce => "??",
        }
    }
}

/// `some`, `every`, `no`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    /// At least one.
    Some,
    /// All.
    Every,
    /// None.
    No,
}

/// The shapes of expressions.
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A number.
    Number(f64),
    /// A string (interpolation is only legal in messages).
    Str(Template),
    /// `true` / `false`.
    Bool(bool),
    /// A name: variable, constant or enum value.
    Name(String),
    /// `e.field`.
    Field(Box<Expr>, Spanned<String>),
    /// `e[i]`.
    Index(Box<Expr>, Box<Expr>),
    /// `name(args)`.
    Call(Spanned<String>, Vec<Expr>),
    /// `not e`.
    Not(Box<Expr>),
    /// `-e`.
    Negate(Box<Expr>),
    /// `a op b`.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `some x in e: p`.
    Quantified(Quantifier, Spanned<String>, Box<Expr>, Box<Expr>),
    /// `count(e)`.
    Count(Box<Expr>),
    /// `count(x in e: p)`.
    CountWhere(Spanned<String>, Box<Expr>, Box<Expr>),
    /// `[e for x in list where p]`.
    Comprehension {
        /// The item expression.
        item: Box<Expr>,
        /// The variable.
        name: Spanned<String>,
        /// The list.
        source: Box<Expr>,
        /// The filter.
        filter: Option<Box<Expr>>,
    },
    /// `[a, b]`.
    List(Vec<Expr>),
}

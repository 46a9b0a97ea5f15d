//! A rule's `where` and `require` conditions compiled to closures, once per evaluation: each
//! node of the compiled form ([`Ir`]) becomes a closure that runs its children's closures,
//! with what the node always does decided once (which variable a field is read from, which
//! constant a value is compared with) rather than at every binding.
//!
//! The closures decide only what is evaluated and in which order; what each operator,
//! built-in function and loop makes of its values is the interpreter's ([`index`],
//! [`apply_binary`], [`count`], `Machine::apply_each`, `Machine::quantified`,
//! `Machine::count_where`, `Machine::comprehension`), so that both ways of running a rule
//! give the same verdicts (a test runs both over the plans and the fixtures). The interpreter ([`Machine::eval`]) still
//! renders messages and finds `at` places.

use std::rc::Rc;

use super::{Machine, Value, apply_binary, count, index, literal};
use crate::dsl::ast::BinaryOp;
use crate::dsl::ir::{CheckedRule, Ir, Lit};
use crate::dsl::schema::Builtin;

/// A compiled expression: its value for the machine's variables.
type Code<'g> = Box<dyn Fn(&mut Machine<'g>) -> Value<'g> + Send + Sync + 'g>;

/// A rule's conditions, compiled.
pub(super) struct Conditions<'g> {
    /// `where`.
    pub(super) filter: Option<Code<'g>>,
    /// `require`.
    pub(super) require: Code<'g>,
}

impl<'g> Conditions<'g> {
    /// Compiles the rule's `where` and `require`.
    pub(super) fn new(rule: &'g CheckedRule) -> Self {
        Self {
            filter: rule.filter().map(compile),
            require: compile(rule.require()),
        }
    }
}

#[cfg(test)]
impl<'g> Conditions<'g> {
    /// The rule's `where` and `require` run by the interpreter (to compare the two).
    pub(super) fn interpreted(rule: &'g CheckedRule) -> Self {
        let require = rule.require();
        Self {
            filter: rule.filter().map(|filter| code(move |m| m.eval(filter))),
            require: code(move |m| m.eval(require)),
        }
    }
}

/// Boxes a closure as [`Code`] (the signature is written once here, for inference).
fn code<'g>(f: impl Fn(&mut Machine<'g>) -> Value<'g> + Send + Sync + 'g) -> Code<'g> {
    Box::new(f)
}

/// The items of a list value (no items for anything else).
fn items(value: Value<'_>) -> Rc<[Value<'_>]> {
    match value {
        Value::List(items) => items,
        _ => Rc::from(Vec::new()),
    }
}

#[expect(clippy::too_many_lines, reason = "one arm per IR form")]
fn compile<'g>(ir: &'g Ir) -> Code<'g> {
    match ir {
        Ir::Lit(lit) => code(move |_| literal(lit)),
        Ir::Var(slot) => {
            let slot = *slot;
            code(move |m| m.slots.get(slot).cloned().unwrap_or(Value::Absent))
        }
        Ir::Field(base, field) => {
            let read = crate::plan::schema::reader(*field);
            if let Ir::Var(slot) = &**base {
                // A variable's object is read where it is, without a copy.
                let slot = *slot;
                code(move |m| {
                    let (value, incomplete) = m
                        .slots
                        .get(slot)
                        .map_or((Value::Absent, false), |base| read(base, m.graph));
                    m.tainted |= incomplete;
                    value
                })
            } else {
                let base = compile(base);
                code(move |m| {
                    let (value, incomplete) = read(&base(m), m.graph);
                    m.tainted |= incomplete;
                    value
                })
            }
        }
        Ir::Index(base, key) => {
            let (base, key) = (compile(base), compile(key));
            code(move |m| {
                let base = base(m);
                let key = key(m);
                index(&base, &key)
            })
        }
        Ir::Not(inner) => {
            let inner = compile(inner);
            code(move |m| match inner(m) {
                Value::Bool(b) => Value::Bool(!b),
                _ => Value::Absent,
            })
        }
        Ir::Negate(inner) => {
            let inner = compile(inner);
            code(move |m| match inner(m) {
                Value::Num(n) => Value::Num(-n),
                _ => Value::Absent,
            })
        }
        Ir::Binary(op, left, right) => binary(*op, left, right),
        Ir::Quantified(quantifier, slot, source, predicate) => {
            let (quantifier, slot) = (*quantifier, *slot);
            let (source, predicate) = (compile(source), compile(predicate));
            code(move |m| {
                let items = items(source(m));
                m.quantified(quantifier, slot, &items, |m| predicate(m).truthy())
            })
        }
        Ir::Count(inner) => {
            let inner = compile(inner);
            code(move |m| count(&inner(m)))
        }
        Ir::CountWhere(slot, source, predicate) => {
            let slot = *slot;
            let (source, predicate) = (compile(source), compile(predicate));
            code(move |m| {
                let items = items(source(m));
                m.count_where(slot, &items, |m| predicate(m).truthy())
            })
        }
        Ir::Comprehension {
            slot,
            source,
            filter,
            item,
        } => {
            let slot = *slot;
            let (source, item) = (compile(source), compile(item));
            let filter = filter.as_deref().map(compile);
            code(move |m| {
                let items = items(source(m));
                m.comprehension(
                    slot,
                    &items,
                    |m| filter.as_ref().is_none_or(|filter| filter(m).truthy()),
                    |m| item(m),
                )
            })
        }
        Ir::List(items) => {
            let items: Vec<Code<'g>> = items.iter().map(compile).collect();
            code(move |m| {
                let values: Vec<_> = items.iter().map(|item| item(m)).collect();
                Value::List(Rc::from(values))
            })
        }
        Ir::Let(bindings, body) => {
            let bindings: Vec<(usize, Code<'g>)> = bindings
                .iter()
                .map(|(slot, value)| (*slot, compile(value)))
                .collect();
            let body = compile(body);
            code(move |m| {
                for (slot, value) in &bindings {
                    let value = value(m);
                    m.set(*slot, value);
                }
                body(m)
            })
        }
        Ir::Matches(subject, regex) => {
            let subject = compile(subject);
            code(move |m| match subject(m) {
                Value::Str(s) => Value::Bool(regex.is_match(&s)),
                _ => Value::Absent,
            })
        }
        Ir::Call(builtin, args) => call(*builtin, args),
    }
}

/// A binary operator: `and`, `or` and `??` evaluate their right side only when needed; the
/// others evaluate both sides and apply the operator ([`apply_binary`]).
fn binary<'g>(op: BinaryOp, left: &'g Ir, right: &'g Ir) -> Code<'g> {
    match op {
        BinaryOp::And => {
            let (left, right) = (compile(left), compile(right));
            code(move |m| Value::Bool(left(m).truthy() && right(m).truthy()))
        }
        BinaryOp::Or => {
            let (left, right) = (compile(left), compile(right));
            code(move |m| Value::Bool(left(m).truthy() || right(m).truthy()))
        }
        BinaryOp::Coalesce => {
            let (left, right) = (compile(left), compile(right));
            code(move |m| {
                let l = left(m);
                if l.is_absent() { right(m) } else { l }
            })
        }
        // `x in [a, b, c]`: the list is written in the rule, so it is compared item by item
        // without being built (every item is still evaluated, as when it is built).
        // `x in [percent, count]`: a list of constants is compared with as it is written.
        BinaryOp::In | BinaryOp::NotIn
            if let Ir::List(items) = right
                && let Some(constants) = items
                    .iter()
                    .map(|item| match item {
                        Ir::Lit(lit) => Some(lit),
                        _ => None,
                    })
                    .collect::<Option<Vec<&'g Lit>>>() =>
        {
            let left = compile(left);
            let wanted = op == BinaryOp::In;
            code(move |m| {
                let l = left(m);
                let found = constants.iter().any(|&lit| literal(lit).same(&l));
                Value::Bool(!l.is_absent() && found == wanted)
            })
        }
        BinaryOp::In | BinaryOp::NotIn if let Ir::List(items) = right => {
            let left = compile(left);
            let items: Vec<Code<'g>> = items.iter().map(compile).collect();
            let wanted = op == BinaryOp::In;
            code(move |m| {
                let l = left(m);
                let mut found = false;
                for item in &items {
                    let item = item(m);
                    found = found || item.same(&l);
                }
                if l.is_absent() {
                    Value::Bool(false)
                } else {
                    Value::Bool(found == wanted)
                }
            })
        }
        _ => {
            let left = compile(left);
            match right {
                // A number compared with a constant (`v < 0`, `count(…) > 0`): decided here
                // when the left side is a number, as `apply_binary` decides it.
                Ir::Lit(Lit::Num(n)) => {
                    let n = *n;
                    let compare: Option<fn(f64, f64) -> bool> = match op {
                        BinaryOp::Lt => Some(|a, b| a < b),
                        BinaryOp::Le => Some(|a, b| a <= b),
                        BinaryOp::Gt => Some(|a, b| a > b),
                        BinaryOp::Ge => Some(|a, b| a >= b),
                        BinaryOp::Eq => Some(|a, b| Value::Num(a).same(&Value::Num(b))),
                        BinaryOp::Ne => Some(|a, b| !Value::Num(a).same(&Value::Num(b))),
                        _ => None,
                    };
                    match compare {
                        Some(compare) => code(move |m| match left(m) {
                            Value::Num(a) => Value::Bool(compare(a, n)),
                            other => apply_binary(op, other, Value::Num(n)),
                        }),
                        None => code(move |m| apply_binary(op, left(m), Value::Num(n))),
                    }
                }
                right => {
                    let right = compile(right);
                    code(move |m| {
                        let l = left(m);
                        let r = right(m);
                        apply_binary(op, l, r)
                    })
                }
            }
        }
    }
}

/// A built-in function: `exists` and `when` as the interpreter runs them, the others on
/// every argument's value (`Machine::apply`).
fn call<'g>(builtin: Builtin, args: &'g [Ir]) -> Code<'g> {
    let mut args: Vec<Code<'g>> = args.iter().map(compile).collect();
    match builtin {
        Builtin::Exists => {
            let arg = args.drain(..).next();
            code(move |m| Value::Bool(arg.as_ref().is_some_and(|arg| !arg(m).is_absent())))
        }
        Builtin::When => {
            let mut args = args.into_iter();
            let (condition, value) = (args.next(), args.next());
            code(move |m| {
                let Some(condition) = &condition else {
                    return Value::Absent;
                };
                if !condition(m).truthy() {
                    return Value::Absent;
                }
                value.as_ref().map_or(Value::Absent, |value| value(m))
            })
        }
        builtin => code(move |m| m.apply_each(builtin, &args, |m, arg| arg(m))),
    }
}

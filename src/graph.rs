//! Stage 3: the cross-file reference graph.
//!
//! [`build`] resolves every `traces_to`, `upper` and `action` reference once,
//! and reports REF-01..05. The resulting [`Graph`] owns the plans and can be
//! walked both ways (traces and what traces here, upper and lower plans, an
//! action and what implements it) without resolving anything again.

mod build;
mod patch;
mod reads;

use std::sync::Arc;

use thin_vec::ThinVec;

use crate::plan::model::{Activity, Element, Investment, Level, Plan, PlanKind, Reference};
use crate::report::{CheckMeta, Pillar, Severity};

pub use build::{build, build_with};
pub(crate) use patch::remap;
use reads::note;
pub(crate) use reads::recording;

/// The index of a plan in [`Graph::plans`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId(pub u32);
/// The index of an objective or action in [`Graph::elements`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ElementId(pub u32);
/// The index of an activity or investment in [`Graph::implementers`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ImplementerId(pub u32);
/// The index of a reference in [`Graph::links`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LinkId(pub u32);

macro_rules! index {
    ($($id:ident),*) => {$(
        impl $id {
            /// The position in its table.
            #[must_use]
            pub fn index(self) -> usize { self.0 as usize }
            fn from_index(index: usize) -> Self { Self(u32::try_from(index).unwrap_or(u32::MAX)) }
        }
    )*};
}
index!(PlanId, ElementId, ImplementerId, LinkId);

/// REF-01.
pub const REF_01: CheckMeta = CheckMeta {
    id: "REF-01",
    slug: "unresolved-reference",
    severity: Severity::Error,
    pillar: Some(Pillar::Legitimacy),
    check: Some("articulated"),
    doc: "What it checks: every `traces_to`, `action` and `upper` entry names a plan id and code that exist. Why it matters: a broken reference is an articulation that does not exist (Anexo B-1): the chain from the institution to national policy is cut. Example: `pdrc-san-martin-2030/AET.2.9` when the PDRC has no AET.2.9.",
    title: "A reference names a plan or code that does not exist",
    title_es: "Una referencia nombra un plan o un código que no existe",
    doc_es: "Qué verifica: cada entrada de `traces_to`, `action` y `upper` nombra un id de plan y un código que existen. Por qué importa: una referencia rota es una articulación que no existe (Anexo B-1): se corta la cadena que va de la entidad a la política nacional. Ejemplo: `pdrc-san-martin-2030/AET.2.9` cuando el PDRC no tiene una AET.2.9.",
};
/// REF-02.
pub const REF_02: CheckMeta = CheckMeta {
    id: "REF-02",
    slug: "duplicate-id",
    severity: Severity::Error,
    pillar: Some(Pillar::Legitimacy),
    check: Some("articulated"),
    doc: "What it checks: plan ids are unique in the repository; within a plan, codes of objectives, actions and activities are unique, indicator codes are unique, CUIs are unique. Why it matters: a duplicated code makes every reference to it ambiguous. Example: two objectives coded `OEI.03`.",
    title: "Two plans share an id, or two elements of a plan share a code",
    title_es: "Dos planes comparten un id, o dos elementos de un plan comparten un código",
    doc_es: "Qué verifica: los ids de los planes son únicos en el repositorio; dentro de un plan, los códigos de objetivos, acciones y actividades son únicos, los códigos de indicadores son únicos y los CUI son únicos. Por qué importa: un código duplicado vuelve ambigua toda referencia a él. Ejemplo: dos objetivos con el código `OEI.03`.",
};
/// REF-03.
pub const REF_03: CheckMeta = CheckMeta {
    id: "REF-03",
    slug: "trace-cycle",
    severity: Severity::Error,
    pillar: Some(Pillar::Legitimacy),
    check: Some("articulated"),
    doc: "What it checks: following `traces_to` never returns to where it started. Why it matters: articulation runs from lower to higher plans; a cycle means some trace points the wrong way. Example: two district PDLCs whose objectives trace to each other.",
    title: "Following traces returns to where it started",
    title_es: "Al seguir la articulación se vuelve al punto de partida",
    doc_es: "Qué verifica: al seguir `traces_to` nunca se vuelve al punto de partida. Por qué importa: la articulación va de los planes de nivel inferior a los de nivel superior; un ciclo indica que alguna articulación apunta en sentido contrario. Ejemplo: dos PDLC distritales cuyos objetivos se articulan entre sí.",
};
/// REF-04.
pub const REF_04: CheckMeta = CheckMeta {
    id: "REF-04",
    slug: "trace-not-upward",
    severity: Severity::Error,
    pillar: Some(Pillar::Legitimacy),
    check: Some("articulated"),
    doc: "What it checks: every trace and `upper` entry points to a plan of higher rank (pedn > pgg, pn > pesem > pdrc > a province's pdlc > a district's pdlc > pei > poi). Why it matters: a plan articulates with the plans above it, never sideways or down. Example: a province's PDLC tracing to a district's PDLC.",
    title: "A trace or upper plan does not rank above the plan",
    title_es: "Una articulación o un plan declarado en `upper` no es de nivel superior al plan",
    doc_es: "Qué verifica: cada articulación y cada entrada de `upper` apunta a un plan de nivel superior (PEDN > PGG, PN > PESEM > PDRC > PDLC provincial > PDLC distrital > PEI > POI). Por qué importa: un plan se articula con los planes de nivel superior, nunca con los de su mismo nivel ni con los de nivel inferior. Ejemplo: el PDLC de una provincia articulado con el PDLC de uno de sus distritos.",
};
/// REF-05.
pub const REF_05: CheckMeta = CheckMeta {
    id: "REF-05",
    slug: "trace-to-undeclared-plan",
    severity: Severity::Warning,
    pillar: Some(Pillar::Legitimacy),
    check: Some("articulated"),
    doc: "What it checks: a trace to a pesem, pdrc or pdlc goes to a plan declared in `upper` (directly or above it through `upper`). National plans (pedn, pgg, pn) bind everyone and need no declaration. Why it matters: the plans an institution articulates with are declared in its header; a trace to an undeclared concerted plan is usually a copy-paste from another territory. Example: a Moyobamba PEI tracing to Loreto's PDRC.",
    title: "A trace goes to a concerted or sectoral plan not declared in `upper`",
    title_es: "Una articulación llega a un plan concertado o sectorial no declarado en `upper`",
    doc_es: "Qué verifica: una articulación con un PESEM, PDRC o PDLC llega a un plan declarado en `upper` (directamente, o por encima de él a través de `upper`). Los planes nacionales (PEDN, PGG, PN) vinculan a todas las entidades y no necesitan declararse. Por qué importa: los planes con los que se articula una entidad se declaran en el encabezado de su plan; una articulación con un plan concertado no declarado suele ser una copia del plan de otro territorio. Ejemplo: un PEI de Moyobamba articulado con el PDRC de Loreto.",
};

/// The rank of a plan in the SINAPLAN hierarchy: higher ranks bind lower ones.
///
/// pedn 7; pgg and pn 6; pesem 5; pdrc 4; a province's pdlc 3 (any pdlc not
/// declared `district`); a district's pdlc 2; pei 1; poi 0.
#[must_use]
pub fn rank(plan: &Plan) -> u8 {
    match plan.kind.value {
        PlanKind::Pedn => 7,
        PlanKind::Pgg | PlanKind::Pn => 6,
        PlanKind::Pesem => 5,
        PlanKind::Pdrc => 4,
        PlanKind::Pdlc => {
            if plan
                .entity
                .level
                .as_ref()
                .is_some_and(|l| l.value == Level::District)
            {
                2
            } else {
                3
            }
        }
        PlanKind::Pei => 1,
        PlanKind::Poi => 0,
    }
}

/// The plan kind and level, in words (`a district's pdlc`, `un PDLC distrital`), for messages.
#[must_use]
pub fn describe_plan(plan: &Plan, lang: crate::i18n::Lang) -> String {
    let kind = match (plan.kind.value, plan.entity.level.as_ref().map(|l| l.value)) {
        (PlanKind::Pdlc, Some(Level::District)) => "district-pdlc",
        (PlanKind::Pdlc, _) => "province-pdlc",
        (kind, _) => kind.as_str(),
    };
    crate::tr!(lang, "plan-description", kind = kind)
}

/// What a reference is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// An element's `traces_to` entry.
    Trace,
    /// A plan's `upper` entry.
    Upper,
    /// An activity's or investment's `action`.
    Action,
}

/// Who wrote a reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A plan (`upper`).
    Plan(PlanId),
    /// An objective or action (`traces_to`).
    Element(ElementId),
    /// An activity or investment (`action`).
    Implementer(ImplementerId),
}

/// What a reference resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A plan (`upper`).
    Plan(PlanId),
    /// An objective or action.
    Element(ElementId),
    /// An activity (codes of activities share the namespace of elements).
    Implementer(ImplementerId),
}

/// One reference and what it resolved to. The reference as written stays in its plan
/// ([`Graph::reference`]): a link is a few numbers.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// What it is for.
    pub kind: LinkKind,
    /// The plan it is written in.
    pub plan: PlanId,
    /// Who wrote it.
    pub from: Owner,
    /// Its position among its owner's references of its kind (`traces_to[index]`,
    /// `upper[index]`; 0 for an `action`).
    pub index: u32,
    /// What it names (absent when unresolved: REF-01's alone).
    pub target: Option<Target>,
}

/// A plan in the graph.
#[derive(Clone, Debug, Default)]
pub struct PlanNode {
    /// The `upper` links.
    pub upper: Vec<LinkId>,
    /// Plans that list this one in `upper` (resolved).
    pub lower: Vec<PlanId>,
    /// Objectives and actions, in document order.
    pub elements: Vec<ElementId>,
    /// Activities and investments, in document order.
    pub implementers: Vec<ImplementerId>,
    /// The plan's rank.
    pub rank: u8,
    /// Whether an `upper` entry is unresolved or could not be decoded.
    pub incomplete_upper: bool,
    /// Whether links into any element of this plan may be missing: an unresolved reference
    /// named the plan without a recognisable code, or a plan file that could not be read
    /// names it.
    pub incomplete_inbound: bool,
}

/// Where an element is in its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementPlace {
    /// The plan.
    pub plan: PlanId,
    /// Index of the objective in `Plan::objectives`.
    pub objective: u32,
    /// Index of the action in the objective's `actions`, for actions.
    pub action: Option<u32>,
}

/// An objective or action in the graph.
#[derive(Clone, Debug)]
pub struct ElementNode {
    /// Where it is.
    pub place: ElementPlace,
    /// The parent objective, for actions.
    pub parent: Option<ElementId>,
    /// Its actions, for objectives.
    pub children: ThinVec<ElementId>,
    /// Its `traces_to` links, in order.
    pub traces_to: ThinVec<LinkId>,
    /// Links that resolved to it.
    pub traced_by: ThinVec<LinkId>,
    /// Activities and investments whose `action` resolved to it.
    pub implemented_by: ThinVec<ImplementerId>,
    /// Whether a `traces_to` entry is unresolved or could not be decoded.
    pub incomplete_traces: bool,
    /// Whether links into it may be missing: an unresolved reference most likely meant it,
    /// or a plan file that could not be read names it.
    pub incomplete_inbound: bool,
}

/// An activity or an investment of a POI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImplementerPlace {
    /// `activities[i]`.
    Activity(PlanId, usize),
    /// `investments[i]`.
    Investment(PlanId, usize),
}

/// An activity or investment in the graph.
#[derive(Clone, Debug)]
pub struct ImplementerNode {
    /// Where it is.
    pub place: ImplementerPlace,
    /// Its `action` link.
    pub action: Option<LinkId>,
    /// Whether its `action` is unresolved or could not be decoded.
    pub incomplete_action: bool,
}

/// The resolved graph of every plan. Its tables are shared: a clone costs one pointer per
/// plan, and an incremental run that changes no reference swaps only the changed plans.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Plans, in path order (shared with the load cache of an incremental run).
    pub plans: Vec<Arc<Plan>>,
    /// One node per plan.
    pub plan_nodes: Arc<Vec<PlanNode>>,
    /// Every objective and action.
    pub elements: Arc<Vec<ElementNode>>,
    /// Every activity and investment.
    pub implementers: Arc<Vec<ImplementerNode>>,
    /// Every reference.
    pub links: Arc<Vec<Link>>,
    /// Plan files that could not be read into a plan.
    pub unreadable: Vec<crate::plan::Unreadable>,
    by_id: Arc<rustc_hash::FxHashMap<String, PlanId>>,
}

impl Graph {
    /// The plan behind an id.
    #[must_use]
    pub fn plan(&self, id: PlanId) -> &Plan {
        note(id);
        #[expect(clippy::indexing_slicing, reason = "PlanIds are only made by `build`")]
        &self.plans[id.index()]
    }

    /// The graph node of a plan.
    #[must_use]
    pub fn plan_node(&self, id: PlanId) -> &PlanNode {
        note(id);
        #[expect(clippy::indexing_slicing, reason = "PlanIds are only made by `build`")]
        &self.plan_nodes[id.index()]
    }

    /// The plan with this id (the first one, when two share it).
    #[must_use]
    pub fn plan_by_id(&self, id: &str) -> Option<PlanId> {
        self.by_id.get(id).copied()
    }

    /// Every plan id.
    pub fn plan_ids(&self) -> impl Iterator<Item = PlanId> + '_ {
        (0..self.plans.len()).map(PlanId::from_index)
    }

    /// The graph node of an element.
    #[must_use]
    pub fn element_node(&self, id: ElementId) -> &ElementNode {
        #[expect(
            clippy::indexing_slicing,
            reason = "ElementIds are only made by `build`"
        )]
        let node = &self.elements[id.index()];
        note(node.place.plan);
        node
    }

    /// The objective or action behind an id.
    #[must_use]
    pub fn element(&self, id: ElementId) -> &Element {
        // `element_node` notes the plan (for `recording`); the plan is indexed directly.
        let place = self.element_node(id).place;
        #[expect(
            clippy::indexing_slicing,
            reason = "places are recorded by `build` from the plans it owns"
        )]
        let objective = &self.plans[place.plan.index()].objectives[place.objective as usize];
        match place.action {
            #[expect(
                clippy::indexing_slicing,
                reason = "places are recorded by `build` from the plans it owns"
            )]
            Some(action) => &objective.actions[action as usize],
            None => objective,
        }
    }

    /// A plan's objectives and actions with their ids, in document order: each objective,
    /// then its actions (the order `build` gives them ids in, and `PlanNode::elements`).
    pub fn plan_elements(&self, plan: PlanId) -> impl Iterator<Item = (ElementId, &Element)> {
        let ids = self.plan_node(plan).elements.iter().copied();
        let elements = self
            .plans
            .get(plan.index())
            .into_iter()
            .flat_map(|plan| plan.objectives.iter())
            .flat_map(|objective| std::iter::once(objective).chain(objective.actions.iter()));
        ids.zip(elements)
    }

    /// The plan an element belongs to.
    #[must_use]
    pub fn element_plan(&self, id: ElementId) -> PlanId {
        self.element_node(id).place.plan
    }

    /// A link.
    #[must_use]
    pub fn link(&self, id: LinkId) -> &Link {
        #[expect(clippy::indexing_slicing, reason = "LinkIds are only made by `build`")]
        let link = &self.links[id.index()];
        note(link.plan);
        link
    }

    /// The reference a link was written as.
    #[must_use]
    pub fn reference(&self, id: LinkId) -> &Reference {
        static NONE: std::sync::LazyLock<Reference> = std::sync::LazyLock::new(|| Reference {
            text: crate::source::Spanned::new(
                crate::plan::text::Text::default(),
                crate::source::Span::default(),
            ),
            why: None,
            place: crate::plan::model::RefPlace::default(),
        });
        let link = self.link(id);
        let index = link.index as usize;
        let found = match link.from {
            Owner::Plan(plan) => self.plan(plan).upper.get(index),
            Owner::Element(element) => self.element(element).traces_to.get(index),
            Owner::Implementer(implementer) => self
                .activity(implementer)
                .and_then(|a| a.action.as_ref())
                .or_else(|| self.investment(implementer).and_then(|i| i.action.as_ref())),
        };
        found.unwrap_or(&NONE)
    }

    /// The graph node of an activity or investment.
    #[must_use]
    pub fn implementer_node(&self, id: ImplementerId) -> &ImplementerNode {
        #[expect(
            clippy::indexing_slicing,
            reason = "ImplementerIds are only made by `build`"
        )]
        let node = &self.implementers[id.index()];
        note(match node.place {
            ImplementerPlace::Activity(plan, _) | ImplementerPlace::Investment(plan, _) => plan,
        });
        node
    }

    /// The activity behind an id, if it is one.
    #[must_use]
    pub fn activity(&self, id: ImplementerId) -> Option<&Activity> {
        match self.implementer_node(id).place {
            ImplementerPlace::Activity(plan, i) => self.plan(plan).activities.get(i),
            ImplementerPlace::Investment(..) => None,
        }
    }

    /// The investment behind an id, if it is one.
    #[must_use]
    pub fn investment(&self, id: ImplementerId) -> Option<&Investment> {
        match self.implementer_node(id).place {
            ImplementerPlace::Investment(plan, i) => self.plan(plan).investments.get(i),
            ImplementerPlace::Activity(..) => None,
        }
    }

    /// The plan a target belongs to (a plan, for `upper` targets).
    #[must_use]
    pub fn target_plan(&self, target: Target) -> PlanId {
        match target {
            Target::Plan(plan) => plan,
            Target::Element(element) => self.element_plan(element),
            Target::Implementer(implementer) => match self.implementer_node(implementer).place {
                ImplementerPlace::Activity(plan, _) | ImplementerPlace::Investment(plan, _) => plan,
            },
        }
    }

    /// Plans reachable through `upper`, transitively (the plan itself excluded), in discovery order.
    #[must_use]
    pub fn upper_closure(&self, plan: PlanId) -> Vec<PlanId> {
        let mut seen = vec![false; self.plans.len()];
        let mut order = Vec::new();
        let mut stack = vec![plan];
        while let Some(current) = stack.pop() {
            for &link in &self.plan_node(current).upper {
                if let Some(Target::Plan(upper)) = self.link(link).target
                    && let Some(flag) = seen.get_mut(upper.index())
                    && !*flag
                    && upper != plan
                {
                    *flag = true;
                    order.push(upper);
                    stack.push(upper);
                }
            }
        }
        order
    }

    /// The elements a trace from `element` reaches directly (resolved targets only).
    pub fn traces(&self, element: ElementId) -> impl Iterator<Item = ElementId> + '_ {
        self.element_node(element)
            .traces_to
            .iter()
            .filter_map(|&link| match self.link(link).target {
                Some(Target::Element(target)) => Some(target),
                _ => None,
            })
    }
}

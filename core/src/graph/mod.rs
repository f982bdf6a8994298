//! The multi-stage build graph (issue 5): which stages a target builds and
//! what they depend on (`model`), a deterministic layered layout
//! (`layout`), and drawings of it as SVG and Graphviz DOT (`svg`, `dot`).

pub mod dot;
pub mod fixtures;
pub mod layout;
pub mod messages;
pub mod model;
pub mod svg;

pub use dot::to_dot;
pub use layout::{layout, EdgeRoute, EdgeSpec, GraphSpec, Layout, NodeBox, NodeSpec, Point, Shape};
pub use model::{build_graph, BaseKind, BuildGraph, CriticalPath, Edge, EdgeKind, Source, StageNode};
pub use svg::{render as to_svg, StepStatus, StepStyle, SvgOptions, Words};

//! The Size panel (issue 4): the image's totals, its layers beside the steps,
//! unknown sizes with editable estimates, the base comparison, and the other
//! stages apart. Every size says its basis (exact, typed by the user, from
//! the data tables, modelled) and, where not exact, its low-high range.
//! Sizes the user types are part of the work and live in the shared state
//! (so in the permalink); the bandwidth and a base to re-price on are view
//! choices, component-local.

use std::rc::Rc;

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, megabytes, BaseImage, Basis, LayerSize, SizeOptions, SizeReport, Source, StageSize};
use dockerplay_core::Span;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analysis::AnalysisRef;
use crate::components::base_chart::BaseChart;
use crate::components::layer_list::LayerList;
use crate::i18n::{texts, Lang, Texts};
use crate::state::{Action, Playground, SizeData};
use dockerplay_core::permalink::ShareState;

#[derive(Properties, PartialEq)]
pub struct SizePanelProps {
    pub lang: Lang,
    pub analysis: AnalysisRef,
    /// The build the page shows (Dockerfile, context, args, target).
    pub build: Rc<BuildInput>,
    pub on_reveal: Callback<Span>,
    /// The inputs, for the sizes the user types (they are shared state),
    /// and the reducer that changes them.
    pub share: Rc<ShareState>,
    pub dispatch: UseReducerDispatcher<Playground>,
    /// Whether the size tables have arrived (`crate::size_data`).
    pub size_data: SizeData,
}

/// How a size shown in the panel was obtained, softest last: a total is as
/// soft as its softest part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SizeBasis {
    Exact,
    Typed,
    Table,
    Model,
    Unknown,
}

impl SizeBasis {
    pub fn of_base(b: &BaseImage) -> SizeBasis {
        match b.basis {
            Basis::Exact | Basis::Measured => SizeBasis::Exact,
            Basis::User => SizeBasis::Typed,
            Basis::FromRatio | Basis::Estimate | Basis::NearestTag => SizeBasis::Table,
            Basis::Unknown => SizeBasis::Unknown,
        }
    }

    pub fn of_layer(l: &LayerSize) -> SizeBasis {
        match l.source {
            Source::Exact => SizeBasis::Exact,
            Source::User => SizeBasis::Typed,
            Source::Table => SizeBasis::Table,
            Source::Model => SizeBasis::Model,
        }
    }

    /// The softest basis of a stage's layers (`Exact` without layers).
    pub fn of_layers(stage: &StageSize) -> SizeBasis {
        stage.layers.iter().filter(|l| l.creates_layer).map(SizeBasis::of_layer).max().unwrap_or(SizeBasis::Exact)
    }

    /// A stage's total: its base and its layers.
    pub fn of_stage(stage: &StageSize) -> SizeBasis {
        SizeBasis::of_base(&stage.base).max(SizeBasis::of_layers(stage))
    }

    pub fn key(self) -> &'static str {
        match self {
            SizeBasis::Exact => "exact",
            SizeBasis::Typed => "typed",
            SizeBasis::Table => "table",
            SizeBasis::Model => "model",
            SizeBasis::Unknown => "unknown",
        }
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            SizeBasis::Exact => t.size_basis_exact,
            SizeBasis::Typed => t.size_basis_typed,
            SizeBasis::Table => t.size_basis_table,
            SizeBasis::Model => t.size_basis_model,
            SizeBasis::Unknown => t.size_basis_unknown,
        }
    }
}

/// A range in one unit: `84–100 MB`, `1.2–3.4 MB`, `512 B–2.0 KB`.
pub fn range_text(low: u64, high: u64, format: fn(u64) -> String) -> String {
    let (lo, hi) = (format(low), format(high));
    match (lo.rsplit_once(' '), hi.rsplit_once(' ')) {
        (Some((a, u1)), Some((_, u2))) if u1 == u2 => format!("{a}–{hi}"),
        _ => format!("{lo}–{hi}"),
    }
}

/// The basis of a size and, where it is not exact, its range, as one line
/// under the figure.
pub fn basis_line(t: &Texts, basis: SizeBasis, low: u64, high: u64, format: fn(u64) -> String) -> Html {
    let range = (low != high).then(|| range_text(low, high, format));
    let title = range.is_some().then_some(t.size_range_help);
    html! {
        <span class="size-basis" data-basis={basis.key()} {title}>
            { basis.label(t) }
            if let Some(r) = range {
                { " · " }<span class="size-range">{ r }</span>
            }
        </span>
    }
}

/// The bandwidths offered for the pull time, in Mbit/s.
const BANDWIDTHS: [f64; 5] = [10.0, 50.0, 100.0, 500.0, 1000.0];

/// Reads a size typed in megabytes (decimal, as `docker images` prints
/// them): `12.5` is 12 500 000 bytes. Empty or invalid input is `None`.
pub fn parse_megabytes(text: &str) -> Option<u64> {
    let mb: f64 = text.trim().replace(',', ".").parse().ok()?;
    (mb.is_finite() && mb >= 0.0).then(|| (mb * 1_000_000.0).round() as u64)
}

/// Megabytes for an input's value: plain digits, no unit.
pub fn megabytes_value(bytes: u64) -> String {
    let mb = format!("{:.1}", bytes as f64 / 1_000_000.0);
    mb.strip_suffix(".0").map(str::to_string).unwrap_or(mb)
}

/// A size for small figures too: bytes and kilobytes below a megabyte
/// (decimal, as `docker images` counts), else `size::megabytes`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..=999 => format!("{bytes} B"),
        1_000..=999_999 => format!("{:.1} KB", bytes as f64 / 1_000.0),
        _ => megabytes(bytes),
    }
}

/// Seconds, short: `0.4 s`, `12 s`, `3 min 20 s`.
pub fn duration(seconds: f64) -> String {
    if seconds < 10.0 {
        format!("{seconds:.1} s")
    } else if seconds < 120.0 {
        format!("{seconds:.0} s")
    } else {
        let s = seconds.round() as u64;
        format!("{} min {} s", s / 60, s % 60)
    }
}

/// The familiar short form of a normalised reference: `node:22-slim` for
/// `docker.io/library/node:22-slim`.
pub fn short_reference(reference: &str) -> String {
    let r = reference.strip_prefix("docker.io/").unwrap_or(reference);
    let r = r.strip_prefix("library/").unwrap_or(r);
    r.strip_prefix("gcr.io/").unwrap_or(r).to_string()
}

fn base_note(t: &Texts, stage: &StageSize) -> Option<String> {
    let b = &stage.base;
    match b.basis {
        Basis::NearestTag => {
            Some(format!("{} {}", t.size_estimated_from, short_reference(b.estimated_from.as_deref().unwrap_or(""))))
        }
        Basis::Unknown => Some(t.size_base_unknown.to_string()),
        _ => None,
    }
}

#[component]
pub fn SizePanel(props: &SizePanelProps) -> Html {
    let t = texts(props.lang);
    let share = &*props.share;
    let bandwidth = use_state(|| 100.0f64);
    let base = use_state(|| None::<String>);

    let opts = SizeOptions {
        estimates: share.size_estimates.clone(),
        image_sizes: share.image_sizes.clone(),
        bandwidth_mbps: *bandwidth,
        base: (*base).clone(),
        ..SizeOptions::default()
    };
    // The comparison is priced on the base as written, so that its bars
    // stay put while the user tries the options.
    let compare_opts = SizeOptions { base: None, ..opts.clone() };
    // Estimated without the tables too: that is what asks for them.
    let report =
        use_memo((props.analysis.clone(), props.build.clone(), opts, props.size_data), |(a, build, opts, _)| {
            size::estimate_parsed(&a.file, build, opts).0
        });
    let options = use_memo(
        (props.analysis.clone(), props.build.clone(), compare_opts, props.size_data),
        |(a, build, opts, _)| size::compare_bases_parsed(&a.file, build, opts).0,
    );

    if props.analysis.file.stages.is_empty() {
        return html! { <div class="size-panel"><p class="empty">{ t.size_empty }</p></div> };
    }
    match props.size_data {
        SizeData::Ready => {}
        SizeData::Failed => {
            let on_retry = Callback::from(|_: MouseEvent| crate::size_data::request());
            return html! {
                <div class="size-panel">
                    <p class="size-data-state error" role="alert">
                        { t.size_data_failed }{ " " }
                        <button type="button" class="btn size-data-retry" onclick={on_retry}>{ t.size_data_retry }</button>
                    </p>
                </div>
            };
        }
        SizeData::Missing | SizeData::Loading => {
            return html! {
                <div class="size-panel">
                    <p class="size-data-state loading" role="status" aria-busy="true">{ t.size_data_loading }</p>
                </div>
            };
        }
    }

    let on_estimate = {
        let state = props.dispatch.clone();
        Callback::from(move |(key, bytes): (String, Option<u64>)| {
            state.dispatch(Action::SetSizeEstimate { key, bytes })
        })
    };
    let on_base_size = {
        let state = props.dispatch.clone();
        let reference = report.image.base.reference.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let bytes = parse_megabytes(&input.value());
            state.dispatch(Action::SetImageSize { reference: reference.clone(), bytes });
        })
    };
    let on_bandwidth = {
        let bandwidth = bandwidth.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<f64>() {
                bandwidth.set(v);
            }
        })
    };
    let on_base = {
        let base = base.clone();
        Callback::from(move |choice: Option<String>| base.set(choice))
    };

    let rep: &SizeReport = &report;
    let image = &rep.image;
    let typed_base = share.image_sizes.get(&image.base.reference).copied();
    let (base_low, base_high) = image.base.range();
    let added_low = image.low.saturating_sub(base_low);
    let added_high = image.high.saturating_sub(base_high);
    let base_editable = matches!(image.base.basis, Basis::Unknown | Basis::User);
    let efficiency = format!("{:.0}%", rep.efficiency * 100.0);
    let source = size::data_sources().into_iter().find(|d| d.table == "images");

    html! {
        <div class="size-panel">
            <section class="size-totals" aria-label={t.size_image}>
                <div class="size-card size-total" data-testid="size-total">
                    <span class="size-label">{ t.size_image }</span>
                    <span class="size-big">{ megabytes(image.uncompressed) }</span>
                    { basis_line(t, SizeBasis::of_stage(image), image.low, image.high, megabytes) }
                    <span class="size-sub">{ format!("{} {}", megabytes(image.compressed), t.size_compressed) }</span>
                </div>
                <div class="size-card" data-testid="size-base">
                    <span class="size-label">{ t.size_base }</span>
                    <span class="size-big">{ megabytes(image.base.uncompressed) }</span>
                    { basis_line(t, SizeBasis::of_base(&image.base), base_low, base_high, megabytes) }
                    <span class="size-sub size-ref" title={image.base.reference.clone()}>{ short_reference(&image.base.reference) }</span>
                    if let Some(note) = base_note(t, image) {
                        <span class={classes!("size-note", (image.base.basis == Basis::Unknown).then_some("warn"))}>{ note }</span>
                    }
                    if base_editable {
                        <label class="size-estimate">
                            <span>{ t.size_your_estimate }</span>
                            <input type="number" min="0" step="any" inputmode="decimal" class="size-base-input"
                                value={typed_base.map(megabytes_value).unwrap_or_default()} onchange={on_base_size} />
                        </label>
                    }
                </div>
                <div class="size-card">
                    <span class="size-label">{ t.size_added }</span>
                    <span class="size-big">{ human_size(image.added_uncompressed) }</span>
                    { basis_line(t, SizeBasis::of_layers(image), added_low, added_high, human_size) }
                    <span class="size-sub">{ format!("{} {}", human_size(image.added_compressed), t.size_compressed) }</span>
                </div>
                <div class="size-card" title={t.size_wasted_help}>
                    <span class="size-label">{ t.size_efficiency }</span>
                    <span class="size-big">{ efficiency }</span>
                    <span class="size-sub">{ format!("{} {}", human_size(rep.wasted_bytes), t.size_wasted) }</span>
                </div>
                <div class="size-card size-pull">
                    <span class="size-label">{ t.size_pull }</span>
                    <span class="size-big">{ duration(rep.pull.seconds) }</span>
                    <span class="size-sub">{ t.size_pull_cached.replace("{time}", &duration(rep.pull.seconds_with_base))
                        .replace("{bytes}", &megabytes(rep.pull.skipped_bytes)) }</span>
                    <label class="size-bandwidth">
                        <span>{ t.size_bandwidth }</span>
                        <select onchange={on_bandwidth}>
                            { for BANDWIDTHS.iter().map(|b| html! {
                                <option value={b.to_string()} selected={*b == *bandwidth}>{ format!("{b} Mbit/s") }</option>
                            }) }
                        </select>
                    </label>
                </div>
            </section>
            if !rep.complete {
                <p class="size-incomplete">{ t.size_incomplete }</p>
            }
            <LayerList lang={props.lang} analysis={props.analysis.clone()} report={report.clone()}
                on_estimate={on_estimate} on_reveal={props.on_reveal.clone()} />
            <BaseChart lang={props.lang} options={options.clone()} chosen={(*base).clone()} on_choose={on_base} />
            if !rep.other_stages.is_empty() {
                <section class="size-section size-others">
                    <h3>{ t.size_other_stages }</h3>
                    <p class="size-help">{ t.size_other_stages_help }</p>
                    <ul>
                        { for rep.other_stages.iter().map(|s| html! {
                            <li>
                                <span class="size-stage-name">{ &s.name }</span>
                                <span class="size-ref">{ short_reference(&s.base.reference) }</span>
                                <span class="size-num">{ megabytes(s.uncompressed) }</span>
                                { basis_line(t, SizeBasis::of_stage(s), s.low, s.high, megabytes) }
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if let Some(src) = source {
                <p class="size-source">{
                    match props.lang {
                        Lang::En => format!("{}: {} ({})", t.size_data, src.source, src.date),
                        Lang::Zh => format!("{}：{}（{}）", t.size_data, src.source_zh, src.date_zh),
                    }
                }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_typed_by_the_user_are_decimal() {
        assert_eq!(parse_megabytes("12.5"), Some(12_500_000));
        assert_eq!(parse_megabytes(" 3,2 "), Some(3_200_000));
        assert_eq!(parse_megabytes("0"), Some(0));
        assert_eq!(parse_megabytes(""), None);
        assert_eq!(parse_megabytes("-1"), None);
        assert_eq!(parse_megabytes("abc"), None);
        assert_eq!(megabytes_value(12_500_000), "12.5");
        assert_eq!(megabytes_value(parse_megabytes("40").unwrap()), "40");
    }

    #[test]
    fn ranges_share_their_unit() {
        assert_eq!(range_text(84_100_000, 100_000_000, megabytes), "84.1–100 MB");
        assert_eq!(range_text(512, 2_000, human_size), "512 B–2.0 KB");
        assert!(SizeBasis::Exact < SizeBasis::Typed && SizeBasis::Table < SizeBasis::Model);
    }

    #[test]
    fn durations_and_references_read_short() {
        assert_eq!(duration(0.42), "0.4 s");
        assert_eq!(
            (human_size(0), human_size(999), human_size(12_345)),
            ("0 B".into(), "999 B".into(), "12.3 KB".into())
        );
        assert_eq!(human_size(3_600_000), "3.6 MB");
        assert_eq!(duration(42.4), "42 s");
        assert_eq!(duration(200.0), "3 min 20 s");
        assert_eq!(short_reference("docker.io/library/node:22-slim"), "node:22-slim");
        assert_eq!(short_reference("docker.io/bitnami/redis:7"), "bitnami/redis:7");
        assert_eq!(short_reference("gcr.io/distroless/static-debian12:latest"), "distroless/static-debian12:latest");
    }
}

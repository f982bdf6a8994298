//! The CI view of the Cache panel (issue 18): the recorded builds as CI
//! would run them, on a runner kind with a cache preset, with hits and
//! misses per build, estimated CI minutes, the CI cache traps of that
//! set-up (`core::cache::ci_rules`), and a workflow snippet that sets up
//! the same cache.
//!
//! The runner, preset, snippet format and builds a day are view choices,
//! kept in the component; the builds come from the reducer.

use std::rc::Rc;

use dockerplay_core::cache::ci_rules::{self, CiFinding};
use dockerplay_core::cache::workflow::{self, Flavor, Preset, RunnerKind, FLAVORS, PRESETS};
use dockerplay_core::cache::{simulate_ci, Options, Simulation};
use dockerplay_core::inputs::{BuildInput, Scenario};
use dockerplay_core::lint;
use yew::prelude::*;

use crate::components::rule_doc::rule_title;
use crate::i18n::{texts, Lang, Texts};

#[derive(Properties, PartialEq)]
pub struct CiViewProps {
    pub lang: Lang,
    /// The recorded builds and the current one, oldest first.
    pub builds: Rc<Vec<BuildInput>>,
}

fn preset_name(t: &Texts, p: Preset) -> &'static str {
    match p {
        Preset::Gha => t.ci_preset_gha,
        Preset::RegistryMax => t.ci_preset_registry_max,
        Preset::RegistryMin => t.ci_preset_registry_min,
        Preset::Inline => t.ci_preset_inline,
        Preset::None => t.ci_preset_none,
    }
}

fn flavor_name(t: &Texts, f: Flavor) -> &'static str {
    match f {
        Flavor::GithubActions => t.ci_flavor_github,
        Flavor::GitlabCi => t.ci_flavor_gitlab,
        Flavor::Buildx => t.ci_flavor_buildx,
    }
}

fn simulate(builds: &[BuildInput], preset: Preset, runner: RunnerKind) -> Simulation {
    simulate_with_findings(builds, preset, runner, false).0
}

/// The builds in CI with this set-up and, when asked, its CI cache traps.
fn simulate_with_findings(
    builds: &[BuildInput],
    preset: Preset,
    runner: RunnerKind,
    findings: bool,
) -> (Simulation, Vec<CiFinding>) {
    let scenario = Scenario { builds: builds.to_vec(), ..Default::default() };
    let ci = workflow::ci_builds(preset, runner, builds.len());
    let sim = simulate_ci(&scenario, &ci, &Options::default()).0;
    let found = if findings { ci_rules::check(&scenario, &ci, &Options::default()) } else { Vec::new() };
    (sim, found)
}

/// The preset a finding's fix points to, when the view's presets can
/// express it: every fix the page can meet exports with `mode=max`.
fn fixed_preset(preset: Preset, finding: &CiFinding) -> Option<Preset> {
    let max = finding.ci_fix.as_ref().is_some_and(|f| f.value.contains("mode=max"));
    match preset {
        Preset::RegistryMin | Preset::Inline | Preset::None if max => Some(Preset::RegistryMax),
        _ => None,
    }
}

/// Mean estimated seconds of the builds after the first (the first of a
/// branch has nothing to reuse), or of the one build there is.
fn mean_seconds(sim: &Simulation) -> f64 {
    let later = if sim.builds.len() > 1 { &sim.builds[1..] } else { &sim.builds[..] };
    if later.is_empty() {
        return 0.0;
    }
    later.iter().map(|b| b.warm_seconds).sum::<f64>() / later.len() as f64
}

fn minutes(seconds: f64) -> String {
    format!("{:.1}", seconds / 60.0)
}

#[component]
pub fn CiView(props: &CiViewProps) -> Html {
    let t = texts(props.lang);
    let runner = use_state_eq(|| RunnerKind::Fresh);
    let preset = use_state_eq(|| Preset::Gha);
    let flavor = use_state_eq(|| Flavor::GithubActions);
    let per_day = use_state_eq(|| 10u32);
    // Closed until asked for: each edit would otherwise simulate every
    // build twice more, on every keystroke.
    let open = use_state_eq(|| false);
    let result = use_memo((props.builds.clone(), *runner, *preset, *open), |(b, r, p, open)| {
        if *open {
            simulate_with_findings(b, *p, *r, true)
        } else {
            (Simulation::default(), Vec::new())
        }
    });
    let (sim, findings) = (&result.0, &result.1);
    // What the same builds cost on fresh runners with no cache at all.
    let baseline = use_memo((props.builds.clone(), *open), |(b, open)| {
        if *open {
            simulate(b, Preset::None, RunnerKind::Fresh)
        } else {
            Simulation::default()
        }
    });
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    if !*open {
        return html! {
            <section class="ci-view" aria-label={t.ci_title}>
                <div class="ci-head">
                    <h3>{ t.ci_title }</h3>
                    <button type="button" class="btn small ci-toggle" aria-expanded="false" onclick={on_toggle}>{ t.ci_show }</button>
                </div>
            </section>
        };
    }
    let target = props.builds.last().and_then(|b| b.target.clone());
    let snippet = workflow::snippet(*preset, *flavor, target.as_deref());

    let on_runner = {
        let runner = runner.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            runner.set(if v == "persistent" { RunnerKind::Persistent } else { RunnerKind::Fresh });
        })
    };
    let on_preset = {
        let preset = preset.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(p) = v.parse::<usize>().ok().and_then(|i| PRESETS.get(i)) {
                preset.set(*p);
            }
        })
    };
    let on_flavor = {
        let flavor = flavor.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(f) = v.parse::<usize>().ok().and_then(|i| FLAVORS.get(i)) {
                flavor.set(*f);
            }
        })
    };
    let on_per_day = {
        let per_day = per_day.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            if let Ok(n) = v.trim().parse::<u32>() {
                per_day.set(n.min(10_000));
            }
        })
    };
    let on_copy = {
        let snippet = snippet.clone();
        Callback::from(move |_: MouseEvent| crate::browser::copy_text(&snippet))
    };

    let mean = mean_seconds(sim);
    let saved = workflow::minutes_per_month(mean_seconds(&baseline) - mean, *per_day);
    let monthly = workflow::minutes_per_month(mean, *per_day);

    html! {
        <section class="ci-view" aria-label={t.ci_title}>
            <div class="ci-head">
                <h3>{ t.ci_title }</h3>
                <button type="button" class="btn small ci-toggle" aria-expanded="true" onclick={on_toggle}>{ t.ci_hide }</button>
            </div>
            <div class="ci-controls">
                <label>
                    <span>{ t.ci_runner }</span>
                    <select class="ci-runner" onchange={on_runner}>
                        <option value="fresh" selected={*runner == RunnerKind::Fresh}>{ t.ci_runner_fresh }</option>
                        <option value="persistent" selected={*runner == RunnerKind::Persistent}>{ t.ci_runner_persistent }</option>
                    </select>
                </label>
                <label>
                    <span>{ t.ci_cache }</span>
                    <select class="ci-preset" onchange={on_preset}>
                        { for PRESETS.iter().enumerate().map(|(i, p)| html! {
                            <option value={i.to_string()} selected={*p == *preset}>{ preset_name(t, *p) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ t.ci_per_day }</span>
                    <input class="ci-per-day" type="number" min="0" max="10000" value={per_day.to_string()} oninput={on_per_day} />
                </label>
            </div>
            <ol class="ci-timeline" aria-label={t.ci_timeline}>
                { for sim.builds.iter().enumerate().map(|(i, b)| {
                    let name = if i + 1 == sim.builds.len() { t.cache_now.to_string() } else { t.cache_build_n.replace("{n}", &(i + 1).to_string()) };
                    html! {
                        <li class="ci-build">
                            <span class="tl-name">{ name }</span>
                            <span class="ci-hits">{ t.ci_hits.replace("{n}", &b.hits.to_string()) }</span>
                            <span class="ci-misses">{ t.ci_misses.replace("{n}", &b.misses.to_string()) }</span>
                            <span class="ci-minutes">{ t.ci_minutes.replace("{min}", &minutes(b.warm_seconds)) }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="ci-month">
                <span class="ci-monthly">{ t.ci_monthly.replace("{min}", &format!("{monthly:.0}")) }</span>
                { " · " }
                <span class="ci-saved">{ t.ci_saved.replace("{min}", &format!("{:.0}", saved.max(0.0))) }</span>
            </p>
            <section class="ci-findings" aria-label={t.ci_findings}>
                <h4>{ t.ci_findings }</h4>
                if findings.is_empty() {
                    <p class="note ci-findings-none">{ t.ci_findings_none }</p>
                } else {
                    <ul>
                        { for findings.iter().map(|f| {
                            let rule = lint::rule(f.finding.code);
                            let title = rule.map(|r| rule_title(r, props.lang)).unwrap_or_default();
                            let fix = f.ci_fix.as_ref().map(|x| format!("{} = {}", x.field, x.value));
                            let switch = fixed_preset(*preset, f).map(|p| {
                                let preset = preset.clone();
                                let label = t.ci_use_preset.replace("{preset}", preset_name(t, p));
                                html! {
                                    <button type="button" class="btn small ci-apply" onclick={Callback::from(move |_: MouseEvent| preset.set(p))}>{ label }</button>
                                }
                            });
                            html! {
                                <li class={classes!("ci-finding", format!("sev-{}", f.finding.severity.as_str()))} data-code={f.finding.code}>
                                    <div class="ci-finding-title">
                                        <span class="ci-finding-code">{ f.finding.code }</span>
                                        <strong>{ title }</strong>
                                    </div>
                                    <p class="ci-finding-message">{ f.finding.message.render(props.lang.core()) }</p>
                                    if let Some(fix) = fix {
                                        <p class="ci-finding-fix"><span>{ t.ci_fix }</span>{ " " }<code>{ fix }</code></p>
                                    }
                                    { for switch }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            <p class="note">{ t.ci_note }</p>
            <div class="ci-snippet-head">
                <label>
                    <span>{ t.ci_snippet }</span>
                    <select class="ci-flavor" onchange={on_flavor}>
                        { for FLAVORS.iter().enumerate().map(|(i, f)| html! {
                            <option value={i.to_string()} selected={*f == *flavor}>{ flavor_name(t, *f) }</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="btn small ci-copy" onclick={on_copy}>{ t.ci_copy }</button>
            </div>
            <pre class="ci-snippet"><code>{ snippet }</code></pre>
        </section>
    }
}

//! The lesson player (issue 16): the step's text beside the editor, back
//! and next, and what the step changed against the steps before it (the
//! Dockerfile's lines, which steps hit or miss the cache and why, the size
//! change, the findings that appeared or went). The reader may edit
//! freely; "back to the step" restores the step's state. Compact in an
//! embed: the text and the buttons only.

use std::rc::Rc;

use dockerplay_core::cache::Status;
use dockerplay_core::inputs::BuildInput;
use dockerplay_core::lesson::{DiffLine, Lesson, StepChange};
use yew::prelude::*;

use crate::components::size_panel::human_size;
use crate::components::steps_table::with_code;
use crate::i18n::{texts, Lang, Texts};
use crate::live_cache::{reason_words, status_word};
use crate::markdown;
use crate::state::SizeData;

#[derive(Properties, PartialEq)]
pub struct LessonPlayerProps {
    pub lang: Lang,
    pub lesson: Rc<Lesson>,
    /// 0-based.
    pub step: usize,
    /// The inputs as they are now, to tell whether the reader edited them.
    pub current: BuildInput,
    #[prop_or_default]
    pub compact: bool,
    pub on_step: Callback<usize>,
    pub on_close: Callback<()>,
    /// Whether the size tables have arrived: a step's size change follows
    /// them.
    #[prop_or_default]
    pub size_data: SizeData,
}

fn fill(template: &str, n: impl ToString, total: impl ToString) -> String {
    template.replace("{n}", &n.to_string()).replace("{total}", &total.to_string())
}

#[component]
pub fn LessonPlayer(props: &LessonPlayerProps) -> Html {
    let t = texts(props.lang);
    let lesson = &props.lesson;
    let total = lesson.steps.len();
    let step = props.step.min(total.saturating_sub(1));
    let Some(current_step) = lesson.steps.get(step) else { return Html::default() };
    // The step's own state and what it changed: computed once per step.
    let own = use_memo((lesson.clone(), step), |(lesson, step)| lesson.input(*step));
    let change = use_memo((lesson.clone(), step, props.compact, props.size_data), |(lesson, step, compact, _)| {
        (!compact).then(|| Rc::new(lesson.change(*step)))
    });
    let edited = own.dockerfile != props.current.dockerfile
        || own.files != props.current.files
        || own.build_args != props.current.build_args
        || own.target != props.current.target;
    let lang_code = props.lang.code();
    let go = |to: usize| props.on_step.reform(move |_: MouseEvent| to);
    html! {
        <aside class={classes!("lesson", props.compact.then_some("compact"))} aria-label={t.lesson_label}
            data-lesson={lesson.id.clone()} data-step={(step + 1).to_string()}>
            <div class="lesson-head">
                <h2 class="lesson-title">{ lesson.title.get(lang_code) }</h2>
                <span class="lesson-count" id="lesson-count" aria-live="polite">
                    { fill(t.lesson_step_of, step + 1, total) }
                </span>
                if !props.compact {
                    <button type="button" class="btn icon-only lesson-close" id="lesson-close" title={t.lesson_close}
                        aria-label={t.lesson_close} onclick={props.on_close.reform(|_| ())}>{ "×" }</button>
                }
            </div>
            <div class="lesson-text" id="lesson-text">{ markdown::render(current_step.text.get(lang_code)) }</div>
            if edited {
                <p class="lesson-edited">
                    <span>{ t.lesson_edited }</span>
                    <button type="button" class="btn" id="lesson-reset" onclick={go(step)}>{ t.lesson_reset }</button>
                </p>
            }
            <div class="lesson-nav">
                <button type="button" class="btn" id="lesson-back" disabled={step == 0}
                    onclick={go(step.saturating_sub(1))}>{ "← " }{ t.lesson_back }</button>
                <button type="button" class="btn primary" id="lesson-next" disabled={step + 1 >= total}
                    onclick={go(step + 1)}>{ t.lesson_next }{ " →" }</button>
            </div>
            if let Some(change) = (*change).clone() {
                { changes(t, props.lang, &change, step == 0) }
            }
        </aside>
    }
}

/// What the step changed.
fn changes(t: &Texts, lang: Lang, c: &StepChange, first: bool) -> Html {
    let changed: Vec<&DiffLine> = c.diff.iter().filter(|l| !matches!(l, DiffLine::Same(_))).collect();
    html! {
        <section class="lesson-changes" aria-label={t.lesson_changed}>
            <h3>{ t.lesson_changed }</h3>
            if !first {
                <h4>{ t.lesson_diff }</h4>
                if changed.is_empty() {
                    <p class="muted lesson-diff-none">{ t.lesson_no_diff }</p>
                } else {
                    <pre class="lesson-diff">{ for changed.iter().map(|l| match l {
                        DiffLine::Added(s) => html! { <span class="add">{ format!("+ {s}\n") }</span> },
                        DiffLine::Removed(s) => html! { <span class="del">{ format!("- {s}\n") }</span> },
                        DiffLine::Same(_) => Html::default(),
                    }) }</pre>
                }
            }
            <h4>{ t.lesson_cache }</h4>
            <ul class="lesson-cache">
                { for c.cache.iter().map(|s| {
                    let hit = s.status == Status::Hit;
                    html! {
                        <li data-line={s.line.to_string()} data-status={s.status.as_str()}
                            class={if hit { "hit" } else { "miss" }}>
                            <span class="lesson-line">{ fill(t.lesson_line, s.line, "") }</span>
                            <code class="lesson-instr">{ first_line(&s.text) }</code>
                            <span class="lesson-status">{ status_word(t, s.status) }</span>
                            <span class="lesson-reason">{ with_code(&reason_words(lang, &s.reason)) }</span>
                        </li>
                    }
                }) }
            </ul>
            <h4>{ t.lesson_size }</h4>
            { size_line(c) }
            { findings(t, lang, c) }
        </section>
    }
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        line.to_string()
    }
}

fn size_line(c: &StepChange) -> Html {
    let after = human_size(c.size_after);
    match c.size_before {
        None => html! { <p class="lesson-size" data-trend="first">{ after }</p> },
        Some(before) => {
            let (trend, delta) = match c.size_after.cmp(&before) {
                std::cmp::Ordering::Less => ("down", format!(" (−{})", human_size(before - c.size_after))),
                std::cmp::Ordering::Greater => ("up", format!(" (+{})", human_size(c.size_after - before))),
                std::cmp::Ordering::Equal => ("same", " (±0)".to_string()),
            };
            html! {
                <p class="lesson-size" data-trend={trend}>
                    { format!("{} → {after}", human_size(before)) }<strong>{ delta }</strong>
                </p>
            }
        }
    }
}

/// The findings that appeared and went, by message in the page's language.
fn findings(t: &Texts, lang: Lang, c: &StepChange) -> Html {
    let list = |class: &'static str, title: &'static str, items: &[dockerplay_core::lesson::change::FindingNote]| {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <>
                <h4>{ title }</h4>
                <ul class={classes!("lesson-findings", class)}>
                    { for items.iter().map(|f| html! {
                        <li data-code={f.code}>
                            <span class="code">{ f.code }</span>{ " " }{ with_code(&f.message.render(lang.core())) }
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    if c.findings_new.is_empty() && c.findings_gone.is_empty() {
        return html! { <p class="muted lesson-findings-none">{ t.lesson_no_findings_change }</p> };
    }
    html! {
        <>
            { list("new", t.lesson_findings_new, &c.findings_new) }
            { list("gone", t.lesson_findings_gone, &c.findings_gone) }
        </>
    }
}

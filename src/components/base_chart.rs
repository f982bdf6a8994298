//! The same Dockerfile priced on the base's variants: the core's SVG bar
//! chart, then one choice per base with its total and caveats. Choosing a
//! base re-prices the whole panel on it.

use std::rc::Rc;

use dockerplay_core::size::{comparison_svg, megabytes, BaseOption};
use yew::prelude::*;

use crate::components::size_panel::{range_text, short_reference};
use crate::i18n::{texts, Lang, Texts};

#[derive(Properties, PartialEq)]
pub struct BaseChartProps {
    pub lang: Lang,
    /// The written base first, as `size::compare_bases` returns them.
    pub options: Rc<Vec<BaseOption>>,
    /// The base the panel is re-priced on (`None`: the one written).
    pub chosen: Option<String>,
    pub on_choose: Callback<Option<String>>,
}

/// The chart for inline use: the core's `<style>` would apply to the whole
/// page (inline SVG styles are not scoped), so it is dropped and size.css
/// styles the same classes under `.size-chart`.
pub fn inline_chart(options: &[BaseOption]) -> String {
    let svg = comparison_svg(options);
    match (svg.find("<style>"), svg.find("</style>")) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &svg[..a], &svg[b + "</style>".len()..]),
        _ => svg,
    }
}

/// A caveat of `size::compare_bases` in the UI language. The core words
/// them in English; each known form is recognised and re-worded from the
/// language table, anything else is shown as it is.
pub fn caveat_text(t: &Texts, caveat: &str) -> String {
    let en = texts(Lang::En);
    let prefix = |template: &'static str| template.split_once('{').map_or(template, |(a, _)| a);
    let number = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>();
    if caveat == en.size_caveat_musl {
        return t.size_caveat_musl.to_string();
    }
    if caveat == en.size_caveat_no_apt {
        return t.size_caveat_no_apt.to_string();
    }
    if caveat == en.size_caveat_estimate {
        return t.size_caveat_estimate.to_string();
    }
    if caveat == en.size_caveat_unknown {
        return t.size_caveat_unknown.to_string();
    }
    if let Some(tail) = caveat.strip_prefix(prefix(en.size_caveat_no_shell)) {
        let n = number(tail);
        if !n.is_empty() && caveat == en.size_caveat_no_shell.replace("{n}", &n) {
            return t.size_caveat_no_shell.replace("{n}", &n);
        }
    }
    let n = number(caveat);
    if !n.is_empty() && caveat == en.size_caveat_steps.replace("{n}", &n) {
        return t.size_caveat_steps.replace("{n}", &n);
    }
    let (head, tail) = en.size_caveat_nearest.split_once("{from}").unwrap_or((en.size_caveat_nearest, ""));
    if let Some(from) = caveat.strip_prefix(head).and_then(|c| c.strip_suffix(tail)) {
        return t.size_caveat_nearest.replace("{from}", from);
    }
    caveat.to_string()
}

#[component]
pub fn BaseChart(props: &BaseChartProps) -> Html {
    let t = texts(props.lang);
    if props.options.len() < 2 {
        return html! {};
    }
    let chart = Html::from_html_unchecked(AttrValue::from(inline_chart(&props.options)));
    let choice = |o: &BaseOption| {
        let selected = match &props.chosen {
            Some(c) => *c == o.reference,
            None => o.current,
        };
        let value = (!o.current).then(|| o.reference.clone());
        let onchange = props.on_choose.reform(move |_: Event| value.clone());
        html! {
            // `role="none"`: the list is a radio group, so its items are not
            // list items to assistive technology.
            <li role="none" class={classes!("size-option", selected.then_some("selected"))}>
                <label>
                    <input type="radio" name="size-base" value={o.reference.clone()} checked={selected} {onchange} />
                    <span class="size-ref">{ short_reference(&o.reference) }</span>
                    if o.current {
                        <span class="size-tag">{ t.size_as_written }</span>
                    }
                    <span class="size-num">{ megabytes(o.uncompressed) }</span>
                    if o.low != o.high {
                        <span class="size-basis size-range" title={t.size_range_help}>{ range_text(o.low, o.high, megabytes) }</span>
                    }
                </label>
                if !o.caveats.is_empty() {
                    <ul class="size-caveats">{ for o.caveats.iter().map(|c| html! { <li>{ caveat_text(t, c) }</li> }) }</ul>
                }
            </li>
        }
    };
    html! {
        <section class="size-section size-compare">
            <h3>{ t.size_compare }</h3>
            <p class="size-help">{ t.size_compare_help }</p>
            <div class="size-chart-wrap">{ chart }</div>
            <p class="size-legend">
                <span class="swatch base"></span>{ t.size_chart_base }
                <span class="swatch added"></span>{ t.size_chart_added }
            </p>
            <ul class="size-options" role="radiogroup" aria-label={t.size_compare}>
                { for props.options.iter().map(choice) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dockerplay_core::inputs::BuildInput;
    use dockerplay_core::size::{compare_bases, SizeOptions};

    #[test]
    fn the_inline_chart_has_no_page_wide_style_but_keeps_its_bars() {
        let input = BuildInput { dockerfile: "FROM python:3.12\nRUN echo hi > /a\n".into(), ..Default::default() };
        let (options, _) = compare_bases(&input, &SizeOptions::default());
        let svg = inline_chart(&options);
        assert!(!svg.contains("<style>"), "{svg}");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("class=\"base\"").count(), options.len());
    }

    #[test]
    fn every_caveat_the_core_gives_reads_in_chinese() {
        let zh = texts(Lang::Zh);
        let mut seen = 0;
        for dockerfile in [
            "FROM python:3.12\nRUN apt-get install -y curl\nRUN ./x.sh\n",
            "FROM node:20-slim\nRUN echo hi > /a\n",
            "FROM example.com/a/b:1\nRUN true\n",
        ] {
            let input = BuildInput { dockerfile: dockerfile.into(), ..Default::default() };
            let (options, _) = compare_bases(&input, &SizeOptions::default());
            for c in options.iter().flat_map(|o| &o.caveats) {
                let text = caveat_text(zh, c);
                assert!(text.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "untranslated: {c}");
                assert_eq!(caveat_text(texts(Lang::En), c), *c);
                seen += 1;
            }
        }
        assert!(seen >= 6, "the scenarios should raise most caveats, got {seen}");
        assert_eq!(caveat_text(zh, "something new"), "something new");
    }
}

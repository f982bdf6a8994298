//! `dockerplay size FILE|DIR... [--format json|text] [--target T] [--base REF]
//! [--bandwidth MBPS]`: the image size estimate and the same Dockerfile
//! priced on the base's variants. FILE is a Dockerfile, or a scenario JSON
//! (its last build, with its context files and pinned image sizes) so that
//! COPY sources can be given. Several files give JSON lines with `file`.

use crate::args::scan;
use crate::parse::{diagnostics_json, localize};
use dockerplay_core::inputs::{BuildInput, ImageInfo, Scenario};
use dockerplay_core::size::{self, SizeOptions};
use dockerplay_core::syntax;
use serde_json::json;
use std::collections::BTreeMap;
use std::process::ExitCode;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let args = scan(argv, &["format", "target", "base", "bandwidth", "lang"])?;
    let format = args.format(&["text", "json"])?;
    let lang = args.lang()?;
    let (inputs, many) = args.inputs()?;
    for (name, text) in &inputs {
        if many && format != "json" {
            println!("==> {name} <==");
        }
        let (input, images) = read_build(text)?;
        let mut opts = options(&images);
        opts.target = args.options.get("target").cloned();
        opts.base = args.options.get("base").cloned();
        if let Some(b) = args.options.get("bandwidth") {
            opts.bandwidth_mbps =
                b.parse().map_err(|_| format!("--bandwidth must be a number of Mbit/s, not `{b}`"))?;
        }
        let (df, _) = syntax::parse(&input.dockerfile);
        let (report, diags) = size::estimate_parsed(&df, &input, &opts);
        let (bases, _) = size::compare_bases_parsed(&df, &input, &opts);
        if format == "json" {
            let mut out = json!({
                "report": report,
                "bases": bases,
                "chart_svg": size::comparison_svg_in(&bases, lang),
            });
            // Caveats, unknowns' reasons and layer notes as text in `lang`.
            localize(&mut out, lang);
            if let Some(obj) = out.as_object_mut() {
                obj.insert("diagnostics".into(), diagnostics_json(&input.dockerfile, &diags, lang));
            }
            if many {
                crate::args::print_many(name, Some(out), "");
            } else {
                println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
            }
        } else {
            print!("{}", size::render_text_in(&df, &report, lang));
            println!("bases:");
            for b in &bases {
                let mark = if b.current { " (current)" } else { "" };
                println!(
                    "  {}{mark}: {} B ({}..{} B; compressed {} B)",
                    b.reference, b.uncompressed, b.low, b.high, b.compressed
                );
                for c in &b.caveats {
                    println!("    caveat: {}", c.render(lang));
                }
            }
            for d in &diags {
                println!("{}: {}", d.severity.as_str(), d.message.render(lang));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A Dockerfile, or a scenario / single-build JSON.
fn read_build(text: &str) -> Result<(BuildInput, BTreeMap<String, ImageInfo>), String> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
        if value.get("builds").is_some() {
            let scenario: Scenario = serde_json::from_value(value).map_err(|e| format!("invalid scenario: {e}"))?;
            let build = scenario.builds.last().cloned().ok_or("the scenario has no builds")?;
            return Ok((build, scenario.images));
        }
        let build: BuildInput = serde_json::from_value(value).map_err(|e| format!("invalid build: {e}"))?;
        return Ok((build, BTreeMap::new()));
    }
    Ok((BuildInput { dockerfile: text.to_string(), ..Default::default() }, BTreeMap::new()))
}

/// Size options carrying a scenario's pinned image sizes.
fn options(images: &BTreeMap<String, ImageInfo>) -> SizeOptions {
    let image_sizes = images.iter().filter_map(|(r, i)| Some((r.clone(), i.size?))).collect();
    SizeOptions { image_sizes, ..SizeOptions::default() }
}

/// The target's final image size (`image.size` in `simulate`: uncompressed
/// bytes, the sum of file bytes over all layers, as `docker image inspect
/// .Size` reports) and each layer's size, with a scenario's pinned sizes.
pub fn image_size(input: &BuildInput, images: &BTreeMap<String, ImageInfo>) -> size::ImageSize {
    size::image_size(input, &options(images))
}

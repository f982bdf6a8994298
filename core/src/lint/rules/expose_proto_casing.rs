use crate::lint::prelude::*;

declare_rule! {
    /// Protocols in EXPOSE should be lowercase.
    ///
    /// ## What it does
    /// Flags `EXPOSE 80/TCP` and other protocol names that are not lower case.
    ///
    /// ## Why
    /// Docker expects `tcp`, `udp` or `sctp`; lower case is the one spelling
    /// every tool reading the image configuration agrees on.
    ///
    /// ## Example
    /// ```dockerfile
    /// EXPOSE 80/TcP
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// EXPOSE 80/tcp
    /// ```
    pub static RULE = Rule {
        code: "DP020",
        name: "ExposeProtoCasing",
        also: Some("BuildKit:ExposeProtoCasing"),
        severity: Severity::Warning,
        category: Category::Style,
        check,
    };
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Expose) {
        let Args::Expose(ports) = &instr.args else { continue };
        for port in ports {
            let Some((_, proto)) = port.text.rsplit_once('/') else { continue };
            if proto != proto.to_lowercase() {
                let lower = port.text.to_lowercase();
                out.push(
                    RULE.finding(
                        port.span,
                        format!("Defined protocol '{}' in EXPOSE instruction should be lowercase", port.text),
                    )
                    .with_fix(Fix::safe(format!("Write `{lower}`"), vec![Edit::new(port.span, lower)])),
                );
            }
        }
    }
}

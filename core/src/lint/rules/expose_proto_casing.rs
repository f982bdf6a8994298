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
        messages: &[&LOWERCASE, &WRITE],
        check,
    };
}

static LOWERCASE: Message = Message::new(
    "DP020.lowercase",
    "Defined protocol '{protocol}' in EXPOSE instruction should be lowercase",
    "EXPOSE 指令中的协议“{protocol}”应使用小写",
);
static WRITE: Message = Message::new("DP020.write", "Write `{text}`", "改为 `{text}`");

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Expose) {
        let Args::Expose(ports) = &instr.args else { continue };
        for port in ports {
            let Some((_, proto)) = port.text.rsplit_once('/') else { continue };
            if proto != proto.to_lowercase() {
                let lower = port.text.to_lowercase();
                out.push(
                    RULE.finding(port.span, LOWERCASE.msg().arg("protocol", &port.text))
                        .with_fix(Fix::safe(WRITE.msg().arg("text", &lower), vec![Edit::new(port.span, lower)])),
                );
            }
        }
    }
}

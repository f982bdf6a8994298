use crate::lint::prelude::*;

declare_rule! {
    /// Valid UNIX ports range from 0 to 65535.
    ///
    /// ## What it does
    /// Flags an `EXPOSE` port (or end of a port range) above 65535.
    ///
    /// ## Why
    /// TCP and UDP ports are 16-bit numbers; a larger one is a typo, and
    /// the build or the run fails on it.
    ///
    /// ## Example
    /// ```dockerfile
    /// EXPOSE 80800
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// EXPOSE 8080
    /// ```
    pub static RULE = Rule {
        code: "DP311",
        name: "expose-port-range",
        also: Some("DL3011"),
        severity: Severity::Error,
        category: Category::Correctness,
        messages: &[&PORT],
        check,
    };
}

static PORT: Message = Message::new(
    "DP311.port",
    "`{port}` is not a valid port: ports range from 0 to 65535",
    "`{port}` 不是有效的端口：端口号的范围是 0 到 65535",
);

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Expose) {
        let Args::Expose(ports) = &instr.args else { continue };
        for port in ports {
            let text = super::util::drop_quotes(&port.text);
            let number = text.split('/').next().unwrap_or(text);
            // Variables are only known at build time.
            if number.contains('$') {
                continue;
            }
            let bad = number.split('-').any(|p| {
                p.parse::<u64>().is_ok_and(|n| n > 65535) || (p.len() > 5 && p.bytes().all(|b| b.is_ascii_digit()))
            });
            if bad {
                out.push(RULE.finding(port.span, PORT.msg().arg("port", &port.text)));
            }
        }
    }
}

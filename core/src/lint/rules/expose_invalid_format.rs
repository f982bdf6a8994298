use crate::lint::prelude::*;

declare_rule! {
    /// EXPOSE should name container ports only, not IPs or host ports.
    ///
    /// ## What it does
    /// Flags `EXPOSE 8080:80` and `EXPOSE 127.0.0.1:80:80`.
    ///
    /// ## Why
    /// `EXPOSE` documents which ports the container listens on. Publishing
    /// to a host port or address is decided by whoever runs the container
    /// (`docker run -p`); the image cannot do it, and Docker will reject this
    /// form in a future release.
    ///
    /// ## Example
    /// ```dockerfile
    /// EXPOSE 8080:80
    /// ```
    ///
    /// ## Fix
    /// ```dockerfile
    /// EXPOSE 80
    /// ```
    pub static RULE = Rule {
        code: "DP021",
        name: "ExposeInvalidFormat",
        also: Some("BuildKit:ExposeInvalidFormat"),
        severity: Severity::Warning,
        category: Category::Correctness,
        messages: &[&HOST, &CONTAINER],
        check,
    };
}

static HOST: Message = Message::new(
    "DP021.host",
    "EXPOSE instruction should not define an IP address or host-port mapping, found '{port}'",
    "EXPOSE 指令不应指定 IP 地址或主机端口映射，这里写的是“{port}”",
);
static CONTAINER: Message = Message::new("DP021.container", "Expose `{port}` only", "只暴露 `{port}`");

// BuildKit: frontend/dockerfile/dockerfile2llb/convert.go dispatchExpose
// splits `ip:hostPort:containerPort` and reports any ip or host port.
fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for instr in ctx.with_keyword(Keyword::Expose) {
        let Args::Expose(ports) = &instr.args else { continue };
        for port in ports {
            // Variables may expand to anything; judge only what is written.
            if port.text.contains('$') {
                continue;
            }
            let (spec, proto) = match port.text.split_once('/') {
                Some((s, p)) => (s, Some(p)),
                None => (port.text.as_str(), None),
            };
            // An IPv6 address is bracketed: [::1]:80:80.
            let container = if let Some(rest) = spec.strip_prefix('[') {
                rest.rsplit(':').next().unwrap_or("")
            } else {
                spec.rsplit(':').next().unwrap_or("")
            };
            if container.len() == spec.len() {
                continue;
            }
            let fixed = match proto {
                Some(p) => format!("{container}/{p}"),
                None => container.to_string(),
            };
            let mut f = RULE.finding(port.span, HOST.msg().arg("port", &port.text));
            if !container.is_empty() {
                // Unsafe: the author may have meant the host port.
                f = f.with_fix(Fix::unsafe_(CONTAINER.msg().arg("port", &fixed), vec![Edit::new(port.span, fixed)]));
            }
            out.push(f);
        }
    }
}

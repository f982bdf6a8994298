use super::{Sample, SampleId, Variant};

const GO_MOD: &str = "module example.com/hello\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n";

const GO_SUM: &str = "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\n\
github.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n";

const MAIN_GO: &str = r#"package main

import (
	"fmt"
	"net/http"

	"github.com/google/uuid"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "Hello from Docker! request %s\n", uuid.NewString())
	})
	http.ListenAndServe(":8080", nil)
}
"#;

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::Go,
    before: Variant {
        dockerfile: r#"FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/hello .
EXPOSE 8080
CMD ["hello"]
"#,
        files: &[("go.mod", GO_MOD), ("go.sum", GO_SUM), ("main.go", MAIN_GO)],
    },
    after: Variant {
        dockerfile: r#"FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /out/hello .

# Only the static binary ships: no compiler, no shell, no package manager.
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/hello /hello
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/hello"]
"#,
        files: &[
            ("go.mod", GO_MOD),
            ("go.sum", GO_SUM),
            ("main.go", MAIN_GO),
            (".dockerignore", ".git\n*.test\nDockerfile\n"),
        ],
    },
};

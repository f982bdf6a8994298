use super::{Sample, SampleId, Variant};

const REQUIREMENTS: &str = "flask==3.0.3\ngunicorn==22.0.0\n";

const APP_PY: &str = r#"from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "Hello from Docker!\n"
"#;

pub(super) static SAMPLE: Sample = Sample {
    id: SampleId::Python,
    before: Variant {
        dockerfile: r#"FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
"#,
        files: &[("requirements.txt", REQUIREMENTS), ("app.py", APP_PY)],
    },
    after: Variant {
        dockerfile: r#"FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
# No pip cache in the layer: it would only make the image bigger.
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER nobody
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
"#,
        files: &[
            ("requirements.txt", REQUIREMENTS),
            ("app.py", APP_PY),
            (".dockerignore", "__pycache__/\n*.pyc\n.venv/\n.git\n"),
        ],
    },
};

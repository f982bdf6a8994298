//! Entry point of the web app: mount the playground on `<body>`.

fn main() {
    dockerplay_app::start();
}

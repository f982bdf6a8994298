// Offline after the first visit: registers the service worker that
// scripts/sw.py writes at build time (sw.js, which caches the app's files
// by their hashed names). A newer build never replaces the running page:
// once its worker has installed, this marks <html data-update="ready"> and
// fires "dockerplay-update" at the window; the app's banner
// (src/components/update_banner.rs) offers a reload, which fires
// "dockerplay-update-apply" back. <html data-offline="ready"> tells tests
// that the worker is active and its cache filled.
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var sw = navigator.serviceWorker;
  var root = document.documentElement;
  function waiting(worker) {
    root.setAttribute("data-update", "ready");
    dispatchEvent(new Event("dockerplay-update"));
    addEventListener("dockerplay-update-apply", function () {
      sw.addEventListener("controllerchange", function () { location.reload(); });
      worker.postMessage("skip-waiting");
    }, { once: true });
  }
  // Only once the app has started: the worker's install fetches every
  // file again into its cache, which must not compete with the first load
  // (scripts/first-load.mjs counts every byte until the editor takes keys).
  addEventListener("TrunkApplicationStarted", register, { once: true });
  function register() {
    sw.register("sw.js").then(function (reg) {
      // No registration where workers are blocked (a test's browser).
      if (!reg) return;
      if (reg.waiting && sw.controller) waiting(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && sw.controller) waiting(worker);
        });
      });
    }, function (e) {
      root.setAttribute("data-offline", "failed");
      console.warn("dockerplay: no offline copy (" + e + ")");
    });
    sw.ready.then(function () { root.setAttribute("data-offline", "ready"); });
  }
})();

//! What the fuzzers (`fuzz/`, `scripts/fuzz.sh`) found, each kept as the
//! smallest input that showed it, checked for the property the fuzz target
//! asserts. A new finding gets a case here before its fix.

use dockerplay_core::inputs::BuildInput;
use dockerplay_core::size::{self, SizeOptions};

/// The `size` target: every layer's estimated part is part of the layer.
fn check_size(dockerfile: &str) {
    let input = BuildInput { dockerfile: dockerfile.to_string(), ..Default::default() };
    let (report, _) = size::estimate(&input, &SizeOptions::default());
    for stage in std::iter::once(&report.image).chain(&report.other_stages) {
        for l in &stage.layers {
            assert!(
                l.estimated <= l.uncompressed,
                "line {}: estimated {} of a {} B layer",
                l.line,
                l.estimated,
                l.uncompressed
            );
        }
    }
}

#[test]
fn packages_deleted_in_their_own_step_are_no_estimate_of_it() {
    // Found by `size` from core/tests/corpus/php-laravel-fpm-cn.Dockerfile:
    // the build dependencies' estimate outlived their deletion.
    check_size(
        "FROM php:8.3-fpm-alpine\n\
         RUN apk add --no-cache --virtual .build-deps $PHPIZE_DEPS \\\n\
         \x20   && docker-php-ext-install pdo_mysql \\\n\
         \x20   && pecl install redis \\\n\
         \x20   && apk del .build-deps\n",
    );
}

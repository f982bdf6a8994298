FROM wordpress:6.5-php8.2-apache
# WP-CLI for scripted setup in CI.
RUN curl -o /usr/local/bin/wp -fsSL https://raw.githubusercontent.com/wp-cli/builds/gh-pages/phar/wp-cli.phar \
    && chmod +x /usr/local/bin/wp
COPY --chown=www-data:www-data wp-content/themes/acme /usr/src/wordpress/wp-content/themes/acme
COPY --chown=www-data:www-data wp-content/plugins/ /usr/src/wordpress/wp-content/plugins/
COPY uploads.ini /usr/local/etc/php/conf.d/uploads.ini

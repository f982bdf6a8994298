FROM composer:2 AS vendor
WORKDIR /app
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts --prefer-dist --no-interaction

FROM php:8.3-fpm-alpine
RUN apk add --no-cache icu-dev libzip-dev \
 && docker-php-ext-install intl zip pdo_mysql opcache \
 && apk del icu-dev
RUN for ext in bcmath exif; do docker-php-ext-install $ext; done
WORKDIR /var/www/html
COPY --from=vendor /app/vendor ./vendor
COPY . .
RUN chown -R www-data:www-data storage bootstrap/cache
USER www-data

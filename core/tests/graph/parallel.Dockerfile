# A fan-out and fan-in: levels say what can build at once, and the
# critical path follows the slowest branch.
# graph-test:
# graph-test: target=lint
FROM node:20 AS deps
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS lint
RUN npm run lint

FROM deps AS unit
RUN npm test
RUN npm run coverage

FROM deps AS build
RUN npm run build

FROM nginx:1.27 AS final
COPY --from=build /dist /usr/share/nginx/html
COPY --from=unit /coverage /usr/share/nginx/html/coverage
COPY --from=lint /report /usr/share/nginx/html/lint

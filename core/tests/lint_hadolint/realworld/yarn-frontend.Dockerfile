FROM node:18-alpine AS deps
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile
RUN npm install -g serve@14.2.1 typescript

FROM node:18-alpine AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN yarn build

FROM nginx:1.25-alpine
COPY --from=build /app/dist /usr/share/nginx/html
COPY --from=build / /
EXPOSE 80

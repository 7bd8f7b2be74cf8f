# Build stage: compile TypeScript with the full toolchain (dev dependencies include node@22).
FROM node:22.12-bookworm-slim AS build
WORKDIR /app
# `npm ci` builds through the package's `prepare` script, so the sources come first.
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY checks ./checks
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Release image: production dependencies and compiled code only, run as the unprivileged user.
FROM node:22.12-bookworm-slim
# The CLI (`scan --base`, `ci`) reads history with git. A mounted checkout belongs to another
# user than the container's, which git refuses unless the directory is declared safe.
RUN apt-get update \
  && apt-get install --yes --no-install-recommends git \
  && rm -rf /var/lib/apt/lists/* \
  && git config --system --add safe.directory '*'
ENV NODE_ENV=production
# Probot binds to localhost unless told otherwise; in a container it must listen on all interfaces.
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# Exec form: node itself is PID 1 and receives SIGTERM (no shell in between). No argument runs
# the App (web + worker + clock); `web`, `worker` or `clock` one process type; `scan …` or
# `ci …` the CLI, e.g. `docker run --rm -v "$PWD:/src" IMAGE scan /src`.
ENTRYPOINT ["node", "dist/src/main.js"]

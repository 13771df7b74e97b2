# Multi-stage build: compile in one image, run the compiled program as a non-root user in another.
# Build: docker build -t alliance-bot .   Run: docker run --env-file .env -v $PWD/knowledge:/app/knowledge alliance-bot
FROM node:20-bookworm-slim AS build
WORKDIR /app
# python3, make and g++ build better-sqlite3 where no prebuilt binary is available.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY adapters/slack/manifest.yaml ./adapters/slack/manifest.yaml
COPY knowledge ./knowledge
RUN mkdir -p /app/data && chown -R node:node /app/data /app/knowledge
USER node
# /healthz and /metrics when HTTP_PORT is set; 3000 is Slack's HTTP mode.
EXPOSE 3000 9300
# node itself, not npm: npm does not pass SIGTERM on, and the bot needs it to finish in-flight questions.
CMD ["node", "dist/src/program/main.js"]

# The bot as deployed: compiled JavaScript on Node 20, data/ and intents/ beside it (mount them to
# edit live). Not needed for `npm install && npm start`; see docs/deploying.md.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY data ./data
COPY intents ./intents
# The evaluation sets: live reload refuses an edit that loses "Call 999 now" first on any of their danger questions.
COPY test/eval ./test/eval
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]

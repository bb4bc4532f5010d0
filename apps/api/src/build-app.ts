// buildApp(deps): the whole HTTP API apart from listen(), so tests drive it with app.inject.
// Zod schemas on every route are the one source for validation, serialization and /docs/json.
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { AppError } from "@safetynet/core";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppDeps } from "./app-deps.js";
import { authPlugin } from "./auth/auth-plugin.js";
import { handleError } from "./http/handle-error.js";
import { dashboardRoutes } from "./routes/dashboard-routes.js";
import { registerRoutes } from "./routes/register-routes.js";

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: "api" }) as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    // Request logs carry method, route and status; never query strings (they hold search text).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: reply.elapsedTime },
      "request",
    );
  });
  // A text/csv body for the staff import; JSON everywhere else. Other types answer 415.
  app.addContentTypeParser(["text/csv", "text/plain"], { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );

  await app.register(fastifyHelmet, {
    // Swagger UI and the dashboard load their own scripts and styles from this origin only.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    },
  });
  if (deps.rateLimit !== false) {
    await app.register(fastifyRateLimit, {
      max: deps.rateLimit ?? 600,
      timeWindow: "1 minute",
      errorResponseBuilder: (_request, context) =>
        new AppError("RATE_LIMITED", { message: `too many requests; try again in ${context.after}` }),
    });
  }
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Safety net triage API",
        description:
          "Failures, incidents, notices, reports and administration of Safety net. Bearer token (API token or ADMIN_TOKEN); roles viewer < triager < admin.",
        version: "1.0.0",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list" } });
  await app.register(authPlugin, deps);
  await registerRoutes(app, deps);
  await dashboardRoutes(app, deps);
  return app;
}

// Webhooks as their owners see them: a partner portal's key lists its webhooks and their
// deliveries (status, attempts, last error) and queues one again; an admin registers them.
import { randomBytes } from "node:crypto";
import { isAdmin } from "../../auth/identity.js";
import { WebhookDeliveryStatus, WebhookEvent as WebhookEventValues } from "../../generated/prisma/index.js";
import { builder, rootIn } from "../builder.js";
import { badInput, notFound } from "../common/errors.js";
import { maxLength } from "../common/input-limits.js";
import { pageSize } from "../common/pagination.js";
import type { Context } from "../context.js";
import { MAX_CITATION, rowId, writeInput } from "../contributions/inputs.js";
import { adminWriter, checkUrl, record, write } from "../contributions/write.js";

/** The key a webhook belongs to, or an admin. */
const ownsKey = (ctx: Context, apiKeyId: number) => isAdmin(ctx.actor) || ctx.actor?.id === `api-key:${apiKeyId}`;

export const WebhookEvent = builder.enumType(WebhookEventValues, {
  name: "WebhookEvent",
  description: "The kinds of committed write a webhook is sent for (the subscriptions of the same names).",
  values: {
    PARTNER_SEARCH_POSTED: { description: "A partner search was posted." },
    INTEREST_EXPRESSED: {
      description:
        "A town expressed interest in a partner search (only to the search town's editors' keys and admins').",
    },
    FUNDING_CALL_PUBLISHED: { description: "A funding call was published." },
    MEMBERSHIP_CHANGED: { description: "A membership was added or ended." },
    RECORD_CHANGED: { description: "Any write of a public record (not interests or twinnings)." },
  },
});

const DeliveryStatus = builder.enumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  values: {
    PENDING: { description: "Waiting to be sent (again): see nextAttemptAt." },
    DELIVERED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Every attempt failed; redeliverWebhookDelivery queues it again." },
  },
});

export const Webhook = builder.prismaNode("Webhook", {
  select: { id: true, apiKeyId: true },
  ...rootIn("contributions"),
  id: { field: "id" },
  description: "A partner portal's endpoint that committed writes are POSTed to, signed (see README: webhooks).",
  authScopes: (webhook: { apiKeyId: number }, ctx) => ownsKey(ctx, webhook.apiKeyId),
  fields: (t) => ({
    url: t.exposeString("url", { description: "Where deliveries are POSTed." }),
    events: t.field({
      type: [WebhookEvent],
      description: "The kinds of write it is sent for.",
      select: { events: true },
      resolve: (webhook) => webhook.events,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was registered." }),
    deliveries: t.relatedConnection("deliveries", {
      ...pageSize,
      cursor: "id",
      description: "Its deliveries, newest first.",
      query: () => ({ orderBy: { id: "desc" as const } }),
    }),
  }),
});

export const WebhookDelivery = builder.prismaNode("WebhookDelivery", {
  select: { id: true, webhook: { select: { apiKeyId: true } } },
  ...rootIn("contributions"),
  id: { field: "id" },
  description: "One write sent (or to be sent) to a webhook.",
  authScopes: (delivery: { webhook: { apiKeyId: number } }, ctx) => ownsKey(ctx, delivery.webhook.apiKeyId),
  fields: (t) => ({
    event: t.expose("event", { type: WebhookEvent, description: "The kind of write." }),
    payload: t.field({
      type: "String",
      description: "The JSON body sent.",
      select: { payload: true },
      resolve: (delivery) => JSON.stringify(delivery.payload),
    }),
    status: t.expose("status", { type: DeliveryStatus, description: "Pending, delivered or failed." }),
    attempts: t.exposeInt("attempts", { description: "Attempts so far." }),
    nextAttemptAt: t.expose("nextAttemptAt", {
      type: "DateTime",
      description: "When it is (or was last) due to be sent.",
    }),
    lastStatus: t.exposeInt("lastStatus", { nullable: true, description: "The HTTP status of the last attempt." }),
    lastError: t.exposeString("lastError", { nullable: true, description: "Why the last attempt failed." }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true, description: "When it was delivered." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the write committed." }),
  }),
});

builder.queryField("webhooks", (t) =>
  t.prismaField({
    ...rootIn("contributions"),
    type: ["Webhook"],
    description: "The calling API key's webhooks (all of them, for an admin).",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.webhook.findMany({
        ...query,
        where: isAdmin(ctx.actor) ? {} : { apiKeyId: Number(ctx.actor!.id.replace(/^api-key:/, "")) || -1 },
        orderBy: { id: "asc" },
      }),
  }),
);

const RegisterWebhookInput = builder.inputType("RegisterWebhookInput", {
  description: "A webhook for one API key.",
  fields: (t) => ({
    apiKey: t.int({ required: true, description: "The key's id, as `pnpm citynet keys list` shows it." }),
    url: t.string({
      required: true,
      description: `An http(s) URL the deliveries are POSTed to (at most ${MAX_CITATION} characters).`,
      extensions: maxLength(MAX_CITATION),
    }),
    events: t.field({ type: [WebhookEvent], required: true, description: "The kinds of write to send." }),
  }),
});

const RegisteredWebhook = builder
  .objectRef<{ webhook: { id: number; apiKeyId: number }; secret: string }>("RegisteredWebhook")
  .implement({
    description: "A registered webhook, with its signing secret (shown this once).",
    ...rootIn("contributions"),
    fields: (t) => ({
      webhook: t.field({ type: Webhook, description: "The webhook.", resolve: (r) => r.webhook }),
      secret: t.exposeString("secret", {
        description: "The HMAC-SHA256 key its deliveries are signed with: store it now.",
      }),
    }),
  });

const RedeliverInput = builder.inputType("RedeliverWebhookDeliveryInput", {
  description: "A delivery to send again.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: [WebhookDelivery], description: "The delivery's global id." }),
  }),
});

builder.mutationFields((t) => ({
  registerWebhook: t.field({
    ...rootIn("contributions"),
    type: RegisteredWebhook,
    description: "Registers a webhook for an API key (ADMIN only). The secret is returned once.",
    args: { input: t.arg({ type: RegisterWebhookInput, ...writeInput }) },
    authScopes: { admin: true },
    resolve: async (_root, { input }, ctx) => {
      checkUrl(input.url, "input.url", MAX_CITATION);
      if (!input.events.length) throw badInput("Name at least one event", "input.events");
      const key = await ctx.prisma.apiKey.findUnique({ where: { id: input.apiKey }, select: { revokedAt: true } });
      if (!key || key.revokedAt) throw badInput(`No active API key ${input.apiKey}`, "input.apiKey");
      const secret = `whsec_${randomBytes(24).toString("base64url")}`;
      // Audited like every write (the secret stays out of the audit log).
      const webhook = await write(ctx, async (tx) => {
        const created = await tx.webhook.create({
          data: { apiKeyId: input.apiKey, url: input.url, events: [...new Set(input.events)], secret },
        });
        await record(tx, ctx, adminWriter(ctx), {
          mutation: "registerWebhook",
          recordType: "Webhook",
          recordId: created.id,
          before: null,
          after: { apiKeyId: created.apiKeyId, url: created.url, events: created.events },
        });
        return created;
      });
      return { webhook, secret };
    },
  }),
  redeliverWebhookDelivery: t.prismaField({
    ...rootIn("contributions"),
    type: "WebhookDelivery",
    description: "Queues a delivery to be sent again now (its key's owner, or an ADMIN).",
    args: { input: t.arg({ type: RedeliverInput, ...writeInput }) },
    authScopes: async (_root, { input }, ctx) => {
      if (!ctx.actor) return { authenticated: true };
      const delivery = await deliveryOwner(ctx, input.id);
      return delivery ? ownsKey(ctx, delivery.webhook.apiKeyId) : { authenticated: true };
    },
    resolve: async (query, _root, { input }, ctx) => {
      const id = rowId(input.id, "input.id");
      if (!(await deliveryOwner(ctx, input.id))) throw notFound("webhook delivery", "its id");
      return ctx.prisma.webhookDelivery.update({
        ...query,
        where: { id },
        data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
      });
    },
  }),
}));

const deliveryOwner = (ctx: Context, globalId: { id: string }) =>
  ctx.prisma.webhookDelivery.findUnique({
    where: { id: rowId(globalId, "input.id") },
    select: { webhook: { select: { apiKeyId: true } } },
  });

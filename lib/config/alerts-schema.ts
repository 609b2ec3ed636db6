import { z } from 'zod';

// `alerts` in lookout.config.json: who hears when a camera goes offline and comes back.
export const webhookSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    // json: Lookout's own payload; ntfy: a plain-text notification; slack / discord: their
    // incoming-webhook shapes ({ text } / { content }).
    format: z.enum(['json', 'ntfy', 'slack', 'discord']).default('json'),
    secret: z.string().min(16, 'use at least 16 characters (openssl rand -hex 32)').optional(), // signs each call (HMAC-SHA256)
  })
  .strict();

export const alertsSchema = z
  .object({
    webhooks: z.array(webhookSchema).default([]),
    alertAfterMinutes: z.number().positive().max(1440).default(5),
    // A camera that keeps dropping raises at most one offline alert per window.
    flapWindowMinutes: z.number().positive().max(1440).default(60),
    dashboardUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export type WebhookConfig = z.output<typeof webhookSchema>;
export type AlertsConfig = z.output<typeof alertsSchema>;

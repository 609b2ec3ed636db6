import { alertsSchema } from './alerts-schema.ts';
import { z } from 'zod';

const SOURCE_PROTOCOLS = ['rtsp:', 'rtsps:', 'tcp:', 'file:', 'test:'] as const;
export type SourceKind = 'rtsp' | 'tcp' | 'file' | 'test';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const sourceSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a URL (expected rtsp://, rtsps://, tcp://host:port, file:///path or test:)' });
    return;
  }
  if (!(SOURCE_PROTOCOLS as readonly string[]).includes(url.protocol)) {
    ctx.addIssue({ code: 'custom', message: `protocol "${url.protocol}" is not supported (use ${SOURCE_PROTOCOLS.join(' ')})` });
  } else if (url.protocol === 'tcp:' && (!url.hostname || !url.port)) {
    ctx.addIssue({ code: 'custom', message: 'tcp sources need a host and a port, e.g. tcp://192.168.1.20:5000' });
  }
});

export const snapshotSchema = z
  .object({
    intervalSeconds: z.number().int().min(2).max(3600).default(10),
    width: z.number().int().min(160).max(3840).default(1280),
    quality: z.number().int().min(30).max(100).default(80),
    overlay: z.boolean().default(false),
    overlayPosition: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']).default('bottom-left'),
    offlineOverlay: z.boolean().default(true),
  })
  .strict();

export const cameraSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'must be a slug: lowercase letters, digits and dashes, at most 40'),
    name: z.string().trim().min(1).max(80),
    description: z.string().max(500).default(''),
    source: sourceSchema,
    username: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    timezone: z.string().refine(isTimeZone, 'is not an IANA time zone such as "Europe/Zurich"').default('UTC'),
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict().optional(),
    segmentSeconds: z.number().int().min(1).max(10).default(2),
    frameRate: z.number().positive().max(120).optional(),
    timeoutSeconds: z.number().int().min(2).max(120).default(10),
    integrity: z.enum(['full', 'keyframes', 'off']).default('full'),
    snapshot: snapshotSchema.default(() => snapshotSchema.parse({})),
  })
  .strict();

export const configFileSchema = z
  .object({
    defaultCamera: z.string().optional(),
    cameras: z.array(cameraSchema).default([]),
    alerts: alertsSchema.default(() => alertsSchema.parse({})),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.cameras.forEach((camera, index) => {
      if (seen.has(camera.id)) ctx.addIssue({ code: 'custom', path: ['cameras', index, 'id'], message: `"${camera.id}" is used twice` });
      seen.add(camera.id);
    });
    if (file.defaultCamera !== undefined && file.cameras.length > 0 && !seen.has(file.defaultCamera)) {
      ctx.addIssue({ code: 'custom', path: ['defaultCamera'], message: `"${file.defaultCamera}" is not one of the cameras` });
    }
  });

export type CameraInput = z.input<typeof cameraSchema>;
export type ParsedCamera = z.output<typeof cameraSchema>;
export type ConfigFile = z.output<typeof configFileSchema>;

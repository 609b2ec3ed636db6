// Demo stream-health history for the configured cameras (the worker writes the real one):
//   node --import tsx scripts/health-demo.ts --days 30
import { parseArgs } from 'node:util';
import { getConfig } from '../lib/config/index.ts';
import { generateDemoHealthEvents } from '../lib/dashboard/demo-health-events.ts';
import { recordHealthEvents } from '../lib/queries/health-events.ts';

const { values } = parseArgs({ options: { days: { type: 'string', default: '365' } } });
const to = Date.now();
const from = to - Number(values.days) * 86_400_000;
let count = 0;
for (const [i, camera] of getConfig().cameras.entries()) {
  const events = generateDemoHealthEvents(camera.id, from, to, 7 + i);
  await recordHealthEvents(events);
  count += events.length;
}
console.log(`${count} demo health events written`);

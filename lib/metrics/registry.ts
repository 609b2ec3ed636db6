import { Registry, type Metric } from 'prom-client';

const KEY = Symbol.for('lookout.metricsRegistry');
const store = globalThis as unknown as { [KEY]?: Registry };

// One registry per process: Next evaluates a module once per bundle, so the registry lives on
// globalThis under a registered symbol, and each metric is made once, by name.
export function getMetricsRegistry(): Registry {
  store[KEY] ??= new Registry();
  return store[KEY];
}

export function defineMetric<T extends Metric>(registry: Registry, name: string, make: (registers: Registry[]) => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make([registry]);
}

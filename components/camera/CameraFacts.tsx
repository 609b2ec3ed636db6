import { formatClock } from '@/lib/site-server/format-time';
import type { PublicCamera } from '@/lib/site-server/public-camera';
import { getSunTimes } from '@/lib/sun';

// Location and today's sunrise/sunset at the camera, computed on the server.
export function CameraFacts({ camera }: { camera: PublicCamera }) {
  const facts: [string, string][] = [['Time zone', camera.timezone]];
  if (camera.location) {
    const { lat, lon } = camera.location;
    facts.push(['Location', `${Math.abs(lat).toFixed(3)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(3)}° ${lon >= 0 ? 'E' : 'W'}`]);
    const sun = getSunTimes(todayAt(camera.timezone), lat, lon);
    if ('sunrise' in sun) {
      facts.push(['Sunrise', formatClock(sun.sunrise, camera.timezone)]);
      facts.push(['Sunset', formatClock(sun.sunset, camera.timezone)]);
    } else facts.push(['Sun', sun.polar === 'day' ? 'Midnight sun: up all day' : 'Polar night: below the horizon all day']);
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-neutral-300 2xl:text-lg" data-testid="camera-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-neutral-500">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// The camera's local calendar date, as a UTC midnight the sun equations can use.
function todayAt(timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(`${parts}T00:00:00Z`);
}

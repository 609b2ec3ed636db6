import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The worker and scripts are type-checked by `npm run typecheck`; the build checks the site.
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
